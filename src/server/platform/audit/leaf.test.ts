import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical.ts';
import { encodeLeaf, type LeafFields, LeafHasher } from './leaf.ts';

const fields: LeafFields = {
  seq: 2 ** 40 + 5,
  recordedAtMs: Date.UTC(2025, 5, 1, 12, 30, 15, 123),
  actorUserId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  organisationId: null,
  eventType: 'user.created',
  subject: 'user:été',
  detailsHash: createHash('sha256').update('{}').digest('hex'),
};

/** The leaf written out field by field, independently of the encoder. */
function expectedLeaf(f: LeafFields): Buffer {
  const u64 = (n: number | bigint) => {
    const b = Buffer.alloc(8);
    b.writeBigInt64BE(BigInt(n));
    return b;
  };
  const id = (value: string | null) =>
    value === null ? Buffer.of(0) : Buffer.concat([Buffer.of(1), Buffer.from(value.replaceAll('-', ''), 'hex')]);
  const type = Buffer.from(f.eventType, 'utf8');
  const subject = Buffer.from(f.subject, 'utf8');
  const typeLength = Buffer.alloc(2);
  typeLength.writeUInt16BE(type.length);
  const subjectLength = Buffer.alloc(4);
  subjectLength.writeUInt32BE(subject.length);
  return Buffer.concat([
    Buffer.of(1),
    u64(f.seq),
    u64(f.recordedAtMs),
    id(f.actorUserId),
    id(f.organisationId),
    typeLength,
    type,
    subjectLength,
    subject,
    Buffer.from(f.detailsHash, 'hex'),
  ]);
}

describe('audit entry leaves', () => {
  it('encode every field at a fixed width or behind its length', () => {
    expect(encodeLeaf(fields).toString('hex')).toBe(expectedLeaf(fields).toString('hex'));
    const both = { ...fields, organisationId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c', seq: 1, recordedAtMs: -5 };
    expect(encodeLeaf(both).equals(expectedLeaf(both))).toBe(true);
  });

  it('hash as RFC 6962 leaves', () => {
    const leaf = expectedLeaf(fields);
    const expected = createHash('sha256').update(Buffer.of(0)).update(leaf).digest();
    expect(new LeafHasher().hash(fields)?.equals(expected)).toBe(true);
  });

  it('differ when any field differs, including moving bytes between type and subject', () => {
    const base = encodeLeaf(fields).toString('hex');
    const variants: Partial<LeafFields>[] = [
      { seq: fields.seq + 1 },
      { recordedAtMs: fields.recordedAtMs + 1 },
      { actorUserId: null },
      { organisationId: fields.actorUserId },
      { eventType: 'user.created:', subject: 'été' },
      { subject: 'user:ete' },
      { detailsHash: 'f'.repeat(64) },
    ];
    const encoded = variants.map((v) => encodeLeaf({ ...fields, ...v }).toString('hex'));
    expect(new Set([base, ...encoded]).size).toBe(variants.length + 1);
  });

  it('refuse fields no stored entry can hold', () => {
    const hasher = new LeafHasher();
    expect(hasher.hash({ ...fields, actorUserId: '0190A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5B' })).toBeUndefined();
    expect(hasher.hash({ ...fields, actorUserId: 'not-a-uuid' })).toBeUndefined();
    expect(hasher.hash({ ...fields, detailsHash: 'xyz' })).toBeUndefined();
    expect(hasher.hash({ ...fields, seq: 1.5 })).toBeUndefined();
    expect(hasher.hash({ ...fields, subject: 'x'.repeat(5000) })).toBeDefined();
  });
});

describe('canonical JSON', () => {
  it('sorts keys, drops undefined members and leaves no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: undefined, d: { z: 0, é: 1.5, A: -0 } })).toBe(
      '{"a":[true,null,"x"],"b":1,"d":{"A":0,"z":0,"é":1.5}}',
    );
  });

  it('refuses what JSON cannot hold', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow();
    expect(() => canonicalJson({ d: new Date() })).toThrow();
    expect(() => canonicalJson(undefined)).toThrow();
  });
});
