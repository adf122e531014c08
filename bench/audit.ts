import { hash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { asc, gt, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { signCheckpoint } from '../src/server/platform/audit/checkpoint.ts';
import { STORED_NODE_MIN_LEVEL, saveHead } from '../src/server/platform/audit/head.ts';
import { type LeafFields, LeafHasher } from '../src/server/platform/audit/leaf.ts';
import { type AnyAuditEntryInput, appendAuditBatch } from '../src/server/platform/audit/log.ts';
import { MerkleFrontier } from '../src/server/platform/audit/merkle.ts';
import { auditDetails, auditEntries, auditLogHead } from '../src/server/platform/audit/schema.ts';
import { verifyLog } from '../src/server/platform/audit/verify.ts';
import { openKeyring } from '../src/server/platform/crypto/keyring.ts';
import { type DatabaseHandle, openDatabase, queryRows } from '../src/server/platform/db/client.ts';
import { newId } from '../src/server/platform/db/columns.ts';
import { copyField } from '../src/server/platform/db/copy.ts';
import type { Scenario } from './types.ts';

const VERIFY_ENTRIES = 1_000_000;
const APPEND_BATCH = 1_000;
const APPEND_ROUNDS = 20;

/** An embedded database in a fresh temporary directory, removed afterwards. */
async function withEmbeddedDatabase<T>(work: (handle: DatabaseHandle, dataDir: string) => Promise<T>): Promise<T> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-bench-audit-'));
  const handle = await openDatabase({ dataDir });
  try {
    await handle.migrate();
    return await work(handle, dataDir);
  } finally {
    await handle.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The PostgreSQL server production runs on (DESIGN.md: PostgreSQL 15+ via DATABASE_URL): a fresh database on
 * the server `HOMEWARD_BENCH_DATABASE_URL` names (by default the local one), dropped afterwards.
 */
const BENCH_SERVER_URL = process.env.HOMEWARD_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function withPostgresDatabase<T>(work: (handle: DatabaseHandle, dataDir: string) => Promise<T>): Promise<T> {
  const name = `homeward_bench_audit_${process.pid}`;
  const admin = postgres(BENCH_SERVER_URL, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    await admin.unsafe(`drop database if exists ${name}`);
    await admin.unsafe(`create database ${name}`);
  } catch (error) {
    await admin.end();
    throw new Error(
      `no PostgreSQL server to measure on at ${BENCH_SERVER_URL} (set HOMEWARD_BENCH_DATABASE_URL): ${error}`,
    );
  }
  const url = new URL(BENCH_SERVER_URL);
  url.pathname = `/${name}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-bench-audit-'));
  const handle = await openDatabase({ dataDir, databaseUrl: url.toString() });
  try {
    await handle.migrate();
    return await work(handle, dataDir);
  } finally {
    await handle.close();
    await admin.unsafe(`drop database if exists ${name}`);
    await admin.end();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** COPY … FROM into either database: PGlite reads a Blob, PostgreSQL a stream on its own connection. */
async function copyInto(handle: DatabaseHandle, target: string, lines: string[]): Promise<void> {
  const text = `${lines.join('\n')}\n`;
  if (handle.pglite) {
    await handle.pglite.query(`copy ${target} from '/dev/blob'`, [], { blob: new Blob([text]) });
    return;
  }
  const client = (handle.db as unknown as { $client: postgres.Sql }).$client;
  await pipeline(Readable.from([text]), await client.unsafe(`copy ${target} from stdin`).writable());
}

const seconds = (since: number) => (performance.now() - since) / 1000;

/** A realistic spread of actors: a few hundred people in a dozen organisations, and the system now and then. */
function syntheticEntry(seq: number, organisations: string[], users: string[]) {
  const system = seq % 7 === 0;
  const details = `{"keyId":"k${seq.toString(36)}"}`;
  const fields: LeafFields = {
    seq,
    recordedAtMs: Date.UTC(2025, 0, 1) + seq * 1000,
    actorUserId: system ? null : users[seq % users.length]!,
    organisationId: system ? null : organisations[seq % organisations.length]!,
    eventType: 'audit.signing_key_created',
    subject: `audit-signing-key:k${seq.toString(36)}`,
    detailsHash: hash('sha256', details, 'hex'),
  };
  return { fields, details };
}

/** Leaves side by side in one buffer (a million small buffers would weigh on every garbage collection). */
class LeafList {
  #bytes = Buffer.alloc(1 << 20);
  #ends: number[] = [];

  push(leaf: Uint8Array): void {
    const start = this.#ends.at(-1) ?? 0;
    if (start + leaf.length > this.#bytes.length) {
      const grown = Buffer.alloc(this.#bytes.length * 2);
      this.#bytes.copy(grown);
      this.#bytes = grown;
    }
    this.#bytes.set(leaf, start);
    this.#ends.push(start + leaf.length);
  }

  get length(): number {
    return this.#ends.length;
  }

  at(i: number): Buffer {
    return this.#bytes.subarray(i === 0 ? 0 : this.#ends[i - 1], this.#ends[i]);
  }
}

/**
 * Writes a valid log of `count` entries straight into the tables with COPY (what appendAudit would have
 * written, a million times faster), and returns the leaves, 0x00-prefixed, for the bare-hashing limit.
 */
export async function seedLog(handle: DatabaseHandle, count: number): Promise<LeafList> {
  const organisations = Array.from({ length: 12 }, newId);
  const users = Array.from({ length: 300 }, newId);
  const hasher = new LeafHasher();
  const frontier = new MerkleFrontier();
  const leaves = new LeafList();
  const chunk = 100_000;
  for (let start = 1; start <= count; start += chunk) {
    const entryLines: string[] = [];
    const detailLines: string[] = [];
    const nodeLines: string[] = [];
    for (let seq = start; seq < Math.min(start + chunk, count + 1); seq++) {
      const { fields, details } = syntheticEntry(seq, organisations, users);
      const leaf = hasher.encode(fields)!;
      leaves.push(Buffer.concat([Buffer.of(0), leaf]));
      const leafHash = hasher.hash(fields)!;
      frontier.append(leafHash, (level, index, nodeHash) => {
        if (level >= STORED_NODE_MIN_LEVEL) nodeLines.push(`${level}\t${index}\t${nodeHash.toString('hex')}`);
      });
      entryLines.push(
        [
          seq,
          new Date(fields.recordedAtMs).toISOString(),
          fields.actorUserId,
          fields.organisationId,
          fields.eventType,
          fields.subject,
          fields.detailsHash,
          leafHash.toString('hex'),
        ]
          .map(copyField)
          .join('\t'),
      );
      detailLines.push([seq, fields.organisationId, details].map(copyField).join('\t'));
    }
    const copy = (table: string, lines: string[]) => copyInto(handle, table, lines);
    await copy(
      'audit_entries (seq, recorded_at, actor_user_id, organisation_id, event_type, subject, details_hash, leaf_hash)',
      entryLines,
    );
    await copy('audit_details (seq, organisation_id, details)', detailLines);
    await copy('audit_tree_nodes (level, index, hash)', nodeLines);
  }
  await handle.db.insert(auditLogHead).values({ id: 1, treeSize: 0, frontier: [], updatedAt: new Date() });
  await saveHead(handle.db, frontier);
  return leaves;
}

/**
 * The hashing half of the limit: the Merkle root of the same leaves with nothing but SHA-256 (leaves already in
 * memory), in the fastest plain way measured on Node 24 for a million leaves: digests as latin1 strings (crypto.hash(…,
 * 'binary')), each pair written straight into one reused node input. The alternatives, same run: a Buffer digest
 * (crypto.hash(…, 'buffer'), which allocates an ArrayBuffer per call) 2.5 to 3 times slower, createHash().digest()
 * 4 to 6 times slower; a latin1 digest turned back into a Buffer (what the code does) 1.2 to 1.9 times slower.
 */
function bareRoot(prefixedLeaves: LeafList): Buffer {
  const nodeInput = Buffer.alloc(65);
  nodeInput[0] = 0x01;
  const hashChildren = (left: string, right: string) => {
    nodeInput.write(left, 1, 'latin1');
    nodeInput.write(right, 33, 'latin1');
    return hash('sha256', nodeInput, 'binary');
  };
  const stack: string[] = [];
  for (let i = 0; i < prefixedLeaves.length; i++) {
    let node = hash('sha256', prefixedLeaves.at(i), 'binary');
    for (let n = i; n % 2 === 1; n = (n - 1) / 2) node = hashChildren(stack.pop()!, node);
    stack.push(node);
  }
  let root = stack.pop()!;
  while (stack.length > 0) root = hashChildren(stack.pop()!, root);
  return Buffer.from(root, 'latin1');
}

/**
 * The reading half of the limit: the entries and their details in the fastest plain way measured on both
 * databases, one text per 50,000-entry page from each table with the database joining the fields, checking
 * nothing. The alternatives, same machine: COPY … TO of the same rows 2 times slower on the embedded database,
 * one row object per entry (`e::text` or the driver's rows) 1.6 times slower or more; without `order by`, or
 * through `||` or `concat`, no faster. Verification cannot be faster than reading what it verifies: on this
 * machine reading a million entries takes 3 to 4 times as long as hashing them, on either database.
 */
async function readAlone(handle: DatabaseHandle, count: number): Promise<number> {
  const started = performance.now();
  for (let from = 1; from <= count + 2; from += 50_000) {
    const to = from + 50_000;
    await queryRows(
      handle.db,
      sql`select string_agg(concat_ws(E'\t', seq, round(date_part('epoch', recorded_at) * 1000)::bigint,
          coalesce(actor_user_id::text, ''), coalesce(organisation_id::text, ''), event_type, subject,
          details_hash, leaf_hash), E'\n' order by seq) as text
        from ${auditEntries} where seq >= ${from} and seq < ${to}`,
    );
    await queryRows(
      handle.db,
      sql`select string_agg(concat_ws(E'\t', seq, details::text), E'\n' order by seq) as text
        from ${auditDetails} where seq >= ${from} and seq < ${to}`,
    );
  }
  return seconds(started);
}

/** Verify on each database: the embedded one (the default installation) and PostgreSQL (production). */
const verifyScenario = (database: 'embedded' | 'PostgreSQL'): Scenario => ({
  name: `audit verify (${VERIFY_ENTRIES.toLocaleString('en')} entries, ${database})`,
  run: () =>
    (database === 'embedded' ? withEmbeddedDatabase : withPostgresDatabase)(async (handle, dataDir) => {
      const seeding = performance.now();
      const leaves = await seedLog(handle, VERIFY_ENTRIES);
      const keyring = await openKeyring({ masterKey: randomBytes(32).toString('base64'), dataDir });
      // Signing creates the signing key and records the checkpoint, which append two more entries; the limit
      // hashes those leaves too.
      const signed = await signCheckpoint(handle.db, keyring);
      const appended = await handle.db
        .select()
        .from(auditEntries)
        .where(gt(auditEntries.seq, VERIFY_ENTRIES))
        .orderBy(asc(auditEntries.seq));
      for (const entry of appended) {
        const leaf = new LeafHasher().encode({ ...entry, recordedAtMs: entry.recordedAt.getTime() })!;
        leaves.push(Buffer.concat([Buffer.of(0), leaf]));
      }
      await handle.db.execute(sql`checkpoint`);
      // What autovacuum does on a PostgreSQL server within a minute of a bulk load; the embedded one has none.
      if (handle.kind === 'postgres') await handle.db.execute(sql`analyze`);
      const seedSeconds = seconds(seeding);

      // Best of two of each, alternated, so a busy moment on the machine weighs on neither side alone.
      let verifySeconds = Number.POSITIVE_INFINITY;
      let readSeconds = Number.POSITIVE_INFINITY;
      let hashSeconds = Number.POSITIVE_INFINITY;
      for (let round = 0; round < 2; round++) {
        let started = performance.now();
        const result = await verifyLog(handle.db);
        verifySeconds = Math.min(verifySeconds, seconds(started));
        if (!result.ok) throw new Error(`verify failed on an untouched log: ${result.message}`);
        if (result.latestCheckpoint?.treeSize !== signed?.checkpoint.treeSize || result.treeSize !== leaves.length) {
          throw new Error('verify did not check the whole log and its checkpoint');
        }

        readSeconds = Math.min(readSeconds, await readAlone(handle, VERIFY_ENTRIES));
        started = performance.now();
        const root = bareRoot(leaves);
        hashSeconds = Math.min(hashSeconds, seconds(started));
        if (root.toString('hex') !== result.rootHash) throw new Error('the bare root differs from the log root');
      }
      // The same work done the plain way: read the entries and details, then hash them.
      const limitSeconds = readSeconds + hashSeconds;
      const percent = (part: number) => `${((part / verifySeconds) * 100).toFixed(0)} %`;
      return {
        figure: verifySeconds,
        limit: limitSeconds,
        unit: 's',
        higherIsBetter: false,
        target: '≥ 50 % of limit',
        met: limitSeconds / verifySeconds >= 0.5,
        notes:
          `limit = plain read ${readSeconds.toFixed(2)} s + bare SHA-256 ${hashSeconds.toFixed(2)} s (latin1 digests); ` +
          `verify is at ${percent(hashSeconds)} of hashing alone, ${percent(readSeconds)} of reading alone; ` +
          `seeding ${seedSeconds.toFixed(0)} s`,
      };
    }),
});

const appendScenario: Scenario = {
  name: `audit append (batches of ${APPEND_BATCH.toLocaleString('en')})`,
  run: () =>
    withEmbeddedDatabase(async (handle) => {
      const { db } = handle;
      const organisations = Array.from({ length: 12 }, newId);
      const users = Array.from({ length: 300 }, newId);
      const batch = (round: number): AnyAuditEntryInput[] =>
        Array.from({ length: APPEND_BATCH }, (_, i) => {
          const n = round * APPEND_BATCH + i;
          return {
            type: 'audit.signing_key_created',
            actor: n % 7 === 0 ? null : { userId: users[n % users.length]!, organisationId: organisations[n % 12]! },
            subject: `audit-signing-key:k${n.toString(36)}`,
            details: { keyId: `k${n.toString(36)}` },
          };
        });
      // The bare rows: the same entries, hashes already known, far above the log's sequence numbers.
      const bareRows = (round: number) =>
        batch(round).map((entry, i) => {
          const seq = 1_000_000_000 + round * APPEND_BATCH + i;
          const detailsHash = hash('sha256', JSON.stringify(entry.details), 'hex');
          return {
            seq,
            recordedAt: new Date(),
            actorUserId: entry.actor?.userId ?? null,
            organisationId: entry.actor?.organisationId ?? null,
            eventType: entry.type,
            subject: entry.subject,
            detailsHash,
            leafHash: detailsHash,
          };
        });

      let appendSeconds = 0;
      let bareSeconds = 0;
      for (let round = 0; round < APPEND_ROUNDS; round++) {
        const entries = batch(round);
        let started = performance.now();
        await db.transaction((tx) => appendAuditBatch(tx, entries));
        appendSeconds += seconds(started);

        const rows = bareRows(round);
        started = performance.now();
        await db.transaction(async (tx) => {
          await tx.insert(auditEntries).values(rows);
        });
        bareSeconds += seconds(started);
      }
      const total = APPEND_ROUNDS * APPEND_BATCH;
      const figure = total / appendSeconds;
      const limit = total / bareSeconds;
      return {
        figure,
        limit,
        unit: 'entries/s',
        higherIsBetter: true,
        target: '≥ 25 % of limit',
        met: figure / limit >= 0.25,
        notes: `${total.toLocaleString('en')} entries: appendAuditBatch ${appendSeconds.toFixed(2)} s, bare INSERT ${bareSeconds.toFixed(2)} s`,
      };
    }),
};

export const scenarios: Scenario[] = [verifyScenario('embedded'), verifyScenario('PostgreSQL'), appendScenario];
