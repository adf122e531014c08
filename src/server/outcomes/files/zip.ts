import zlib from 'node:zlib';

/**
 * A small reader of ZIP archives held in memory (ODK Central's CSV export), stored or deflated entries only, read
 * from the central directory (Central writes its zip as a stream: the local headers carry no sizes). Whatever an
 * entry's header claims, no more than the limit is ever unzipped: inflating stops at the limit's last byte, so an
 * archive that unzips to gigabytes (a "zip bomb") is refused after reading at most the limit.
 */

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  /** As the archive declares it: checked when the entry is unzipped. */
  size: number;
  localHeaderOffset: number;
}

/** Why an archive cannot be read: `too_large` (over the limit) or `format` (damaged or of a kind not read). */
export class ZipError extends Error {
  readonly reason: 'too_large' | 'format';
  constructor(reason: 'too_large' | 'format', message: string) {
    super(message);
    this.reason = reason;
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export const isZip = (bytes: Buffer): boolean => bytes.length >= 4 && bytes.readUInt32LE(0) === LOCAL;

/** The entries of an archive, from its central directory. */
export function zipEntries(bytes: Buffer): ZipEntry[] {
  // The end of central directory record: 22 bytes, followed by a comment of at most 65,535 bytes.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (bytes.readUInt32LE(at) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ZipError('format', 'is not a complete zip archive: it may have been cut short');
  const count = bytes.readUInt16LE(end + 10);
  const directorySize = bytes.readUInt32LE(end + 12);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff || directorySize === 0xffffffff) {
    throw new ZipError('too_large', 'is a ZIP64 archive (over 4 GB or 65,535 files)');
  }
  if (directoryOffset + directorySize > end) throw new ZipError('format', 'is a damaged zip archive');
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== CENTRAL) throw new ZipError('format', 'is a damaged zip archive');
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    entries.push({
      flags: bytes.readUInt16LE(at + 8),
      method: bytes.readUInt16LE(at + 10),
      crc32: bytes.readUInt32LE(at + 16),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      name: bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8'),
      localHeaderOffset: bytes.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** An entry's bytes, refusing to unzip more than `maxBytes`. */
export function unzipEntry(bytes: Buffer, entry: ZipEntry, maxBytes: number): Buffer {
  if (entry.flags & 0x1) throw new ZipError('format', `holds ${entry.name} encrypted: export it without a password`);
  if (entry.size > maxBytes) {
    throw new ZipError('too_large', `unzips to more than ${megabytesOf(maxBytes)}`);
  }
  const local = entry.localHeaderOffset;
  if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== LOCAL) {
    throw new ZipError('format', 'is a damaged zip archive');
  }
  const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) throw new ZipError('format', 'is a damaged zip archive');
  let out: Buffer;
  if (entry.method === 0) {
    if (data.length > maxBytes) throw new ZipError('too_large', `unzips to more than ${megabytesOf(maxBytes)}`);
    out = data;
  } else if (entry.method === 8) {
    try {
      out = zlib.inflateRawSync(data, { maxOutputLength: maxBytes });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new ZipError('too_large', `unzips to more than ${megabytesOf(maxBytes)}`);
      }
      throw new ZipError('format', `holds ${entry.name} damaged: export the answers again`);
    }
  } else {
    throw new ZipError(
      'format',
      `holds ${entry.name} compressed in a way an import does not read (method ${entry.method})`,
    );
  }
  if (out.length !== entry.size || zlib.crc32(out) !== entry.crc32) {
    throw new ZipError('format', `holds ${entry.name} damaged: export the answers again`);
  }
  return out;
}

/** `512 MB`, `64 kB`. */
export const megabytesOf = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${Math.floor(bytes / (1024 * 1024)).toLocaleString('en')} MB`
    : `${Math.floor(bytes / 1024).toLocaleString('en')} kB`;
