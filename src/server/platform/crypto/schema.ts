import { sql } from 'drizzle-orm';
import { pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../db/columns.ts';

export const dataKeyKind = pgEnum('data_key_kind', ['encryption', 'blind_index']);

/**
 * Data keys, one set per purpose, each stored only wrapped (AES-256-GCM) by the master key whose fingerprint
 * is kept beside it. Retired encryption keys stay for decrypting what they encrypted; exactly one key per
 * purpose and kind is active, which the partial unique index enforces (and which makes creation race-safe).
 */
export const dataKeys = pgTable(
  'data_keys',
  {
    id: id(),
    purpose: text('purpose').notNull(),
    kind: dataKeyKind('kind').notNull(),
    wrappedKey: text('wrapped_key').notNull(),
    masterKeyId: text('master_key_id').notNull(),
    createdAt: createdAt(),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('data_keys_active').on(t.purpose, t.kind).where(sql`${t.retiredAt} is null`)],
);
