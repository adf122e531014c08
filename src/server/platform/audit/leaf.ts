import { hash } from 'node:crypto';

/**
 * The leaf of one audit entry in the Merkle tree: a binary encoding of the entry that no two different entries
 * share. Every field has a fixed width or a length prefix; integers are big-endian.
 *
 *   u8      format version, 1
 *   u64     sequence number
 *   i64     recorded_at, milliseconds since 1970-01-01T00:00:00Z
 *   u8      1 when an actor is recorded, else 0; then the actor's user id as 16 bytes (UUID) when 1
 *   u8      1 when an organisation is recorded, else 0; then its id as 16 bytes when 1
 *   u16     byte length of the event type; the event type in UTF-8
 *   u32     byte length of the subject; the subject in UTF-8
 *   32 B    SHA-256 of the canonical JSON of the details
 *
 * The leaf hash is SHA-256(0x00 || leaf), as RFC 6962 hashes leaves.
 */
export const LEAF_FORMAT_VERSION = 1;

export interface LeafFields {
  seq: number;
  /** Milliseconds since the epoch (the log stores times at millisecond precision). */
  recordedAtMs: number;
  actorUserId: string | null;
  organisationId: string | null;
  eventType: string;
  subject: string;
  /** Hex SHA-256 of the canonical JSON of the details. */
  detailsHash: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Writes leaves into one reusable buffer that starts with the RFC 6962 leaf prefix, so hashing a leaf costs no
 * allocation beyond the digest. Returns undefined for fields that cannot be encoded (only a tampered row has them).
 */
export class LeafHasher {
  #buffer = Buffer.alloc(512);

  /** The leaf bytes (without the 0x00 prefix), or undefined. */
  encode(fields: LeafFields): Buffer | undefined {
    const length = this.#write(fields);
    return length === undefined ? undefined : Buffer.from(this.#buffer.subarray(1, length));
  }

  /** SHA-256(0x00 || leaf), or undefined. */
  hash(fields: LeafFields): Buffer | undefined {
    const length = this.#write(fields);
    return length === undefined ? undefined : hash('sha256', this.#buffer.subarray(0, length), 'buffer');
  }

  #write(fields: LeafFields): number | undefined {
    if (!Number.isSafeInteger(fields.seq) || fields.seq < 0 || !Number.isSafeInteger(fields.recordedAtMs)) {
      return undefined;
    }
    const needed = 1 + 1 + 8 + 8 + 34 + 2 + 4 + 32 + 3 * (fields.eventType.length + fields.subject.length);
    if (needed > this.#buffer.length) this.#buffer = Buffer.alloc(Math.max(needed, this.#buffer.length * 2));
    const b = this.#buffer;
    b[0] = 0x00;
    b[1] = LEAF_FORMAT_VERSION;
    b.writeBigUInt64BE(BigInt(fields.seq), 2);
    b.writeBigInt64BE(BigInt(fields.recordedAtMs), 10);
    let at = 18;
    for (const id of [fields.actorUserId, fields.organisationId]) {
      if (id === null) {
        b[at++] = 0;
        continue;
      }
      if (!UUID.test(id)) return undefined;
      b[at++] = 1;
      at += b.write(id.slice(0, 8), at, 'hex');
      at += b.write(id.slice(9, 13), at, 'hex');
      at += b.write(id.slice(14, 18), at, 'hex');
      at += b.write(id.slice(19, 23), at, 'hex');
      at += b.write(id.slice(24), at, 'hex');
    }
    const typeLength = b.write(fields.eventType, at + 2, 'utf8');
    if (typeLength > 0xffff) return undefined;
    b.writeUInt16BE(typeLength, at);
    at += 2 + typeLength;
    const subjectLength = b.write(fields.subject, at + 4, 'utf8');
    b.writeUInt32BE(subjectLength, at);
    at += 4 + subjectLength;
    if (!/^[0-9a-f]{64}$/.test(fields.detailsHash)) return undefined;
    at += b.write(fields.detailsHash, at, 'hex');
    return at;
  }
}

export function encodeLeaf(fields: LeafFields): Buffer {
  const leaf = new LeafHasher().encode(fields);
  if (!leaf) throw new RangeError('audit entry fields cannot be encoded as a leaf');
  return leaf;
}
