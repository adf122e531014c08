import { Worker } from 'node:worker_threads';
import { sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { type Database, queryRows } from '../db/client.ts';
import { type AccessChainProblem, type AccessChainReason, verifyAccessChain } from './access-chain.ts';
import { firstMissingCheckpoint, recordedCheckpoints } from './anchors.ts';
import { allCheckpoints, verifyCheckpointSignature } from './checkpoint.ts';
import { readHead, STORED_NODE_MIN_LEVEL } from './head.ts';
import { auditDetails, auditEntries, auditTreeNodes } from './schema.ts';
import {
  type CheckedPage,
  type CheckpointToVerify,
  type LogPage,
  LogVerifier,
  TreeChecker,
  type VerifierOutcome,
  type VerifierSetup,
  type VerifyProblem,
  type VerifyReason,
} from './verifier.ts';

export type { VerifyReason } from './verifier.ts';
export type VerifyPart = 'entries' | 'tree_nodes' | 'access_log';

export type VerifyLogResult =
  | {
      ok: true;
      treeSize: number;
      rootHash: string;
      checkpointsVerified: number;
      latestCheckpoint: { treeSize: number; signedAt: string } | null;
      /** The access log's hash chain: its rows and the anchors in the transparency log it matched. */
      accessLog: { size: number; anchorsMatched: number };
      seconds: number;
    }
  | {
      ok: false;
      /** What is wrong: the log's entries, the node cache proofs are served from, or the access log's chain. */
      part: VerifyPart;
      /** In the part at fault: the log's seq, the first seq under the bad node, or the access log's seq. */
      firstBadSeq: number;
      reason: VerifyReason | AccessChainReason;
      /** One line for a person: "seq 12 (its details do not match their hash)". */
      message: string;
      checkpoint: { treeSize: number; signedAt: string } | null;
      /** The stored tree node that is wrong, for the tree-node reasons (then the entries are intact). */
      node: { level: number; index: number } | null;
      entriesChecked: number;
      seconds: number;
    };

export interface VerifyLogOptions {
  /** Entries read per query (default 50,000). */
  pageSize?: number;
  /** Hash in a worker thread while the next page is read; by default when there is more than one page. */
  worker?: boolean;
  /** Checkpoints held outside the database (a witness's), which the log must contain like its own. */
  outside?: CheckpointToVerify[];
}

const REASONS: Record<VerifyReason | AccessChainReason, string> = {
  unexpected_entry: 'an entry with this sequence number should not exist',
  missing: 'the entry is missing',
  unreadable: 'the entry cannot be read: a field holds what no entry can',
  details_missing: 'its details are missing',
  details_altered: 'its details do not match their hash',
  entry_altered: 'the entry does not match its leaf hash',
  not_in_head: 'the entry was not appended through the log',
  head_mismatch: 'the log head does not match the entries from here on',
  checkpoint_mismatch: 'the log from here on no longer matches the checkpoint signed at size {size}',
  checkpoint_signature_invalid: 'the checkpoint at size {size} does not carry a valid signature',
  checkpoint_beyond_log: 'the checkpoint signed at size {size} covers entries that are no longer in the log',
  checkpoint_missing: 'it records a checkpoint signed at size {size} that the database no longer holds',
  tree_node_altered: 'the stored tree node {node} does not match the entries',
  tree_node_unexpected: 'a stored tree node {node} lies outside the tree',
  access_entry_missing: 'the row is missing',
  access_entry_unexpected: 'a row with this seq should not be there',
  access_entry_unreadable: 'the row cannot be read: a field holds what no row can',
  access_entry_altered: 'the row does not match its hash',
  access_link_broken: 'the row does not link to the hash of the row before',
  access_not_in_head: 'the row was not appended through the chain',
  access_head_mismatch: 'the chain from here on does not match its stored head',
  access_anchor_mismatch: 'the chain from here on no longer matches its head anchored in log entry {anchor}',
  access_anchor_beyond_log: 'log entry {anchor} anchors rows that are no longer in the access log',
};

/** Said of the tree-node reasons: the entries are intact, only the derived node cache is wrong. */
const CACHE_ONLY =
  'the entries are intact; only the node cache, from which proofs are served, is wrong: ' +
  '`homeward audit verify --repair-cache` rebuilds it';

export function describeVerifyReason(
  reason: VerifyReason | AccessChainReason,
  checkpointSize?: number,
  node?: { level: number; index: number },
  anchorSeq?: number,
): string {
  return REASONS[reason]
    .replace('{size}', String(checkpointSize ?? ''))
    .replace('{anchor}', String(anchorSeq ?? ''))
    .replace('{node}', node ? `at level ${node.level}, index ${node.index}` : '');
}

type AnyProblem = VerifyProblem | (AccessChainProblem & { node?: undefined; checkpoint?: undefined });

const partOf = (problem: AnyProblem): VerifyPart =>
  problem.node ? 'tree_nodes' : problem.reason.startsWith('access_') ? 'access_log' : 'entries';

/** The failure line for a person, naming the entry, the node or the access log's row. */
function describeProblem(problem: AnyProblem): string {
  const anchorSeq = 'anchorSeq' in problem ? problem.anchorSeq : undefined;
  const why = describeVerifyReason(problem.reason, problem.checkpoint?.treeSize, problem.node, anchorSeq);
  if (problem.node) return `${why} (it covers entries from seq ${problem.firstBadSeq}); ${CACHE_ONLY}`;
  if (partOf(problem) === 'access_log') return `access log seq ${problem.firstBadSeq} (${why})`;
  return `seq ${problem.firstBadSeq} (${why})`;
}

/**
 * Rebuilds the tree from the stored entries and checks everything that can be checked: sequence numbers
 * 1..n without gaps, each entry's details against its details hash, each leaf hash, the head, and the root and
 * signature of every checkpoint. Names the first bad sequence number. Entries stream in keyset pages.
 */
export async function verifyLog(db: Database, options: VerifyLogOptions = {}): Promise<VerifyLogResult> {
  const started = performance.now();
  const outcome = await inSnapshot(db, (tx) => rebuild(tx, options));
  const seconds = (performance.now() - started) / 1000;
  const { problem } = outcome;
  if (!problem) {
    return {
      ok: true,
      treeSize: outcome.treeSize,
      rootHash: outcome.rootHash,
      checkpointsVerified: outcome.checkpointsMatched - (options.outside?.length ?? 0),
      latestCheckpoint: outcome.latestCheckpoint,
      accessLog: outcome.accessLog,
      seconds,
    };
  }
  return {
    ok: false,
    part: partOf(problem),
    firstBadSeq: problem.firstBadSeq,
    reason: problem.reason,
    message: describeProblem(problem),
    checkpoint: problem.checkpoint ?? null,
    node: problem.node ?? null,
    entriesChecked: outcome.entriesChecked,
    seconds,
  };
}

/**
 * Verification reads the head, the checkpoints and every entry from one snapshot, so appends committed
 * meanwhile neither show up half nor look like forgeries. (The embedded database has one connection: other
 * work waits while it verifies.)
 */
async function inSnapshot<T>(db: Database, work: (tx: Database) => Promise<T>): Promise<T> {
  const prepared = async (tx: Database) => {
    // Pages are read by primary-key range scans, already in order. The embedded database runs no autovacuum,
    // so without statistics the planner would rather bitmap-scan and sort every page on disk; and room to
    // sort in memory where it still sorts (PostgreSQL 15 sorts for string_agg ... order by).
    const [saved] = await queryRows<Record<(typeof PLANNER_SETTINGS)[number], string>>(
      tx,
      sql`select current_setting('enable_bitmapscan') as enable_bitmapscan,
            current_setting('enable_seqscan') as enable_seqscan, current_setting('work_mem') as work_mem`,
    );
    await tx.execute(sql`set local enable_bitmapscan = off`);
    await tx.execute(sql`set local enable_seqscan = off`);
    await tx.execute(sql`set local work_mem = '64MB'`);
    const result = await work(tx);
    // Inside a caller's transaction (a restore verifies before it commits), leave its settings as they were.
    for (const name of PLANNER_SETTINGS) await tx.execute(sql`select set_config(${name}, ${saved![name]}, true)`);
    return result;
  };
  return db instanceof PgTransaction
    ? prepared(db as unknown as Database)
    : db.transaction((tx) => prepared(tx as unknown as Database), {
        isolationLevel: 'repeatable read',
        accessMode: 'read only',
      });
}

const PLANNER_SETTINGS = ['enable_bitmapscan', 'enable_seqscan', 'work_mem'] as const;

async function rebuild(tx: Database, options: VerifyLogOptions) {
  const pageSize = options.pageSize ?? 50_000;
  const head = await readHead(tx);
  const checkpoints = await allCheckpoints(tx);
  const missing = firstMissingCheckpoint(await recordedCheckpoints(tx), checkpoints);
  const setup: VerifierSetup = {
    head,
    checkpoints: [
      ...checkpoints.map((c) => ({
        treeSize: c.treeSize,
        rootHash: c.rootHash,
        signedAt: c.time.toISOString(),
        signatureValid: verifyCheckpointSignature(c, c.publicKey),
      })),
      ...(options.outside ?? []),
    ].sort((a, b) => a.treeSize - b.treeSize),
    storedNodeMinLevel: STORED_NODE_MIN_LEVEL,
  };
  const useWorker = options.worker ?? (head?.treeSize ?? 0) > pageSize;
  const sink = useWorker ? new WorkerVerifier(setup) : new InlineVerifier(setup);
  try {
    // Pages are ranges of sequence numbers, so both tables are read by index range; an empty range (after
    // entries were deleted, or before forged ones) jumps to the next entry that exists.
    let from = await firstSeqFrom(tx, Number.MIN_SAFE_INTEGER);
    while (from !== undefined) {
      const page = await readPage(tx, from, from + pageSize);
      if (page.entries === '') {
        from = await firstSeqFrom(tx, from + pageSize);
        continue;
      }
      if (!(await sink.consume(page))) break;
      from += pageSize;
    }
    const outcome = await sink.finish();
    const latest = checkpoints.at(-1);
    let problem: AnyProblem | undefined = outcome.problem ?? (await nodeOutsideTree(tx, outcome.treeSize));
    // A problem in the entries up to the one recording the missing checkpoint comes first (that entry may be
    // forged); a missing checkpoint weighs more than a wrong node cache (which can be rebuilt).
    if (missing && !(problem && !problem.node && problem.firstBadSeq <= missing.firstBadSeq)) problem = missing;
    // The anchors are read from the log, so the chain is checked against them only once the log checked out;
    // a wrong chain weighs more than a wrong node cache.
    const chain = problem && !problem.node ? undefined : await verifyAccessChain(tx);
    if (chain?.problem) problem = chain.problem;
    return {
      ...outcome,
      problem,
      accessLog: { size: chain?.size ?? 0, anchorsMatched: chain?.anchorsMatched ?? 0 },
      latestCheckpoint: latest ? { treeSize: latest.treeSize, signedAt: latest.time.toISOString() } : null,
    };
  } finally {
    await sink.close();
  }
}

/**
 * A stored node that no tree of this size has: below the lowest stored level, or covering entries beyond the
 * log. Proofs never read one, but the append that reaches its place would collide with it.
 */
async function nodeOutsideTree(tx: Database, treeSize: number): Promise<VerifyProblem | undefined> {
  const [row] = await queryRows<{ level: number; index: string }>(
    tx,
    sql`select level, index::text as index from ${auditTreeNodes}
        where level < ${STORED_NODE_MIN_LEVEL} or level > 62 or index < 0
          or (index + 1) * power(2::numeric, level) > ${treeSize}
        order by level, index limit 1`,
  );
  if (!row) return undefined;
  const node = { level: Number(row.level), index: Number(row.index) };
  return { firstBadSeq: Math.max(node.index, 0) * 2 ** node.level + 1, reason: 'tree_node_unexpected', node };
}

async function firstSeqFrom(tx: Database, from: number): Promise<number | undefined> {
  const [row] = await queryRows<{ seq: string | null }>(
    tx,
    sql`select min(seq)::text as seq from ${auditEntries} where seq >= ${from}`,
  );
  return row?.seq == null ? undefined : Number(row.seq);
}

/**
 * The entries with from <= seq < to and their details, as the text LogVerifier reads. The database joins
 * the fields itself: one string per page crosses the driver instead of a row object per entry, which is
 * most of the cost of reading.
 */
async function readPage(tx: Database, from: number, to: number): Promise<LogPage> {
  const [entries] = await queryRows<{ text: string | null }>(
    tx,
    sql`select string_agg(concat_ws(E'\t', seq, round(date_part('epoch', recorded_at) * 1000)::bigint,
          coalesce(actor_user_id::text, ''), coalesce(organisation_id::text, ''), event_type, subject,
          details_hash, leaf_hash), E'\n' order by seq) as text
        from ${auditEntries} where seq >= ${from} and seq < ${to}`,
  );
  const [details] = await queryRows<{ text: string | null }>(
    tx,
    sql`select string_agg(concat_ws(E'\t', seq, details::text), E'\n' order by seq) as text
        from ${auditDetails} where seq >= ${from} and seq < ${to}`,
  );
  return { entries: entries?.text ?? '', details: details?.text ?? '', nodes: await readNodes(tx, from, to) };
}

/**
 * The stored tree nodes that the entries from <= seq < to complete: node (level, index) is complete when
 * entry (index + 1) × 2^level is appended. One primary-key range per level.
 */
async function readNodes(tx: Database, from: number, to: number): Promise<string> {
  let top = STORED_NODE_MIN_LEVEL - 1;
  while (2 ** (top + 1) < to) top += 1;
  if (top < STORED_NODE_MIN_LEVEL) return '';
  const first = Math.max(from, 1);
  const [nodes] = await queryRows<{ text: string | null }>(
    tx,
    sql`select string_agg(concat_ws(E'\t', n.level, n.index, n.hash), E'\n') as text
        from generate_series(${STORED_NODE_MIN_LEVEL}::int, ${top}::int) as l(level)
        cross join lateral (
          select level, index, hash from ${auditTreeNodes}
          where level = l.level
            and index >= (${first}::bigint + (1::bigint << l.level) - 1) / (1::bigint << l.level) - 1
            and index < (${to}::bigint + (1::bigint << l.level) - 1) / (1::bigint << l.level) - 1
        ) as n`,
  );
  return nodes?.text ?? '';
}

interface PageSink {
  consume(page: LogPage): Promise<boolean>;
  finish(): Promise<VerifierOutcome>;
  close(): Promise<void>;
}

class InlineVerifier implements PageSink {
  readonly #verifier: LogVerifier;
  constructor(setup: VerifierSetup) {
    this.#verifier = new LogVerifier(setup);
  }
  async consume(page: LogPage) {
    return this.#verifier.consume(page);
  }
  async finish() {
    return this.#verifier.finish();
  }
  async close() {}
}

/**
 * Feeds pages to a worker that checks them and returns their leaf hashes, keeping at most two in flight, so
 * that reading a page, checking the one before and adding the leaves of the one before that to the tree
 * overlap on two cores.
 */
class WorkerVerifier implements PageSink {
  readonly #worker: Worker;
  readonly #tree: TreeChecker;
  #inFlight = 0;
  #more = true;
  #failure: Error | undefined;
  #wake: (() => void) | undefined;

  constructor(setup: VerifierSetup) {
    this.#tree = new TreeChecker(setup);
    this.#more = !this.#tree.problem;
    this.#worker = new Worker(new URL('./verify-worker.ts', import.meta.url), {
      workerData: { headSize: setup.head?.treeSize ?? 0 },
    });
    this.#worker.on('message', (checked: CheckedPage) => {
      this.#inFlight -= 1;
      if (this.#more && !this.#tree.add(checked)) this.#more = false;
      this.#signal();
    });
    this.#worker.on('error', (error) => {
      this.#failure = error;
      this.#signal();
    });
  }

  #signal() {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }

  #next(): Promise<void> {
    return new Promise((resolve) => {
      this.#wake = resolve;
    });
  }

  async consume(page: LogPage): Promise<boolean> {
    while (this.#inFlight >= 2 && !this.#failure) await this.#next();
    if (this.#failure) throw this.#failure;
    if (!this.#more) return false;
    this.#worker.postMessage(page);
    this.#inFlight += 1;
    return true;
  }

  async finish(): Promise<VerifierOutcome> {
    while (this.#inFlight > 0 && !this.#failure) await this.#next();
    if (this.#failure) throw this.#failure;
    return this.#tree.finish();
  }

  async close() {
    await this.#worker.terminate();
  }
}
