import { randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { newId } from '../db/columns.ts';
import { open, seal } from './aead.ts';
import type { MasterKey } from './master-key.ts';
import { dataKeys } from './schema.ts';

export type DataKeyKind = (typeof dataKeys.$inferSelect)['kind'];
export type DataKeyRow = typeof dataKeys.$inferSelect;

export const DATA_KEY_BYTES = 32;

/** Binds a wrapped key to its row, so a wrapped key copied onto another row or purpose does not unwrap. */
const wrapAad = (row: Pick<DataKeyRow, 'id' | 'purpose' | 'kind'>) =>
  `homeward/data-key/v1/${row.id}/${row.purpose}/${row.kind}`;

export function wrapDataKey(
  master: Pick<MasterKey, 'key'>,
  row: Pick<DataKeyRow, 'id' | 'purpose' | 'kind'>,
  key: Buffer,
): string {
  return seal(master.key, key, wrapAad(row)).toString('base64');
}

/** The data key, or null when this master key did not wrap it (or the stored value was damaged). */
export function unwrapDataKey(
  master: Pick<MasterKey, 'key'>,
  row: Pick<DataKeyRow, 'id' | 'purpose' | 'kind' | 'wrappedKey'>,
): Buffer | null {
  const key = open(master.key, Buffer.from(row.wrappedKey, 'base64'), wrapAad(row));
  return key && key.length === DATA_KEY_BYTES ? key : null;
}

export async function findDataKey(db: Database, keyId: string): Promise<DataKeyRow | undefined> {
  const [row] = await db.select().from(dataKeys).where(eq(dataKeys.id, keyId));
  return row;
}

export async function findActiveDataKey(
  db: Database,
  purpose: string,
  kind: DataKeyKind,
): Promise<DataKeyRow | undefined> {
  const [row] = await db
    .select()
    .from(dataKeys)
    .where(and(eq(dataKeys.purpose, purpose), eq(dataKeys.kind, kind), isNull(dataKeys.retiredAt)));
  return row;
}

/** Inserts a fresh random data key, wrapped; when another process got there first, nothing is inserted. */
export async function insertDataKey(
  db: Database,
  master: MasterKey,
  purpose: string,
  kind: DataKeyKind,
): Promise<DataKeyRow[]> {
  const row = { id: newId(), purpose, kind };
  return db
    .insert(dataKeys)
    .values({ ...row, wrappedKey: wrapDataKey(master, row, randomBytes(DATA_KEY_BYTES)), masterKeyId: master.id })
    .onConflictDoNothing()
    .returning();
}

/** The active data key of a purpose and kind, created on first use; safe when several callers race. */
export async function activeDataKey(
  db: Database,
  master: MasterKey,
  purpose: string,
  kind: DataKeyKind,
  beforeCreate: () => Promise<void> = async () => {},
): Promise<DataKeyRow> {
  const existing = await findActiveDataKey(db, purpose, kind);
  if (existing) return existing;
  await beforeCreate();
  const [inserted] = await insertDataKey(db, master, purpose, kind);
  if (inserted) return inserted;
  const winner = await findActiveDataKey(db, purpose, kind);
  if (!winner) throw new Error(`data key for ${purpose}/${kind} could not be created`);
  return winner;
}
