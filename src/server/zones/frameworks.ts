import { hash } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import type { FrameworkDefinition, FrameworkVersion } from '../../shared/zones/schemas.ts';
import { canonicalJson } from '../platform/audit/canonical.ts';
import { inTransaction } from '../platform/audit/head.ts';
import { appendAudit } from '../platform/audit/log.ts';
import type { RequestContext } from '../platform/context.ts';
import type { Database } from '../platform/db/client.ts';
import { AppError, notFound } from '../platform/http/errors.ts';
import { authorize } from '../platform/policy/policy.ts';
import { DEFAULT_FRAMEWORK } from './rules/default-framework.ts';
import { checkFramework } from './rules/framework.ts';
import { auditActorOf } from './support.ts';
import { zoneFrameworks } from './tables.ts';
import './events.ts';
import './permissions.ts';
import { type FrameworkRow, presentFramework } from './presenters.ts';

export const definitionHash = (definition: FrameworkDefinition) => hash('sha256', canonicalJson(definition), 'hex');

/**
 * The framework version assessments use: the newest published one. A database without any gets version 1,
 * the default framework (DOMAIN.md §2), published by the system and logged like any other.
 */
export async function activeFramework(db: Database): Promise<FrameworkRow> {
  const found = await latestPublished(db);
  if (found) return found;
  return inTransaction(db, async (tx) => {
    const again = await latestPublished(tx);
    if (again) return again;
    const definitionHashValue = definitionHash(DEFAULT_FRAMEWORK);
    const [row] = await tx
      .insert(zoneFrameworks)
      .values({
        version: 1,
        status: 'published',
        definition: DEFAULT_FRAMEWORK,
        definitionHash: definitionHashValue,
        publishedAt: new Date(),
      })
      .returning();
    await appendAudit(tx, {
      type: 'zones.framework_published',
      actor: null,
      subject: `framework:${row!.id}`,
      details: { version: 1, definitionHash: definitionHashValue },
    });
    return row!;
  });
}

async function latestPublished(db: Database): Promise<FrameworkRow | undefined> {
  const [row] = await db
    .select()
    .from(zoneFrameworks)
    .where(eq(zoneFrameworks.status, 'published'))
    .orderBy(desc(zoneFrameworks.version))
    .limit(1);
  return row;
}

export async function frameworkByVersion(db: Database, version: number): Promise<FrameworkRow | undefined> {
  const [row] = await db.select().from(zoneFrameworks).where(eq(zoneFrameworks.version, version));
  return row;
}

export async function listFrameworks(ctx: RequestContext): Promise<FrameworkVersion[]> {
  authorize(ctx, 'zone:read');
  await activeFramework(ctx.db);
  const rows = await ctx.db.select().from(zoneFrameworks).orderBy(desc(zoneFrameworks.version));
  return rows.map(presentFramework);
}

export async function getActiveFramework(ctx: RequestContext): Promise<FrameworkVersion> {
  return presentFramework(await activeFramework(ctx.db));
}

/**
 * Saves the one draft (creating it as the next version, or replacing the draft's definition). A published
 * version is never changed; contradictory thresholds, duplicate codes and out-of-range values are refused
 * with the field at fault.
 */
export async function saveFrameworkDraft(
  ctx: RequestContext,
  definition: FrameworkDefinition,
): Promise<FrameworkVersion> {
  const actor = authorize(ctx, 'framework:manage');
  const problems = checkFramework(definition).map((error) => ({ ...error, field: `body.${error.field}` }));
  if (problems.length > 0) throw new AppError('validation_failed', { errors: problems });
  await activeFramework(ctx.db);
  return inTransaction(ctx.db, async (tx) => {
    const [newest] = await tx
      .select()
      .from(zoneFrameworks)
      .orderBy(desc(zoneFrameworks.version))
      .limit(1)
      .for('update');
    const hashValue = definitionHash(definition);
    let row: FrameworkRow;
    if (newest?.status === 'draft') {
      [row] = (await tx
        .update(zoneFrameworks)
        .set({ definition, definitionHash: hashValue, createdBy: actor.userId })
        .where(eq(zoneFrameworks.id, newest.id))
        .returning()) as [FrameworkRow];
    } else {
      [row] = (await tx
        .insert(zoneFrameworks)
        .values({
          version: (newest?.version ?? 0) + 1,
          status: 'draft',
          definition,
          definitionHash: hashValue,
          createdBy: actor.userId,
        })
        .returning()) as [FrameworkRow];
    }
    await appendAudit(tx, {
      type: 'zones.framework_drafted',
      actor: auditActorOf(actor),
      subject: `framework:${row.id}`,
      details: { version: row.version, definitionHash: hashValue },
    });
    return presentFramework(row);
  });
}

/** What must hold before a framework draft is published (the forum: its consultation closed and answered). */
export type FrameworkPublishingGuard = (tx: Database, draft: { id: string; version: number }) => Promise<void>;
const publishingGuards: FrameworkPublishingGuard[] = [];

/**
 * Runs `guard` inside every framework publication's transaction, before the draft is published: a guard that
 * throws refuses the publication, and nothing is written. Modules register on load (the forum's consultations).
 */
export function onFrameworkPublishing(guard: FrameworkPublishingGuard): void {
  if (!publishingGuards.includes(guard)) publishingGuards.push(guard);
}

/** Publishes the draft of that version; later assessments use it, earlier ones keep the version they used. */
export async function publishFramework(ctx: RequestContext, version: number): Promise<FrameworkVersion> {
  const actor = authorize(ctx, 'framework:manage');
  return inTransaction(ctx.db, async (tx) => {
    const [row] = await tx.select().from(zoneFrameworks).where(eq(zoneFrameworks.version, version)).for('update');
    if (!row) throw notFound('framework version');
    if (row.status !== 'draft') throw new AppError('conflict', { params: { reason: 'framework_published' } });
    for (const guard of publishingGuards) await guard(tx, { id: row.id, version: row.version });
    const [published] = await tx
      .update(zoneFrameworks)
      .set({ status: 'published', publishedAt: new Date(), publishedBy: actor.userId })
      .where(eq(zoneFrameworks.id, row.id))
      .returning();
    await appendAudit(tx, {
      type: 'zones.framework_published',
      actor: auditActorOf(actor),
      subject: `framework:${row.id}`,
      details: { version: row.version, definitionHash: row.definitionHash },
    });
    return presentFramework(published!);
  });
}
