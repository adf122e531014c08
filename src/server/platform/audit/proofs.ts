import { and, eq, inArray, or } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { STORED_NODE_MIN_LEVEL } from './head.ts';
import {
  consistencyProofRanges,
  foldSubtrees,
  inclusionProofRanges,
  type LeafRange,
  perfectSubtrees,
  type Subtree,
  treeHash,
} from './merkle.ts';
import { auditEntries, auditTreeNodes } from './schema.ts';

/** The audit path of entry `seq` in the tree of the first `treeSize` entries, with the leaf hash and root. */
export async function inclusionProofFromLog(db: Database, seq: number, treeSize: number) {
  const leafIndex = seq - 1;
  const ranges = inclusionProofRanges(leafIndex, treeSize);
  const [leafHash, rootHash, ...auditPath] = await rangeHashes(db, [[leafIndex, seq], [0, treeSize], ...ranges]);
  return { leafIndex, leafHash: leafHash!, rootHash: rootHash!, auditPath };
}

/** The proof that the tree of `from` entries is a prefix of the tree of `to` entries, with both roots. */
export async function consistencyProofFromLog(db: Database, from: number, to: number) {
  const ranges = consistencyProofRanges(from, to);
  const [fromRoot, toRoot, ...proof] = await rangeHashes(db, [[0, from], [0, to], ...ranges]);
  return { fromRoot: fromRoot!, toRoot: toRoot!, proof };
}

/**
 * The Merkle tree hash of each range. Ranges split into perfect subtrees; those from STORED_NODE_MIN_LEVEL
 * up are read from the stored nodes, smaller ones are hashed from their leaves. A stored node that is
 * missing is rebuilt from its children, so a proof never depends on the node cache being whole.
 */
async function rangeHashes(db: Database, ranges: LeafRange[]): Promise<Buffer[]> {
  const pieces = ranges.map(perfectSubtrees);
  const unique = new Map(pieces.flat().map((piece) => [key(piece), piece]));
  const known = await subtreeHashes(db, [...unique.values()]);
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
