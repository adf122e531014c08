import { createHash } from 'node:crypto';
import { and, asc, count, eq } from 'drizzle-orm';
import {
  EVIDENCE_FILE_MAX_BYTES,
  EVIDENCE_FILES_PER_OBSERVATION,
  type EvidenceFile,
} from '../../shared/zones/schemas.ts';
import { recordAccess } from '../platform/audit/access.ts';
import { inTransaction } from '../platform/audit/head.ts';
import { appendAudit } from '../platform/audit/log.ts';
import type { RequestContext } from '../platform/context.ts';
import { AppError, notFound } from '../platform/http/errors.ts';
import { authorize } from '../platform/policy/policy.ts';
import { cleanEvidenceFile, EvidenceFileError } from './files/image-metadata.ts';
import { seesEvidence } from './observations.ts';
import { auditActorOf } from './support.ts';
import { zoneEvidenceFiles, zoneObservations } from './tables.ts';
import './events.ts';
import './permissions.ts';

/**
 * Evidence files: a photo or a scan the submitting organisation attaches to its observation. The file's type is
 * found from its content, its metadata removed (files/image-metadata.ts: no EXIF, so no GPS location), then the
 * cleaned file and its name are stored encrypted (the keyring's envelopes, purpose `narrative`, as the evidence
 * notes). Only the submitting organisation and verifiers may download them; every download checks that, and is
 * written to the access log. Nothing of a file is ever public.
 */

/** The refusal of a file over the limit (the parser gives the same, before any of it is held in memory). */
export const evidenceFileTooLarge = () =>
  new AppError('payload_too_large', {
    params: { reason: 'evidence_file', megabytes: EVIDENCE_FILE_MAX_BYTES / (1024 * 1024) },
  });

const hrefOf = (observationId: string, fileId: string) => `/api/v1/observations/${observationId}/files/${fileId}`;

/** A file's name as stored: the last part of a path, without control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const printable = base.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  return printable.slice(0, 200) || 'evidence';
}

/**
 * Attaches a file while the observation waits for a verifier (pending, or more evidence asked for). A decided
 * value gets evidence through a correction, which puts it back in the queue.
 */
export async function attachEvidenceFile(
  ctx: RequestContext,
  observationId: string,
  file: { name: string; bytes: Buffer },
): Promise<EvidenceFile> {
  const actor = authorize(ctx, 'observation:create');
  if (file.bytes.length === 0) {
    throw new AppError('validation_failed', {
      errors: [{ field: 'body', code: 'required', message: 'the file is empty' }],
    });
  }
  if (file.bytes.length > EVIDENCE_FILE_MAX_BYTES) {
    throw evidenceFileTooLarge();
  }
  let cleaned: ReturnType<typeof cleanEvidenceFile>;
  try {
    cleaned = cleanEvidenceFile(file.bytes);
  } catch (error) {
    if (!(error instanceof EvidenceFileError)) throw error;
    if (error.reason === 'damaged') {
      throw new AppError('validation_failed', {
        errors: [{ field: 'body', code: 'damaged_file', message: error.message }],
      });
    }
    throw new AppError('unsupported_media_type', { params: { reason: error.reason } });
  }
  const name = cleanFileName(file.name);
  const id = await inTransaction(ctx.db, async (tx) => {
    const [row] = await tx.select().from(zoneObservations).where(eq(zoneObservations.id, observationId)).for('update');
    if (!row || row.organisationId !== actor.organisationId) throw notFound('observation');
    if (row.status !== 'pending' && row.status !== 'more_evidence') {
      throw new AppError('conflict', { params: { reason: 'observation_decided' } });
    }
    const [attached] = await tx
      .select({ n: count() })
      .from(zoneEvidenceFiles)
      .where(eq(zoneEvidenceFiles.observationId, observationId));
    if ((attached?.n ?? 0) >= EVIDENCE_FILES_PER_OBSERVATION) {
      throw new AppError('conflict', {
        params: { reason: 'too_many_evidence_files', limit: EVIDENCE_FILES_PER_OBSERVATION },
      });
    }
    const [inserted] = await tx
      .insert(zoneEvidenceFiles)
      .values({
        observationId,
        stateCode: row.stateCode,
        observationVersion: row.version,
        organisationId: row.organisationId,
        mediaType: cleaned.mediaType,
        byteSize: cleaned.bytes.length,
        fileName: await ctx.platform.keyring.encrypt(tx, 'narrative', name),
        content: await ctx.platform.keyring.encrypt(tx, 'narrative', cleaned.bytes.toString('base64')),
        uploadedBy: actor.userId,
      })
      .returning({ id: zoneEvidenceFiles.id });
    await appendAudit(tx, {
      type: 'zones.evidence_file_attached',
      actor: auditActorOf(actor),
      subject: `observation:${observationId}`,
      details: {
        observationId,
        fileId: inserted!.id,
        mediaType: cleaned.mediaType,
        bytes: cleaned.bytes.length,
        sha256: createHash('sha256').update(cleaned.bytes).digest('hex'),
      },
    });
    return inserted!.id;
  });
  const [listed] = (await listEvidenceFiles(ctx, observationId)).filter((f) => f.id === id);
  return listed!;
}

