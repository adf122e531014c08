import { createHash } from 'node:crypto';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { POSITION_ATTACHMENT_MAX_BYTES, POSITION_ATTACHMENTS_MAX } from '../../shared/forum/constants.ts';
import type { PositionAttachment } from '../../shared/forum/schemas/meetings.ts';
import { inTransaction } from '../platform/audit/head.ts';
import { appendAudit } from '../platform/audit/log.ts';
import type { RequestContext } from '../platform/context.ts';
import type { Database } from '../platform/db/client.ts';
import { AppError, notFound } from '../platform/http/errors.ts';
import { authorize } from '../platform/policy/policy.ts';
import { cleanFileName } from '../zones/evidence-files.ts';
import { cleanEvidenceFile, EvidenceFileError, sniffMediaType } from '../zones/files/image-metadata.ts';
import { auditActorOf, notYours, refused } from './support.ts';
import { forumAttachments, forumBodies, forumBodyMembers, forumMeetings, forumPositions } from './tables.ts';
import './events.ts';
import './permissions.ts';

/**
 * A position's attachments: the paper an organisation puts before a meeting, beside its text and evidence. One
 * file per request (the body is the file, its name in the query): a PDF, kept as sent (the submitting
 * organisation exports it without personal details: docs/forum.md), or a JPEG, PNG or WebP image, its metadata
 * removed (no EXIF, so no location). An attachment is read by whoever may read its position: anyone for a public
 * position, the body's members and its own organisation for a members-only one.
 */

export const attachmentTooLarge = () =>
  new AppError('payload_too_large', {
    params: { reason: 'position_attachment', megabytes: POSITION_ATTACHMENT_MAX_BYTES / (1024 * 1024) },
  });

const hrefOf = (meetingId: string, attachmentId: string, audience: 'staff' | 'public') =>
  `/api/v1/${audience === 'public' ? 'public/' : ''}forum/meetings/${meetingId}/attachments/${attachmentId}`;

/** The file as it will be stored: an image without its metadata, a PDF as sent; anything else is refused. */
function storedFile(bytes: Buffer): { mediaType: string; bytes: Buffer } {
  if (bytes.length === 0) {
    throw new AppError('validation_failed', {
      errors: [{ field: 'body', code: 'required', message: 'the file is empty' }],
    });
  }
  if (bytes.length > POSITION_ATTACHMENT_MAX_BYTES) throw attachmentTooLarge();
  if (sniffMediaType(bytes) === 'application/pdf') return { mediaType: 'application/pdf', bytes };
  try {
    return cleanEvidenceFile(bytes);
  } catch (error) {
    if (!(error instanceof EvidenceFileError)) throw error;
    if (error.reason === 'damaged') {
      throw new AppError('validation_failed', {
        errors: [{ field: 'body', code: 'damaged_file', message: error.message }],
      });
    }
    throw new AppError('unsupported_media_type', { params: { reason: 'position_attachment' } });
  }
}

/**
 * Attaches a file to the actor's organisation's position while positions are still received for the meeting
 * (until the day its positions are due), at most POSITION_ATTACHMENTS_MAX per position.
 */
