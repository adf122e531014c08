import { and, eq, gte, inArray, lt, or, sql } from 'drizzle-orm';
import { type Database, queryRows } from '../db/client.ts';
import { STORED_NODE_MIN_LEVEL } from './head.ts';
import {
  consistencyProofRanges,
  foldSubtrees,
  inclusionProofRanges,
  type LeafRange,
  MerkleFrontier,
  perfectSubtrees,
  type Subtree,
  treeHash,
  verifyConsistency,
  verifyInclusion,
} from './merkle.ts';
import { auditEntries, auditTreeNodes } from './schema.ts';

/**
 * The roots a served proof must lead to: the head's (the tree new checkpoints are signed from) and the signed
 * checkpoints' of the sizes a proof names. A proof's root is tied to the head's by a consistency proof, so a
 * wrong cached node shows whichever tree size is asked for.
 */
export interface TrustedRoots {
  head: { treeSize: number; rootHash: Buffer };
  /** Hex root hash of each signed checkpoint, by tree size (only those a proof names are needed). */
  signed: ReadonlyMap<number, string>;
}

/**
 * Told when the proof computed from the node cache did not lead to the trusted roots (`recovered` says
 * whether the one computed from the leaf hashes alone did).
 */
export type OnCacheMismatch = (recovered: boolean) => void;

type Compute<T> = (useCache: boolean) => Promise<T | undefined>;

/** A proof from the node cache when it checks out; else one from the leaf hashes alone, if that does. */
async function checked<T>(compute: Compute<T>, onMismatch?: OnCacheMismatch): Promise<T | undefined> {
  const cached = await compute(true);
  if (cached) return cached;
  const direct = await compute(false);
  onMismatch?.(direct !== undefined);
  return direct;
}

/** Whether `rootHash` is the root of the first `treeSize` entries, as the trusted roots say. */
function anchored(treeSize: number, rootHash: Buffer, toHead: Buffer[], trusted: TrustedRoots): boolean {
  const signed = trusted.signed.get(treeSize);
  if (signed !== undefined && signed !== rootHash.toString('hex')) return false;
  return verifyConsistency(treeSize, trusted.head.treeSize, rootHash, trusted.head.rootHash, toHead);
}

/**
 * The audit path of entry `seq` in the tree of the first `treeSize` entries, with the leaf hash and root;
 * undefined when no proof leads to the trusted roots (the log itself no longer matches them).
 */
export async function inclusionProofFromLog(
  db: Database,
  seq: number,
  treeSize: number,
  trusted: TrustedRoots,
  onMismatch?: OnCacheMismatch,
) {
  const leafIndex = seq - 1;
  const ranges = inclusionProofRanges(leafIndex, treeSize);
  const toHead = consistencyProofRanges(treeSize, trusted.head.treeSize);
  return checked(async (useCache) => {
    const [leafHash, rootHash, ...rest] = await rangeHashes(
      db,
      [[leafIndex, seq], [0, treeSize], ...ranges, ...toHead],
      useCache,
    );
    const auditPath = rest.slice(0, ranges.length);
    const ok =
      verifyInclusion(leafIndex, treeSize, leafHash!, auditPath, rootHash!) &&
      anchored(treeSize, rootHash!, rest.slice(ranges.length), trusted);
    return ok ? { leafIndex, leafHash: leafHash!, rootHash: rootHash!, auditPath } : undefined;
  }, onMismatch);
}

/**
 * The proof that the tree of `from` entries is a prefix of the tree of `to` entries, with both roots;
 * undefined when no proof leads to the trusted roots.
 */
export async function consistencyProofFromLog(
  db: Database,
  from: number,
  to: number,
  trusted: TrustedRoots,
  onMismatch?: OnCacheMismatch,
) {
  const ranges = consistencyProofRanges(from, to);
  const toHead = consistencyProofRanges(to, trusted.head.treeSize);
  return checked(async (useCache) => {
    const [fromRoot, toRoot, ...rest] = await rangeHashes(db, [[0, from], [0, to], ...ranges, ...toHead], useCache);
    const proof = rest.slice(0, ranges.length);
    const signedFrom = trusted.signed.get(from);
    const ok =
      verifyConsistency(from, to, fromRoot!, toRoot!, proof) &&
      (signedFrom === undefined || signedFrom === fromRoot!.toString('hex')) &&
      anchored(to, toRoot!, rest.slice(ranges.length), trusted);
    return ok ? { fromRoot: fromRoot!, toRoot: toRoot!, proof } : undefined;
  }, onMismatch);
}

