import { hash } from 'node:crypto';
import { sha256 } from './merkle.ts';

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

/**
 * Values of lower-case hex digits by character code, -1 for anything else: stored ids and hashes are lower
 * case, so anything else is not what was hashed.
 */
const HEX = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) HEX['0123456789abcdef'.charCodeAt(i)] = i;
const TWO_32 = 2 ** 32;

/**
 * Where the text of each field lies: in separate strings, or side by side in one line of a verification page
 * (so verification encodes a million leaves without cutting a million lines into fields). An absent actor or
 * organisation is an empty span.
 */
export interface LeafSpans {
  seq: number;
  recordedAtMs: number;
  actor: string;
  actorFrom: number;
  actorTo: number;
  organisation: string;
  organisationFrom: number;
  organisationTo: number;
  eventType: string;
  eventTypeFrom: number;
  eventTypeTo: number;
  subject: string;
  subjectFrom: number;
  subjectTo: number;
  detailsHash: string;
  detailsHashFrom: number;
  detailsHashTo: number;
}

export function spansOf(fields: LeafFields): LeafSpans {
  const actor = fields.actorUserId ?? '';
  const organisation = fields.organisationId ?? '';
  return {
    seq: fields.seq,
    recordedAtMs: fields.recordedAtMs,
    actor,
    actorFrom: 0,
    actorTo: actor.length,
    organisation,
    organisationFrom: 0,
    organisationTo: organisation.length,
    eventType: fields.eventType,
    eventTypeFrom: 0,
    eventTypeTo: fields.eventType.length,
    subject: fields.subject,
    subjectFrom: 0,
    subjectTo: fields.subject.length,
    detailsHash: fields.detailsHash,
    detailsHashFrom: 0,
    detailsHashTo: fields.detailsHash.length,
  };
}

/**
 * Writes leaves into one reusable buffer that starts with the RFC 6962 leaf prefix, so hashing a leaf costs no
 * allocation beyond the digest. Verification runs this a million times in seconds, hence the hand-rolled
 * encoding. Returns undefined for fields that cannot be encoded (only a tampered row has them).
 */
export class LeafHasher {
  #buffer = Buffer.alloc(512);

  /** The leaf bytes (without the 0x00 prefix), or undefined. */
  encode(fields: LeafFields): Buffer | undefined {
    const length = this.#write(spansOf(fields));
    return length === undefined ? undefined : Buffer.from(this.#buffer.subarray(1, length));
  }

  /** SHA-256(0x00 || leaf), or undefined. */
  hash(fields: LeafFields): Buffer | undefined {
    return this.hashSpans(spansOf(fields));
  }

  hashSpans(spans: LeafSpans): Buffer | undefined {
    const length = this.#write(spans);
    return length === undefined ? undefined : sha256(this.#buffer.subarray(0, length));
  }

  /**
   * SHA-256(0x00 || leaf) as the 64 hex digits a stored leaf hash holds, or undefined: verification compares it
   * with the stored text and writes it into its page of hashes, with no Buffer made per entry.
   */
  hashSpansHex(spans: LeafSpans): string | undefined {
    const length = this.#write(spans);
    return length === undefined ? undefined : hash('sha256', this.#buffer.subarray(0, length), 'hex');
  }

  #write(f: LeafSpans): number | undefined {
    const { seq, recordedAtMs } = f;
    if (!Number.isSafeInteger(seq) || seq < 0 || !Number.isSafeInteger(recordedAtMs)) return undefined;
    const textLength = f.eventTypeTo - f.eventTypeFrom + f.subjectTo - f.subjectFrom;
    const needed = 1 + 1 + 8 + 8 + 34 + 2 + 4 + 32 + 3 * textLength;
    if (needed > this.#buffer.length) this.#buffer = Buffer.alloc(Math.max(needed, this.#buffer.length * 2));
    const b = this.#buffer;
    b[0] = 0x00;
    b[1] = LEAF_FORMAT_VERSION;
    b.writeUInt32BE(Math.floor(seq / TWO_32), 2);
    b.writeUInt32BE(seq % TWO_32, 6);
    if (recordedAtMs >= 0) {
      b.writeUInt32BE(Math.floor(recordedAtMs / TWO_32), 10);
      b.writeUInt32BE(recordedAtMs % TWO_32, 14);
    } else {
      b.writeBigInt64BE(BigInt(recordedAtMs), 10);
    }
    let at = writeOptionalUuid(b, 18, f.actor, f.actorFrom, f.actorTo);
    if (at < 0) return undefined;
    at = writeOptionalUuid(b, at, f.organisation, f.organisationFrom, f.organisationTo);
    if (at < 0) return undefined;
    const typeLength = writeUtf8(b, at + 2, f.eventType, f.eventTypeFrom, f.eventTypeTo);
    if (typeLength > 0xffff) return undefined;
    b.writeUInt16BE(typeLength, at);
    at += 2 + typeLength;
    const subjectLength = writeUtf8(b, at + 4, f.subject, f.subjectFrom, f.subjectTo);
    b.writeUInt32BE(subjectLength, at);
    at += 4 + subjectLength;
    if (f.detailsHashTo - f.detailsHashFrom !== 64) return undefined;
    if (!writeHex(b, at, f.detailsHash, f.detailsHashFrom, f.detailsHashTo)) return undefined;
    return at + 32;
  }
}

/** A presence byte, then the UUID's 16 bytes; the offset after it, or -1 for a malformed UUID. */
function writeOptionalUuid(b: Buffer, at: number, text: string, from: number, to: number): number {
  if (from === to) {
    b[at] = 0;
    return at + 1;
  }
  b[at] = 1;
  const ok =
    to - from === 36 &&
    text.charCodeAt(from + 8) === 45 &&
    text.charCodeAt(from + 13) === 45 &&
    text.charCodeAt(from + 18) === 45 &&
    text.charCodeAt(from + 23) === 45 &&
    writeHex(b, at + 1, text, from, from + 8) &&
    writeHex(b, at + 5, text, from + 9, from + 13) &&
    writeHex(b, at + 7, text, from + 14, from + 18) &&
    writeHex(b, at + 9, text, from + 19, from + 23) &&
    writeHex(b, at + 11, text, from + 24, to);
  return ok ? at + 17 : -1;
}

function writeHex(b: Buffer, at: number, text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i += 2) {
    const high = HEX[text.charCodeAt(i)] ?? -1;
    const low = HEX[text.charCodeAt(i + 1)] ?? -1;
    if (high < 0 || low < 0) return false;
    b[at++] = (high << 4) | low;
  }
  return true;
}

function writeUtf8(b: Buffer, at: number, text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) return b.write(text.slice(from, to), at, 'utf8');
    b[at + i - from] = code;
  }
  return to - from;
}

export function encodeLeaf(fields: LeafFields): Buffer {
  const leaf = new LeafHasher().encode(fields);
  if (!leaf) throw new RangeError('audit entry fields cannot be encoded as a leaf');
  return leaf;
}
