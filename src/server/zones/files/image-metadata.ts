import { crc32 } from 'node:zlib';

/**
 * Evidence files as Homeward stores them: the type found from the content (magic bytes, never the name or the
 * type the sender claims), and everything but the picture removed: EXIF (with its GPS location, the camera's
 * serial number, the time), XMP, IPTC, comments, text chunks and embedded thumbnails. Only types whose
 * metadata Homeward can remove are accepted. Pure: bytes in, bytes out.
 */

export const EVIDENCE_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type EvidenceMediaType = (typeof EVIDENCE_MEDIA_TYPES)[number];

/** Why a file is refused: not a type Homeward can clean, a PDF (its metadata cannot be removed), or damaged. */
export type EvidenceFileProblem = 'unsupported_type' | 'pdf_not_cleanable' | 'damaged';

export class EvidenceFileError extends Error {
  readonly reason: EvidenceFileProblem;
  constructor(reason: EvidenceFileProblem, message: string) {
    super(message);
    this.name = 'EvidenceFileError';
    this.reason = reason;
  }
}

const damaged = (message: string) => new EvidenceFileError('damaged', message);

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The type of a file from its first bytes; null when it is none Homeward knows. */
export function sniffMediaType(bytes: Uint8Array): EvidenceMediaType | 'application/pdf' | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  if (b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') {
    return 'image/webp';
  }
  if (b.length >= 5 && b.toString('latin1', 0, 5) === '%PDF-') return 'application/pdf';
  return null;
}

/** The file without its metadata, and its type; throws EvidenceFileError for anything else. */
export function cleanEvidenceFile(bytes: Uint8Array): { mediaType: EvidenceMediaType; bytes: Buffer } {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const type = sniffMediaType(b);
  switch (type) {
    case 'image/jpeg':
      return { mediaType: type, bytes: stripJpeg(b) };
    case 'image/png':
      return { mediaType: type, bytes: stripPng(b) };
    case 'image/webp':
      return { mediaType: type, bytes: stripWebp(b) };
    case 'application/pdf':
      throw new EvidenceFileError(
        'pdf_not_cleanable',
        'a PDF can carry its author, software and location in ways that cannot be removed reliably',
      );
    default:
      throw new EvidenceFileError('unsupported_type', 'not a JPEG, PNG or WebP image');
  }
}

// JPEG: a sequence of marker segments; the entropy-coded data follows each SOS.

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const isRst = (marker: number) => marker >= 0xd0 && marker <= 0xd7;
/** Start of frame markers (baseline, progressive, lossless, arithmetic), not DHT (c4), JPG (c8) or DAC (cc). */
const isSof = (marker: number) =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
/** Tables and scans the picture needs: DHT, DAC, DQT, DRI, SOS, DNL, and the frames. */
const JPEG_PICTURE = new Set([0xc4, 0xcc, 0xdb, 0xdd, SOS, 0xdc]);

/**
 * Keeps the frame, tables and scans, the JFIF header (without its thumbnail), the ICC colour profile and Adobe's
 * colour-transform segment; drops every other application segment (EXIF and XMP in APP1, IPTC in APP13, …),
 * comments, and anything after the end of the image.
 */
export function stripJpeg(b: Buffer): Buffer {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== SOI) throw damaged('not a JPEG image');
  const out: Buffer[] = [Buffer.from([0xff, SOI])];
  let i = 2;
  let frame = false;
  let scan = false;
  for (;;) {
    if (i >= b.length) throw damaged('the JPEG image ends before its end marker');
    if (b[i] !== 0xff) throw damaged(`unexpected byte in the JPEG image at ${i}`);
    while (i < b.length && b[i] === 0xff) i++;
    if (i >= b.length) throw damaged('the JPEG image ends inside a marker');
    const marker = b[i]!;
    i++;
    if (marker === EOI) {
      out.push(Buffer.from([0xff, EOI]));
      break;
    }
    if (isRst(marker) || marker === 0x01) {
      out.push(Buffer.from([0xff, marker]));
      continue;
    }
    if (i + 2 > b.length) throw damaged('the JPEG image ends inside a segment');
    const length = b.readUInt16BE(i);
    if (length < 2 || i + length > b.length) throw damaged('a JPEG segment runs past the end of the file');
    const payload = b.subarray(i + 2, i + length);
    const segment = b.subarray(i - 2, i + length);
    i += length;
    if (isSof(marker)) {
      frame = true;
      out.push(segment);
    } else if (JPEG_PICTURE.has(marker)) {
      out.push(segment);
    } else if (marker === 0xe0 && payload.toString('latin1', 0, 5) === 'JFIF\0' && payload.length >= 14) {
      // The JFIF header, its thumbnail (a copy of the picture, perhaps before it was cropped) dropped.
      const header = Buffer.from(payload.subarray(0, 14));
      header[12] = 0;
      header[13] = 0;
      out.push(Buffer.from([0xff, 0xe0, 0, 16]), header);
    } else if (marker === 0xe2 && payload.toString('latin1', 0, 12) === 'ICC_PROFILE\0') {
      out.push(segment);
    } else if (marker === 0xee && payload.toString('latin1', 0, 5) === 'Adobe') {
      out.push(segment);
    }
    // Anything else (APP1 EXIF/XMP, APP13 IPTC, other application segments, COM) is left out.
    if (marker === SOS) {
      if (!frame) throw damaged('the JPEG image has a scan before its frame');
      const start = i;
      for (;;) {
        if (i + 1 >= b.length) throw damaged('the JPEG image ends inside its picture data');
        if (b[i] === 0xff) {
          const next = b[i + 1]!;
          if (next === 0x00 || isRst(next)) {
            i += 2;
            continue;
          }
          if (next !== 0xff) break;
          // 0xFF 0xFF: fill bytes before a marker.
          break;
        }
        i++;
      }
      out.push(b.subarray(start, i));
      scan = true;
    }
  }
  if (!frame || !scan) throw damaged('the JPEG image has no picture');
  return Buffer.concat(out);
}

