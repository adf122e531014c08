import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  customType,
  index,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { id } from '../db/columns.ts';

/**
 * The transparency log. Entries are appended under a lock on the single head row, so sequence numbers are
 * gapless from 1 and each append costs O(log n): the head keeps the tree's frontier. In a sharded deployment
 * the log stays one ordered table on the coordinator (its order is global by design); `organisation_id` is
 * there to co-locate or filter by organisation, and the access log is distributed by it.
 */

/** JSON kept as the exact canonical text that was hashed (`json`, not `jsonb`, which would rewrite it). */
const canonicalJson = customType<{ data: string; driverData: string }>({ dataType: () => 'json' });

const millis = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const auditEntries = pgTable(
  'audit_entries',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    recordedAt: millis('recorded_at').notNull(),
    actorUserId: uuid('actor_user_id'),
    organisationId: uuid('organisation_id'),
    eventType: text('event_type').notNull(),
    subject: text('subject').notNull(),
    /** Hex SHA-256 of the canonical JSON of the details. */
    detailsHash: text('details_hash').notNull(),
    /** Hex RFC 6962 leaf hash of the entry (see leaf.ts for the leaf's encoding). */
    leafHash: text('leaf_hash').notNull(),
  },
  (t) => [
    index('audit_entries_actor').on(t.actorUserId, t.seq),
    index('audit_entries_organisation').on(t.organisationId, t.seq),
    index('audit_entries_event_type').on(t.eventType, t.seq),
    index('audit_entries_subject').on(t.subject, t.seq),
    index('audit_entries_recorded_at').on(t.recordedAt),
  ],
);

/** The details of each entry; only holders of `audit:details` read them. */
export const auditDetails = pgTable('audit_details', {
  seq: bigint('seq', { mode: 'number' })
    .primaryKey()
    .references(() => auditEntries.seq),
  organisationId: uuid('organisation_id'),
  details: canonicalJson('details').notNull(),
});

/** The one head row: tree size and frontier (perfect subtree roots, largest first, hex). Appends lock it. */
export const auditLogHead = pgTable(
  'audit_log_head',
  {
    id: smallint('id').primaryKey(),
    treeSize: bigint('tree_size', { mode: 'number' }).notNull(),
    frontier: text('frontier').array().notNull(),
    updatedAt: millis('updated_at').notNull(),
  },
  (t) => [check('audit_log_head_single_row', sql`${t.id} = 1`)],
);

/**
 * Interior nodes of the tree from level STORED_NODE_MIN_LEVEL up (a node at level L covers 2^L leaves
 * starting at leaf index × 2^L), so that any proof needs only a few reads. Derived data: verification
 * rebuilds the tree from the entries and never trusts these.
 */
export const auditTreeNodes = pgTable(
  'audit_tree_nodes',
  {
    level: smallint('level').notNull(),
    index: bigint('index', { mode: 'number' }).notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.level, t.index] })],
);

/** Ed25519 keys that sign checkpoints. The private key is encrypted by the keyring (purpose `audit-signing`). */
export const auditSigningKeys = pgTable('audit_signing_keys', {
  /** First 16 hex digits of SHA-256 of the raw public key. */
  id: text('id').primaryKey(),
  algorithm: text('algorithm').notNull(),
  /** Raw 32-byte Ed25519 public key, base64. */
  publicKey: text('public_key').notNull(),
  /** PKCS #8 private key, as a keyring envelope. */
  privateKey: text('private_key').notNull(),
  createdAt: millis('created_at').notNull(),
});

/** Signed statements of the tree's size and root at a moment; one per size. */
export const auditCheckpoints = pgTable('audit_checkpoints', {
  treeSize: bigint('tree_size', { mode: 'number' }).primaryKey(),
  rootHash: text('root_hash').notNull(),
  signedAt: millis('signed_at').notNull(),
  /** Ed25519 signature of the checkpoint note (checkpoint.ts), base64. */
  signature: text('signature').notNull(),
  keyId: text('key_id')
    .notNull()
    .references(() => auditSigningKeys.id),
});

/**
 * Countersignatures of checkpoints by outside witnesses (HOMEWARD_WITNESS_KEYS): each is an Ed25519 signature
 * of the checkpoint note by a witness that fetched the checkpoint and checked it against its own copy. One per
 * checkpoint and witness key; kept with the public key, so it stays checkable if the witness list changes.
 */
export const auditWitnessSignatures = pgTable(
  'audit_witness_signatures',
  {
    treeSize: bigint('tree_size', { mode: 'number' }).notNull(),
    keyId: text('key_id').notNull(),
    /** The name the witness has in HOMEWARD_WITNESS_KEYS. */
    witness: text('witness').notNull(),
    /** Raw 32-byte Ed25519 public key, base64. */
    publicKey: text('public_key').notNull(),
    signature: text('signature').notNull(),
    receivedAt: millis('received_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.treeSize, t.keyId] })],
);

/**
 * Who read which personal record, when and for what purpose. Distributed by organisation when sharded.
 * Rows form a hash chain (access-chain.ts): `seq` counts from 1 without gaps, `hash` covers the row's fields
 * and `prev_hash`, which is the hash of the row before. Rows are appended under a lock on the head row.
 */
export const accessLog = pgTable(
  'access_log',
  {
    id: id(),
    recordedAt: millis('recorded_at').notNull(),
    actorUserId: uuid('actor_user_id'),
    organisationId: uuid('organisation_id'),
    recordType: text('record_type').notNull(),
    recordId: text('record_id').notNull(),
    purpose: text('purpose').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    uniqueIndex('access_log_seq').on(t.seq),
    index('access_log_record').on(t.recordType, t.recordId, t.recordedAt),
    index('access_log_actor').on(t.actorUserId, t.recordedAt),
    index('access_log_organisation').on(t.organisationId, t.recordedAt),
    index('access_log_recorded_at').on(t.recordedAt),
  ],
);

/** The access log chain's one head row: how many rows and the last row's hash. Appends lock it. */
export const accessLogHead = pgTable(
  'access_log_head',
  {
    id: smallint('id').primaryKey(),
    size: bigint('size', { mode: 'number' }).notNull(),
    headHash: text('head_hash').notNull(),
    updatedAt: millis('updated_at').notNull(),
  },
  (t) => [check('access_log_head_single_row', sql`${t.id} = 1`)],
);
