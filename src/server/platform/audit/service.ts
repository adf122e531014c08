import { and, desc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
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
import { counted } from '../i18n/plural.ts';
import { MerkleFrontier } from './merkle.ts';
import { consistencyProofFromLog, inclusionProofFromLog, type OnCacheMismatch, type TrustedRoots } from './proofs.ts';
import { accessLog, auditCheckpoints, auditDetails, auditEntries } from './schema.ts';
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
  log?: FastifyBaseLogger,
): Promise<z.infer<typeof InclusionProof>> {
  // The checkpoint before the head: a checkpoint signed in between is then still within the head read.
  const latest = query.treeSize === undefined ? await latestCheckpoint(ctx.db) : null;
  const head = await headRoot(ctx.db);
  const size = head.treeSize;
  const treeSize = query.treeSize ?? latest?.treeSize ?? size;
  refuse([
    treeSize > size && beyondLog('query.treeSize', size),
    query.seq > treeSize && invalid('query.seq', 'beyond_tree_size', `no entry ${query.seq} in a tree of ${treeSize}`),
  ]);
  const trusted = { head, signed: await signedRoots(ctx.db, [treeSize]) };
  const proof = orUnavailable(
    await inclusionProofFromLog(ctx.db, query.seq, treeSize, trusted, reportMismatch(log, trusted)),
  );
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
  log?: FastifyBaseLogger,
): Promise<z.infer<typeof ConsistencyProof>> {
  const head = await headRoot(ctx.db);
  const size = head.treeSize;
  refuse([
    query.to > size && beyondLog('query.to', size),
    query.from > query.to && invalid('query.from', 'after_to', 'from must not be greater than to'),
  ]);
  const trusted = { head, signed: await signedRoots(ctx.db, [query.from, query.to]) };
  const proof = orUnavailable(
    await consistencyProofFromLog(ctx.db, query.from, query.to, trusted, reportMismatch(log, trusted)),
  );
  return {
    from: query.from,
    to: query.to,
    proof: proof.proof.map((hash) => hash.toString('hex')),
    fromRoot: proof.fromRoot.toString('hex'),
    toRoot: proof.toRoot.toString('hex'),
  };
}

/** The head's size and root: every proof served must lead to it (see TrustedRoots). */
async function headRoot(db: RequestContext['db']): Promise<TrustedRoots['head']> {
  const head = await readHead(db);
  const frontier = new MerkleFrontier(
    head?.treeSize ?? 0,
    (head?.frontier ?? []).map((hash) => Buffer.from(hash, 'hex')),
  );
  return { treeSize: frontier.size, rootHash: frontier.root() };
}

async function signedRoots(db: RequestContext['db'], sizes: number[]): Promise<Map<number, string>> {
  const rows = await db
    .select({ treeSize: auditCheckpoints.treeSize, rootHash: auditCheckpoints.rootHash })
    .from(auditCheckpoints)
    .where(inArray(auditCheckpoints.treeSize, sizes));
  return new Map(rows.map((row) => [row.treeSize, row.rootHash]));
}

/** A damaged node cache is the operator's to repair: said once per proof, with sizes only. */
function reportMismatch(log: FastifyBaseLogger | undefined, trusted: TrustedRoots): OnCacheMismatch {
  return (recovered) => {
    const context = { headSize: trusted.head.treeSize };
    if (recovered) {
      log?.warn(context, 'transparency log node cache disagrees with the log: proof computed from the entries');
    } else {
      log?.error(context, 'transparency log no longer leads to its head or signed checkpoint: proof refused');
    }
  };
}

/** Never a wrong proof: when none leads to the trusted roots, the caller is told it is unavailable. */
function orUnavailable<T>(proof: T | undefined): T {
  if (proof === undefined) throw new AppError('conflict', { params: { reason: 'audit_proof_unavailable' } });
  return proof;
}

/** Entries newest first; their details only for holders of `audit:details`. */
export async function listAuditEntries(
  ctx: RequestContext,
  query: AuditEntriesQuery,
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
const beyondLog = (field: string, size: number) =>
  invalid(field, 'beyond_log', `the log holds ${counted(size, 'entry', 'entries')}`);

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