export async function attachToPosition(
  ctx: RequestContext,
  meetingId: string,
  positionId: string,
  file: { name: string; bytes: Buffer },
  now = new Date(),
): Promise<PositionAttachment> {
  const actor = authorize(ctx, 'position:submit');
  const stored = storedFile(file.bytes);
  const sha256 = createHash('sha256').update(stored.bytes).digest('hex');
  return inTransaction(ctx.db, async (tx) => {
    const [found] = await tx
      .select({ position: forumPositions, meeting: forumMeetings, bodyCode: forumBodies.code })
      .from(forumPositions)
      .innerJoin(forumMeetings, eq(forumMeetings.id, forumPositions.meetingId))
      .innerJoin(forumBodies, eq(forumBodies.id, forumMeetings.bodyId))
      .where(and(eq(forumPositions.id, positionId), eq(forumPositions.meetingId, meetingId)))
      .for('update', { of: forumPositions });
    if (!found) throw notFound('position');
    if (found.position.organisationId !== actor.organisationId) throw notYours('forum_not_your_position');
    if (now.toISOString().slice(0, 10) > found.meeting.positionsDueOn) {
      throw refused('forum_positions_closed', { dueOn: found.meeting.positionsDueOn });
    }
    const [attached] = await tx
      .select({ n: count() })
      .from(forumAttachments)
      .where(eq(forumAttachments.positionId, positionId));
    if ((attached?.n ?? 0) >= POSITION_ATTACHMENTS_MAX) {
      throw refused('forum_too_many_attachments', { limit: POSITION_ATTACHMENTS_MAX });
    }
    const [row] = await tx
      .insert(forumAttachments)
      .values({
        positionId,
        fileName: cleanFileName(file.name),
        mediaType: stored.mediaType,
        byteSize: stored.bytes.length,
        sha256,
        content: stored.bytes.toString('base64'),
        createdAt: now,
      })
      .returning();
    await appendAudit(tx, {
      type: 'forum.position_attachment_added',
      actor: auditActorOf(actor),
      subject: `forum-position:${positionId}`,
      details: {
        meetingId,
        bodyCode: found.bodyCode,
        positionId,
        attachmentId: row!.id,
        mediaType: stored.mediaType as 'application/pdf',
        bytes: stored.bytes.length,
        sha256,
      },
    });
    return describe(row!, meetingId, 'staff');
  });
}

function describe(
  row: typeof forumAttachments.$inferSelect,
  meetingId: string,
  audience: 'staff' | 'public',
): PositionAttachment {
  return {
    id: row.id,
    fileName: row.fileName,
    mediaType: row.mediaType,
    byteSize: row.byteSize,
    sha256: row.sha256,
    href: hrefOf(meetingId, row.id, audience),
  };
}

/** The attachments of the positions named, by position, oldest first (their content not read). */
export async function attachmentsOf(
  db: Database,
  meetingId: string,
  positionIds: readonly string[],
  audience: 'staff' | 'public',
): Promise<Map<string, PositionAttachment[]>> {
  const byPosition = new Map<string, PositionAttachment[]>();
  if (positionIds.length === 0) return byPosition;
  const rows = await db
    .select({
      id: forumAttachments.id,
      positionId: forumAttachments.positionId,
      fileName: forumAttachments.fileName,
      mediaType: forumAttachments.mediaType,
      byteSize: forumAttachments.byteSize,
      sha256: forumAttachments.sha256,
      createdAt: forumAttachments.createdAt,
    })
    .from(forumAttachments)
    .where(inArray(forumAttachments.positionId, [...positionIds]))
    .orderBy(asc(forumAttachments.createdAt));
  for (const row of rows) {
    const list = byPosition.get(row.positionId) ?? [];
    list.push(describe({ ...row, content: '' }, meetingId, audience));
    byPosition.set(row.positionId, list);
  }
  return byPosition;
}

/**
 * An attachment's file, for a reader who may read its position: `viewer` is the reader's organisation, or null
 * for the public (public positions only). Anything the reader may not see is "not found", never "forbidden".
 */
export async function readAttachment(
  db: Database,
  meetingId: string,
  attachmentId: string,
  viewer: string | null,
): Promise<{ name: string; mediaType: string; bytes: Buffer }> {
  const [found] = await db
    .select({ file: forumAttachments, position: forumPositions, bodyId: forumMeetings.bodyId })
    .from(forumAttachments)
    .innerJoin(forumPositions, eq(forumPositions.id, forumAttachments.positionId))
    .innerJoin(forumMeetings, eq(forumMeetings.id, forumPositions.meetingId))
    .where(and(eq(forumAttachments.id, attachmentId), eq(forumPositions.meetingId, meetingId)));
  if (!found) throw notFound('attachment');
  if (found.position.visibility !== 'public') {
    const member =
      viewer !== null &&
      (found.position.organisationId === viewer ||
        (
          await db
            .select({ id: forumBodyMembers.organisationId })
            .from(forumBodyMembers)
            .where(and(eq(forumBodyMembers.bodyId, found.bodyId), eq(forumBodyMembers.organisationId, viewer)))
        ).length > 0);
    if (!member) throw notFound('attachment');
  }
  return {
    name: found.file.fileName,
    mediaType: found.file.mediaType,
    bytes: Buffer.from(found.file.content, 'base64'),
  };
}
