import { and, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { RequestContext } from '../context.ts';
import { AppError, type FieldError } from '../http/errors.ts';
import { authorize, can } from '../policy/policy.ts';
import type {
  AccessLogPage,
  AccessLogQuery,
  AuditEntriesQuery,
  AuditEntryPage,
  ConsistencyProof,
  ConsistencyQuery,
  CountersignatureRequest,
  InclusionProof,
  InclusionQuery,
} from './api.ts';
import { latestCheckpoint } from './checkpoint.ts';
import { countersignaturesOf, storeCountersignature } from './countersign.ts';
import { readHead } from './head.ts';
import { presentAccess, presentCheckpoint, presentEntry } from './presenter.ts';
import './problems.ts';
import { consistencyProofFromLog, inclusionProofFromLog } from './proofs.ts';
import { accessLog, auditDetails, auditEntries } from './schema.ts';
import { type VerifyLogResult, verifyLog } from './verify.ts';

/** The latest signed checkpoint, with its witnesses' countersignatures, for anyone. */
export async function getCheckpoint(ctx: RequestContext) {
  const checkpoint = await latestCheckpoint(ctx.db);
  if (!checkpoint) throw new AppError('not_found', { params: { reason: 'no_checkpoint' } });
  return presentCheckpoint(checkpoint, await countersignaturesOf(ctx.db, checkpoint.treeSize));
}

/** A witness's countersignature: no session, the signature by a configured witness key is the credential. */
export function countersignCheckpoint(ctx: RequestContext, request: z.infer<typeof CountersignatureRequest>) {
  return storeCountersignature(ctx.db, ctx.platform.config, request);
}

/** Proves to anyone that entry `seq` is in the tree of `treeSize` entries (by default the latest checkpoint's). */
export async function proveInclusion(
  ctx: RequestContext,
  query: z.infer<typeof InclusionQuery>,
): Promise<z.infer<typeof InclusionProof>> {
  const size = (await readHead(ctx.db))?.treeSize ?? 0;
  const treeSize = query.treeSize ?? (await latestCheckpoint(ctx.db))?.treeSize ?? size;
  refuse([
    treeSize > size && beyondLog('query.treeSize', size),
    query.seq > treeSize && invalid('query.seq', 'beyond_tree_size', `no entry ${query.seq} in a tree of ${treeSize}`),
  ]);
  const proof = await inclusionProofFromLog(ctx.db, query.seq, treeSize);
  return {
    seq: query.seq,
    treeSize,
    leafIndex: proof.leafIndex,
    leafHash: proof.leafHash.toString('hex'),
    auditPath: proof.auditPath.map((hash) => hash.toString('hex')),
    rootHash: proof.rootHash.toString('hex'),
  };
}

/** Proves to anyone that the tree of `from` entries is a prefix of the tree of `to` entries. */
export async function proveConsistency(
  ctx: RequestContext,
  query: z.infer<typeof ConsistencyQuery>,
): Promise<z.infer<typeof ConsistencyProof>> {
  const size = (await readHead(ctx.db))?.treeSize ?? 0;
  refuse([
    query.to > size && beyondLog('query.to', size),
    query.from > query.to && invalid('query.from', 'after_to', 'from must not be greater than to'),
  ]);
  const proof = await consistencyProofFromLog(ctx.db, query.from, query.to);
  return {
    from: query.from,
    to: query.to,
    proof: proof.proof.map((hash) => hash.toString('hex')),
    fromRoot: proof.fromRoot.toString('hex'),
    toRoot: proof.toRoot.toString('hex'),
  };
}

/** Entries newest first; their details only for holders of `audit:details`. */
export async function listAuditEntries(
  ctx: RequestContext,
  query: z.infer<typeof AuditEntriesQuery>,
): Promise<z.infer<typeof AuditEntryPage>> {
  const actor = authorize(ctx, 'audit:read');
  refuse([periodError(query)]);
  const withDetails = can(actor, 'audit:details');
  const conditions: (SQL | undefined)[] = [
    query.actor ? eq(auditEntries.actorUserId, query.actor) : undefined,
    query.organisation ? eq(auditEntries.organisationId, query.organisation) : undefined,
    query.type ? eq(auditEntries.eventType, query.type) : undefined,
    query.subject ? eq(auditEntries.subject, query.subject) : undefined,
    query.from ? gte(auditEntries.recordedAt, new Date(query.from)) : undefined,
    query.to ? lt(auditEntries.recordedAt, new Date(query.to)) : undefined,
    query.cursor ? lt(auditEntries.seq, query.cursor) : undefined,
  ];
  const rows = await ctx.db
    .select({
      entry: auditEntries,
      details: withDetails ? sql<string | null>`${auditDetails.details}::text` : sql<null>`null`,
    })
    .from(auditEntries)
    .leftJoin(auditDetails, withDetails ? eq(auditDetails.seq, auditEntries.seq) : sql`false`)
    .where(and(...conditions))
    .orderBy(desc(auditEntries.seq))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((row) => presentEntry(row.entry, withDetails ? row.details : undefined)),
    nextCursor: rows.length > query.limit ? page.at(-1)!.entry.seq : null,
  };
}

/** Rebuilds the tree from the stored entries (see verifyLog). */
export async function runVerification(ctx: RequestContext): Promise<VerifyLogResult> {
  authorize(ctx, 'audit:verify');
  return verifyLog(ctx.db);
}

/** Who read which personal records of the caller's organisation, newest first. */
export async function listAccessLog(
  ctx: RequestContext,
  query: z.infer<typeof AccessLogQuery>,
): Promise<z.infer<typeof AccessLogPage>> {
  const actor = authorize(ctx, 'access-log:read');
  refuse([periodError(query)]);
  const conditions: (SQL | undefined)[] = [
    eq(accessLog.organisationId, actor.organisationId),
    query.actor ? eq(accessLog.actorUserId, query.actor) : undefined,
    query.recordType ? eq(accessLog.recordType, query.recordType) : undefined,
    query.recordId ? eq(accessLog.recordId, query.recordId) : undefined,
    query.purpose ? eq(accessLog.purpose, query.purpose) : undefined,
    query.from ? gte(accessLog.recordedAt, new Date(query.from)) : undefined,
    query.to ? lt(accessLog.recordedAt, new Date(query.to)) : undefined,
    query.cursor ? lt(accessLog.id, query.cursor) : undefined,
  ];
  const rows = await ctx.db
    .select()
    .from(accessLog)
    .where(and(...conditions))
    .orderBy(desc(accessLog.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  return {
    items: page.map(presentAccess),
    nextCursor: rows.length > query.limit ? page.at(-1)!.id : null,
  };
}

const invalid = (field: string, code: string, message: string): FieldError => ({ field, code, message });
const beyondLog = (field: string, size: number) => invalid(field, 'beyond_log', `the log holds ${size} entries`);

function periodError(query: { from?: string | undefined; to?: string | undefined }): FieldError | false {
  return (
    query.from !== undefined &&
    query.to !== undefined &&
    Date.parse(query.from) > Date.parse(query.to) &&
    invalid('query.from', 'after_to', 'from must not be later than to')
  );
}

/** Bad values that the schema alone cannot see (they depend on each other or on the log): 400 with each field. */
function refuse(errors: (FieldError | false)[]): void {
  const found = errors.filter((error): error is FieldError => error !== false);
  if (found.length > 0) throw new AppError('validation_failed', { errors: found });
}
