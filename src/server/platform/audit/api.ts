import { z } from 'zod';
import { Timestamp } from '../../../shared/dates.ts';
import { auditEventTypes } from './events.ts';

/** Request and response schemas of the transparency-log and access-log routes. */

const Hash = z
  .string()
  .regex(/^[0-9a-f]{64}$/)
  .describe('hex SHA-256');
const Seq = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const Limit = z.coerce.number().int().min(1).max(500).default(100);
const ActorView = z
  .object({ userId: z.uuid(), organisationId: z.uuid() })
  .nullable()
  .describe('null when the system acted');

export const Checkpoint = z
  .object({
    treeSize: z.number().int(),
    rootHash: Hash,
    time: z.string().describe('when it was signed (ISO 8601)'),
    algorithm: z.literal('Ed25519'),
    keyId: z.string(),
    publicKey: z.string().describe('raw 32-byte Ed25519 public key, base64'),
    signature: z.string().describe('Ed25519 signature of `note`, base64'),
    note: z.string().describe('the exact signed text: origin, tree size, root hash and time, one per line'),
    countersignatures: z
      .array(
        z.object({
          witness: z.string().describe('the name the server knows the witness by'),
          keyId: z.string(),
          publicKey: z.string().describe("the witness's raw 32-byte Ed25519 public key, base64"),
          signature: z.string().describe('Ed25519 signature of `note` by the witness, base64'),
          time: z.string().describe('when the server received it (ISO 8601)'),
        }),
      )
      .describe('signatures of this checkpoint by outside witnesses'),
  })
  .describe('A signed checkpoint of the transparency log');

export const CountersignatureRequest = z.strictObject({
  treeSize: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).describe('the tree size of the checkpoint signed'),
  keyId: z
    .string()
    .regex(/^[0-9a-f]{16}$/)
    .describe("the witness key's id: first 16 hex digits of SHA-256 of the raw public key"),
  signature: z.string().min(1).max(200).describe('Ed25519 signature of the checkpoint note, base64'),
});
export const CountersignatureStored = z.object({
  treeSize: z.number().int(),
  witness: z.string(),
  keyId: z.string(),
});

export const InclusionQuery = z.strictObject({
  seq: Seq,
  treeSize: Seq.optional().describe('default: the size of the latest signed checkpoint'),
});
export const InclusionProof = z.object({
  seq: z.number().int(),
  treeSize: z.number().int(),
  leafIndex: z.number().int().describe('seq - 1'),
  leafHash: Hash,
  auditPath: z.array(Hash).describe('RFC 6962 audit path, leaf upwards'),
  rootHash: Hash,
});

export const ConsistencyQuery = z.strictObject({ from: Seq, to: Seq });
export const ConsistencyProof = z.object({
  from: z.number().int(),
  to: z.number().int(),
  proof: z.array(Hash).describe('RFC 6962 consistency proof'),
  fromRoot: Hash,
  toRoot: Hash,
});

/** Built when the routes are, so that the event-type filter knows every module's events. */
export const auditEntriesQuery = () =>
  z.strictObject({
    actor: z.uuid().optional().describe('user id of the person who acted'),
    organisation: z.uuid().optional(),
    type: z.enum(auditEventTypes()).optional(),
    subject: z.string().min(1).max(220).optional(),
    from: Timestamp.optional().describe('recorded at or after'),
    to: Timestamp.optional().describe('recorded before'),
    cursor: Seq.optional().describe('nextCursor of the previous page'),
    limit: Limit,
  });
export type AuditEntriesQuery = z.infer<ReturnType<typeof auditEntriesQuery>>;
export const AuditEntry = z.object({
  seq: z.number().int(),
  recordedAt: z.string(),
  actor: ActorView,
  eventType: z.string(),
  subject: z.string(),
  detailsHash: Hash,
  leafHash: Hash,
  details: z.record(z.string(), z.unknown()).optional().describe('only for holders of audit:details'),
});
export const AuditEntryPage = z.object({
  items: z.array(AuditEntry).describe('newest first'),
  nextCursor: z.number().int().nullable(),
});

export const VerifyResult = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    treeSize: z.number().int(),
    rootHash: Hash,
    checkpointsVerified: z.number().int(),
    latestCheckpoint: z.object({ treeSize: z.number().int(), signedAt: z.string() }).nullable(),
    accessLog: z
      .object({ size: z.number().int(), anchorsMatched: z.number().int() })
      .describe("the access log's hash chain: its rows, and the anchors in the transparency log it matches"),
    seconds: z.number(),
  }),
  z.object({
    ok: z.literal(false),
    part: z
      .enum(['entries', 'tree_nodes', 'access_log'])
      .describe("what is wrong: the log's entries, the node cache proofs are served from, or the access log"),
    firstBadSeq: z
      .number()
      .int()
      .describe("in that part: the log's seq, the first seq under the node, the access log's seq"),
    reason: z.string(),
    message: z.string(),
    checkpoint: z.object({ treeSize: z.number().int(), signedAt: z.string() }).nullable(),
    node: z
      .object({ level: z.number().int(), index: z.number().int() })
      .nullable()
      .describe('the stored tree node that does not match the entries (the entries are then intact)'),
    entriesChecked: z.number().int(),
    seconds: z.number(),
  }),
]);

export const AccessLogQuery = z.strictObject({
  actor: z.uuid().optional(),
  recordType: z.string().min(1).max(64).optional(),
  recordId: z.string().min(1).max(128).optional(),
  purpose: z.string().min(1).max(64).optional(),
  from: Timestamp.optional(),
  to: Timestamp.optional(),
  cursor: z.uuid().optional().describe('nextCursor of the previous page'),
  limit: Limit,
});
export const AccessLogEntry = z.object({
  id: z.uuid(),
  recordedAt: z.string(),
  actor: ActorView,
  recordType: z.string(),
  recordId: z.string(),
  purpose: z.string(),
});
export const AccessLogPage = z.object({
  items: z.array(AccessLogEntry).describe('newest first'),
  nextCursor: z.uuid().nullable(),
});
