import { hash } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import { type Database, queryRows } from '../db/client.ts';
import { saveHead } from './head.ts';
import { LeafHasher } from './leaf.ts';
import { MerkleFrontier } from './merkle.ts';
import { auditEntries } from './schema.ts';

/**
 * What an attacker who knows the log's format but not its signing key can do, for tests: recompute the
 * details hash and leaf hash of an altered entry, and rebuild the head from the stored leaf hashes.
 */
export async function rehashEntry(tx: Database, seq: number): Promise<void> {
  const [row] = await tx.select().from(auditEntries).where(eq(auditEntries.seq, seq));
  const [stored] = await queryRows<{ details: string }>(
    tx,
    sql`select details::text as details from audit_details where seq = ${seq}`,
  );
  const detailsHash = hash('sha256', stored!.details, 'hex');
  const leafHash = new LeafHasher().hash({ ...row!, recordedAtMs: row!.recordedAt.getTime(), detailsHash })!;
  await tx
    .update(auditEntries)
    .set({ detailsHash, leafHash: leafHash.toString('hex') })
    .where(eq(auditEntries.seq, seq));
}

export async function rebuildHead(tx: Database): Promise<void> {
  const rows = await tx.select({ leafHash: auditEntries.leafHash }).from(auditEntries).orderBy(asc(auditEntries.seq));
  const frontier = new MerkleFrontier();
  for (const row of rows) frontier.append(Buffer.from(row.leafHash, 'hex'));
  await saveHead(tx, frontier);
}

/** Runs `tamper`, then `look` at the tampered log, then rolls everything back. */
export async function withTampering<T>(
  db: Database,
  tamper: (tx: Database) => Promise<void>,
  look: (tx: Database) => Promise<T>,
): Promise<T> {
  let result: T | undefined;
  await db
    .transaction(async (tx) => {
      await tamper(tx);
      result = await look(tx);
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  return result as T;
}

class RolledBack extends Error {}