/**
 * The Merkle tree hash of each range. Ranges split into perfect subtrees; those from STORED_NODE_MIN_LEVEL
 * up are read from the stored nodes, smaller ones are hashed from their leaves. A stored node that is
 * missing is rebuilt from its children, so a proof never depends on the node cache being whole.
 */
async function rangeHashes(db: Database, ranges: LeafRange[], useCache: boolean): Promise<Buffer[]> {
  const pieces = ranges.map(perfectSubtrees);
  const unique = new Map(pieces.flat().map((piece) => [key(piece), piece]));
  const known = useCache
    ? await subtreeHashes(db, [...unique.values()])
    : await subtreeHashesFromLeaves(db, [...unique.values()]);
  return pieces.map((subtrees) => foldSubtrees(subtrees.map((subtree) => known.get(key(subtree))!)));
}

const key = ({ level, index }: Subtree) => `${level}:${index}`;

async function subtreeHashes(db: Database, wanted: Subtree[]): Promise<Map<string, Buffer>> {
  const known = new Map<string, Buffer>();
  const stored = wanted.filter((subtree) => subtree.level >= STORED_NODE_MIN_LEVEL);
  const rows =
    stored.length === 0
      ? []
      : await db
          .select()
          .from(auditTreeNodes)
          .where(or(...stored.map((s) => and(eq(auditTreeNodes.level, s.level), eq(auditTreeNodes.index, s.index)))));
  for (const row of rows) known.set(key(row), Buffer.from(row.hash, 'hex'));

  const missing = stored.filter((subtree) => !known.has(key(subtree)));
  if (missing.length > 0) {
    const children = missing.flatMap(({ level, index }) => [
      { level: level - 1, index: 2 * index },
      { level: level - 1, index: 2 * index + 1 },
    ]);
    const rebuilt = await subtreeHashes(db, children);
    for (const { level, index } of missing) {
      const left = rebuilt.get(key({ level: level - 1, index: 2 * index }))!;
      const right = rebuilt.get(key({ level: level - 1, index: 2 * index + 1 }))!;
      known.set(key({ level, index }), treeHash([left, right]));
    }
  }

  const small = wanted.filter((subtree) => subtree.level < STORED_NODE_MIN_LEVEL);
  if (small.length > 0) {
    const seqs = small.flatMap(({ level, index }) =>
      Array.from({ length: 2 ** level }, (_, i) => index * 2 ** level + i + 1),
    );
    const leaves = await db
      .select({ seq: auditEntries.seq, leafHash: auditEntries.leafHash })
      .from(auditEntries)
      .where(inArray(auditEntries.seq, seqs));
    const bySeq = new Map(leaves.map((leaf) => [leaf.seq, Buffer.from(leaf.leafHash, 'hex')]));
    for (const subtree of small) {
      const width = 2 ** subtree.level;
      const hashes = Array.from({ length: width }, (_, i) => {
        const leaf = bySeq.get(subtree.index * width + i + 1);
        if (!leaf) throw new Error(`audit entry ${subtree.index * width + i + 1} is missing`);
        return leaf;
      });
      known.set(key(subtree), treeHash(hashes));
    }
  }
  return known;
}

/**
 * Each subtree's hash from the leaf hashes alone, one range read each: what proofs fall back on when the
 * node cache does not check out. It reads as many leaves as the subtrees cover, which only a damaged cache
 * makes necessary.
 */
async function subtreeHashesFromLeaves(db: Database, wanted: Subtree[]): Promise<Map<string, Buffer>> {
  const known = new Map<string, Buffer>();
  for (const subtree of wanted) {
    const width = 2 ** subtree.level;
    const first = subtree.index * width + 1;
    const [row] = await queryRows<{ hashes: string | null }>(
      db,
      sql`select string_agg(${auditEntries.leafHash}, '' order by ${auditEntries.seq}) as hashes
          from ${auditEntries} where ${and(gte(auditEntries.seq, first), lt(auditEntries.seq, first + width))}`,
    );
    const hashes = row?.hashes ?? '';
    if (hashes.length !== 64 * width)
      throw new Error(`audit entries ${first} to ${first + width - 1} are not all there`);
    const frontier = new MerkleFrontier();
    for (let at = 0; at < hashes.length; at += 64) frontier.append(Buffer.from(hashes.slice(at, at + 64), 'hex'));
    known.set(key(subtree), frontier.root());
  }
  return known;
}