/** The observation's files (names decrypted), oldest first; the caller has checked that they may see evidence. */
export async function listEvidenceFiles(ctx: RequestContext, observationId: string): Promise<EvidenceFile[]> {
  const rows = await ctx.db
    .select({
      id: zoneEvidenceFiles.id,
      fileName: zoneEvidenceFiles.fileName,
      mediaType: zoneEvidenceFiles.mediaType,
      byteSize: zoneEvidenceFiles.byteSize,
      observationVersion: zoneEvidenceFiles.observationVersion,
      uploadedAt: zoneEvidenceFiles.uploadedAt,
    })
    .from(zoneEvidenceFiles)
    .where(eq(zoneEvidenceFiles.observationId, observationId))
    .orderBy(asc(zoneEvidenceFiles.uploadedAt));
  return Promise.all(
    rows.map(async (row) => ({
      id: row.id,
      name: await ctx.platform.keyring.decrypt(ctx.db, row.fileName, 'narrative'),
      mediaType: row.mediaType as EvidenceFile['mediaType'],
      size: row.byteSize,
      observationVersion: row.observationVersion,
      uploadedAt: row.uploadedAt.toISOString(),
      href: hrefOf(observationId, row.id),
    })),
  );
}

/**
 * One file, decrypted, for the submitting organisation or a verifier; anyone else is answered 404, as if it
 * did not exist. The download is written to the access log.
 */
export async function readEvidenceFile(
  ctx: RequestContext,
  observationId: string,
  fileId: string,
): Promise<{ name: string; mediaType: string; bytes: Buffer }> {
  const actor = authorize(ctx, 'zone:read');
  const [found] = await ctx.db
    .select({ file: zoneEvidenceFiles, observation: zoneObservations })
    .from(zoneEvidenceFiles)
    .innerJoin(zoneObservations, eq(zoneObservations.id, zoneEvidenceFiles.observationId))
    .where(and(eq(zoneEvidenceFiles.id, fileId), eq(zoneEvidenceFiles.observationId, observationId)));
  if (!found || !seesEvidence(actor, found.observation)) throw notFound('file');
  const keyring = ctx.platform.keyring;
  const [name, content] = await Promise.all([
    keyring.decrypt(ctx.db, found.file.fileName, 'narrative'),
    keyring.decrypt(ctx.db, found.file.content, 'narrative'),
  ]);
  await recordAccess(ctx.db, {
    actor: auditActorOf(actor),
    recordType: 'observation_evidence_file',
    recordId: fileId,
    purpose: 'zone_verification',
  });
  return { name, mediaType: found.file.mediaType, bytes: Buffer.from(content, 'base64') };
}
