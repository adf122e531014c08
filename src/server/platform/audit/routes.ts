import type { HomewardApp } from '../../app.ts';
import { PUBLIC_REVALIDATE } from '../http/public-cache.ts';
import {
  AccessLogPage,
  AccessLogQuery,
  AuditEntryPage,
  auditEntriesQuery,
  Checkpoint,
  ConsistencyProof,
  ConsistencyQuery,
  CountersignatureRequest,
  CountersignatureStored,
  InclusionProof,
  InclusionQuery,
  VerifyResult,
} from './api.ts';
import { checkpointTimer } from './checkpoint-timer.ts';
import {
  countersignCheckpoint,
  getCheckpoint,
  listAccessLog,
  listAuditEntries,
  proveConsistency,
  proveInclusion,
  runVerification,
} from './service.ts';

const tags = ['transparency log'];

/** The transparency log's public face (checkpoint and proofs), its auditors' routes, and the access log. */
export async function auditRoutes(app: HomewardApp): Promise<void> {
  await app.register(checkpointTimer);

  app.get(
    '/public/checkpoint',
    {
      // A witness countersigns the latest checkpoint: a stored copy is asked about again each time.
      config: { permission: 'public', publicCache: PUBLIC_REVALIDATE },
      schema: { summary: 'The latest signed checkpoint of the transparency log', tags, response: { 200: Checkpoint } },
    },
    (request) => getCheckpoint(request.ctx),
  );
  app.post(
    '/public/checkpoint/countersignatures',
    {
      // No session and no CSRF token: the witness's signature is the credential, and a browser has no part here.
      config: { permission: 'public', anonymous: true, csrf: false },
      schema: {
        summary: "A witness's Ed25519 signature of a checkpoint's note (only keys in HOMEWARD_WITNESS_KEYS)",
        tags,
        body: CountersignatureRequest,
        response: { 201: CountersignatureStored },
      },
    },
    async (request, reply) => {
      const stored = await countersignCheckpoint(request.ctx, request.body);
      return reply.code(201).send(stored);
    },
  );
  app.get(
    '/public/log/proof/inclusion',
    {
      config: { permission: 'public' },
      schema: {
        summary: 'Proof that an entry is in the log (RFC 6962 audit path)',
        tags,
        querystring: InclusionQuery,
        response: { 200: InclusionProof },
      },
    },
    (request) => proveInclusion(request.ctx, request.query, request.log),
  );
  app.get(
    '/public/log/proof/consistency',
    {
      config: { permission: 'public' },
      schema: {
        summary: 'Proof that an earlier state of the log is a prefix of a later one (RFC 6962)',
        tags,
        querystring: ConsistencyQuery,
        response: { 200: ConsistencyProof },
      },
    },
    (request) => proveConsistency(request.ctx, request.query, request.log),
  );
  app.get(
    '/audit/entries',
    {
      config: { permission: 'audit:read' },
      schema: {
        summary: 'Entries of the transparency log, newest first',
        tags,
        querystring: auditEntriesQuery(),
        response: { 200: AuditEntryPage },
      },
    },
    (request) => listAuditEntries(request.ctx, request.query),
  );
  app.post(
    '/audit/verify',
    {
      config: { permission: 'audit:verify' },
      schema: {
        summary: 'Rebuild the tree from the stored entries and check it against every signed checkpoint',
        tags,
        response: { 200: VerifyResult },
      },
    },
    (request) => runVerification(request.ctx),
  );
  app.get(
    '/audit/access-log',
    {
      config: { permission: 'access-log:read' },
      schema: {
        summary: "Who read which personal records of the caller's organisation, newest first",
        tags,
        querystring: AccessLogQuery,
        response: { 200: AccessLogPage },
      },
    },
    (request) => listAccessLog(request.ctx, request.query),
  );
}
