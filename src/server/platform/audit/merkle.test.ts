import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  consistencyProof,
  consistencyProofRanges,
  EMPTY_ROOT,
  foldSubtrees,
  hashLeaf,
  inclusionProof,
  inclusionProofRanges,
  MerkleFrontier,
  perfectSubtrees,
  rootFromInclusionProof,
  treeHash,
  verifyConsistency,
  verifyInclusion,
} from './merkle.ts';

// Known-answer vectors of RFC 6962 trees, from certificate-transparency's cpp/merkletree/merkle_tree_test.cc
// (kInputs, kSHA256Roots, kSHA256Paths, kSHA256Proofs) and transparency-dev/merkle proof/verify_test.go (6 → 7).
const h = (hex: string) => Buffer.from(hex, 'hex');
const INPUTS = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(
  h,
);
const ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
/** Leaf numbers here are 1-based, as in the vectors' source. */
const INCLUSION_VECTORS: { leaf: number; size: number; path: string[] }[] = [
  { leaf: 1, size: 1, path: [] },
  {
    leaf: 1,
    size: 8,
    path: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    leaf: 6,
    size: 8,
    path: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  { leaf: 3, size: 3, path: ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'] },
  {
    leaf: 2,
    size: 5,
    path: [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
];
const CONSISTENCY_VECTORS: { from: number; to: number; proof: string[] }[] = [
  { from: 1, to: 1, proof: [] },
  {
    from: 1,
    to: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    from: 6,
    to: 8,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  {
    from: 2,
    to: 5,
    proof: [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
  {
    from: 6,
    to: 7,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
];

const LEAF_HASHES = INPUTS.map(hashLeaf);
const hex = (buffers: Buffer[]) => buffers.map((b) => b.toString('hex'));

describe('RFC 6962 Merkle tree hash', () => {
  it('hashes the empty tree as SHA-256 of the empty string', () => {
    expect(EMPTY_ROOT.toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(treeHash([]).equals(EMPTY_ROOT)).toBe(true);
    expect(new MerkleFrontier().root().equals(EMPTY_ROOT)).toBe(true);
  });

  it('matches the published roots for sizes 1 to 8, recursively and incrementally', () => {
    const frontier = new MerkleFrontier();
    for (let size = 1; size <= 8; size++) {
      expect(treeHash(LEAF_HASHES, 0, size).toString('hex')).toBe(ROOTS[size - 1]);
      frontier.append(LEAF_HASHES[size - 1]!);
      expect(frontier.root().toString('hex')).toBe(ROOTS[size - 1]);
    }
  });

  it('produces the published audit paths and verifies them', () => {
    for (const { leaf, size, path } of INCLUSION_VECTORS) {
      expect(hex(inclusionProof(LEAF_HASHES, leaf - 1, size))).toEqual(path);
      expect(verifyInclusion(leaf - 1, size, LEAF_HASHES[leaf - 1]!, path.map(h), h(ROOTS[size - 1]!))).toBe(true);
    }
  });

  it('produces the published consistency proofs and verifies them', () => {
    for (const { from, to, proof } of CONSISTENCY_VECTORS) {
      expect(hex(consistencyProof(LEAF_HASHES, from, to))).toEqual(proof);
      expect(verifyConsistency(from, to, h(ROOTS[from - 1]!), h(ROOTS[to - 1]!), proof.map(h))).toBe(true);
    }
  });

  it('rejects the corruptions the reference verifier tests reject', () => {
    const { leaf, size, path } = INCLUSION_VECTORS[2]!;
    const [index, leafHash, proof, root] = [leaf - 1, LEAF_HASHES[leaf - 1]!, path.map(h), h(ROOTS[size - 1]!)];
    expect(verifyInclusion(index - 1, size, leafHash, proof, root)).toBe(false);
    expect(verifyInclusion(index + 1, size, leafHash, proof, root)).toBe(false);
    expect(verifyInclusion(index, size * 2, leafHash, proof, root)).toBe(false);
    expect(verifyInclusion(index, size / 2, leafHash, proof, root)).toBe(false);
    expect(verifyInclusion(index, size, hashLeaf(Buffer.from('WrongLeaf')), proof, root)).toBe(false);
    expect(verifyInclusion(index, size, leafHash, proof, EMPTY_ROOT)).toBe(false);
    expect(verifyInclusion(index, size, leafHash, [...proof, root], root)).toBe(false);
    expect(verifyInclusion(index, size, leafHash, [root, ...proof], root)).toBe(false);
    expect(verifyInclusion(index, size, leafHash, proof.slice(0, -1), root)).toBe(false);
    expect(verifyInclusion(0, 0, leafHash, [], EMPTY_ROOT)).toBe(false);

    const c = CONSISTENCY_VECTORS[2]!;
    const [r1, r2, cp] = [h(ROOTS[c.from - 1]!), h(ROOTS[c.to - 1]!), c.proof.map(h)];
    expect(verifyConsistency(c.from - 1, c.to, r1, r2, cp)).toBe(false);
    expect(verifyConsistency(c.from + 1, c.to, r1, r2, cp)).toBe(false);
    expect(verifyConsistency(c.from, c.to * 2, r1, r2, cp)).toBe(false);
    expect(verifyConsistency(c.from, c.to, r2, r1, cp)).toBe(false);
    expect(verifyConsistency(c.from, c.to, r1, r2, [])).toBe(false);
    expect(verifyConsistency(c.from, c.to, r1, r2, [...cp, r2])).toBe(false);
    expect(verifyConsistency(c.from, c.to, r1, r2, [cp[0]!, ...cp])).toBe(false);
    expect(verifyConsistency(2, 1, r1, r2, [])).toBe(false);
    // Trivially consistent sizes.
    expect(verifyConsistency(0, 5, EMPTY_ROOT, r2, [])).toBe(true);
    expect(verifyConsistency(3, 3, r1, r1, [])).toBe(true);
    expect(verifyConsistency(3, 3, r1, r2, [])).toBe(false);
  });
});

const leavesOf = (n: number) => Array.from({ length: n }, (_, i) => hashLeaf(Buffer.from(`leaf ${i}`)));
const flipByte = (proof: Buffer[], element: number, byte: number, bit: number) =>
  proof.map((p, i) => {
    if (i !== element) return p;
    const copy = Buffer.from(p);
    copy[byte] = copy[byte]! ^ (1 << bit);
    return copy;
  });

describe('Merkle proofs for any tree', () => {
  const sizes = fc.integer({ min: 1, max: 300 });

  it('grows to the same root incrementally as by the recursive definition', () => {
    const leaves = leavesOf(300);
    const frontier = new MerkleFrontier();
    for (let n = 1; n <= leaves.length; n++) {
      frontier.append(leaves[n - 1]!);
      expect(frontier.root().equals(treeHash(leaves, 0, n))).toBe(true);
      const reloaded = new MerkleFrontier(frontier.size, frontier.hashes);
      expect(reloaded.root().equals(frontier.root())).toBe(true);
    }
  });

  it('reports every completed interior node exactly where the tree has it', () => {
    const leaves = leavesOf(70);
    const frontier = new MerkleFrontier();
    for (const leaf of leaves) {
      frontier.append(leaf, (level, index, nodeHash) => {
        const width = 2 ** level;
        expect(nodeHash.equals(treeHash(leaves, index * width, (index + 1) * width))).toBe(true);
      });
    }
  });

  it('hashes every proof range from its perfect subtrees as the recursive definition does', () => {
    fc.assert(
      fc.property(sizes, fc.nat(), (size, pick) => {
        const leaves = leavesOf(size);
        const ranges = [
          [0, size] as const,
          ...inclusionProofRanges(pick % size, size),
          ...consistencyProofRanges(1 + (pick % size), size),
        ];
        for (const range of ranges) {
          const pieces = perfectSubtrees(range).map(({ level, index }) =>
            treeHash(leaves, index * 2 ** level, (index + 1) * 2 ** level),
          );
          expect(foldSubtrees(pieces).equals(treeHash(leaves, range[0], range[1]))).toBe(true);
        }
      }),
    );
  });

  it('verifies every inclusion proof and rejects it with any flipped bit', () => {
    fc.assert(
      fc.property(
        sizes,
        fc.nat(),
        fc.nat(),
        fc.nat({ max: 31 }),
        fc.nat({ max: 7 }),
        (size, pick, which, byte, bit) => {
          const leaves = leavesOf(size);
          const index = pick % size;
          const root = treeHash(leaves, 0, size);
          const proof = inclusionProof(leaves, index, size);
          expect(verifyInclusion(index, size, leaves[index]!, proof, root)).toBe(true);
          expect(rootFromInclusionProof(index, size, leaves[index]!, proof)?.equals(root)).toBe(true);
          if (proof.length > 0) {
            const broken = flipByte(proof, which % proof.length, byte, bit);
            expect(verifyInclusion(index, size, leaves[index]!, broken, root)).toBe(false);
          }
          const wrongLeaf = flipByte([leaves[index]!], 0, byte, bit)[0]!;
          expect(verifyInclusion(index, size, wrongLeaf, proof, root)).toBe(false);
          expect(verifyInclusion(index, size, leaves[index]!, proof, flipByte([root], 0, byte, bit)[0]!)).toBe(false);
        },
      ),
    );
  });

  it('verifies every consistency proof and rejects it with any flipped bit', () => {
    fc.assert(
      fc.property(sizes, fc.nat(), fc.nat(), fc.nat({ max: 31 }), fc.nat({ max: 7 }), (to, pick, which, byte, bit) => {
        const leaves = leavesOf(to);
        const from = 1 + (pick % to);
        const [fromRoot, toRoot] = [treeHash(leaves, 0, from), treeHash(leaves, 0, to)];
        const proof = consistencyProof(leaves, from, to);
        expect(verifyConsistency(from, to, fromRoot, toRoot, proof)).toBe(true);
        if (proof.length > 0) {
          const broken = flipByte(proof, which % proof.length, byte, bit);
          expect(verifyConsistency(from, to, fromRoot, toRoot, broken)).toBe(false);
          expect(verifyConsistency(from, to, flipByte([fromRoot], 0, byte, bit)[0]!, toRoot, proof)).toBe(false);
          expect(verifyConsistency(from, to, fromRoot, flipByte([toRoot], 0, byte, bit)[0]!, proof)).toBe(false);
        }
      }),
    );
  });
});