// PNG: the signature, then chunks (length, type, data, CRC) up to IEND.

/** Chunks that draw the picture or its colours; every other chunk (tEXt, zTXt, iTXt, eXIf, tIME, …) is dropped. */
const PNG_KEPT = new Set([
  'IHDR',
  'PLTE',
  'IDAT',
  'IEND',
  'tRNS',
  'gAMA',
  'cHRM',
  'sRGB',
  'iCCP',
  'cICP',
  'sBIT',
  'pHYs',
  'bKGD',
  'acTL',
  'fcTL',
  'fdAT',
]);

export function stripPng(b: Buffer): Buffer {
  if (b.length < 8 || !b.subarray(0, 8).equals(PNG_SIGNATURE)) throw damaged('not a PNG image');
  const out: Buffer[] = [PNG_SIGNATURE];
  let i = 8;
  let first = true;
  let data = false;
  for (;;) {
    if (i + 12 > b.length) throw damaged('the PNG image ends before its end chunk');
    const length = b.readUInt32BE(i);
    const type = b.toString('latin1', i + 4, i + 8);
    if (!/^[A-Za-z]{4}$/.test(type)) throw damaged(`a PNG chunk at ${i} has no valid type`);
    const end = i + 12 + length;
    if (length > 0x7fffffff || end > b.length) throw damaged(`the PNG chunk ${type} runs past the end of the file`);
    const crc = b.readUInt32BE(end - 4);
    if (crc32(b.subarray(i + 4, end - 4)) !== crc) throw damaged(`the PNG chunk ${type} is damaged (its CRC differs)`);
    if (first && type !== 'IHDR') throw damaged('the PNG image does not start with its header');
    first = false;
    if (type === 'IDAT') data = true;
    if (PNG_KEPT.has(type)) out.push(b.subarray(i, end));
    i = end;
    if (type === 'IEND') break;
  }
  if (!data) throw damaged('the PNG image has no picture');
  return Buffer.concat(out);
}

// WebP: a RIFF container of chunks (FourCC, little-endian size, data padded to an even length).

const WEBP_KEPT = new Set(['VP8 ', 'VP8L', 'VP8X', 'ALPH', 'ANIM', 'ANMF', 'ICCP']);
/** VP8X flags: EXIF and XMP present. */
const VP8X_EXIF = 0x08;
const VP8X_XMP = 0x04;

export function stripWebp(b: Buffer): Buffer {
  if (b.length < 12 || b.toString('latin1', 0, 4) !== 'RIFF' || b.toString('latin1', 8, 12) !== 'WEBP') {
    throw damaged('not a WebP image');
  }
  const declared = b.readUInt32LE(4) + 8;
  if (declared > b.length) throw damaged('the WebP image is shorter than it says');
  const chunks: Buffer[] = [];
  let i = 12;
  let picture = false;
  while (i < declared) {
    if (i + 8 > declared) throw damaged('the WebP image ends inside a chunk header');
    const type = b.toString('latin1', i, i + 4);
    const size = b.readUInt32LE(i + 4);
    const end = i + 8 + size + (size % 2);
    if (i + 8 + size > declared) throw damaged(`the WebP chunk ${type.trim()} runs past the end of the file`);
    if (type === 'VP8 ' || type === 'VP8L' || type === 'ANMF') picture = true;
    if (WEBP_KEPT.has(type)) {
      const chunk = Buffer.from(b.subarray(i, Math.min(end, declared)));
      if (type === 'VP8X' && size >= 1) chunk[8] = chunk[8]! & ~(VP8X_EXIF | VP8X_XMP);
      chunks.push(chunk.length % 2 === 0 ? chunk : Buffer.concat([chunk, Buffer.alloc(1)]));
    }
    i = end;
  }
  if (!picture) throw damaged('the WebP image has no picture');
  const body = Buffer.concat(chunks);
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(body.length + 4, 4);
  header.write('WEBP', 8, 'latin1');
  return Buffer.concat([header, body]);
}
