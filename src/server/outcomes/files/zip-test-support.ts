import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/**
 * Zip archives for tests, written as ODK Central streams its export: each entry deflated, its local header
 * without sizes (flag 3, a data descriptor after the data), the sizes and CRC in the central directory. An entry
 * may declare another size than its own, as a crafted archive ("zip bomb") does.
 */
export interface TestZipEntry {
  name: string;
  bytes: Buffer;
  /** The uncompressed size the central directory declares (the real one by default). */
  declaredSize?: number;
  /** Stored rather than deflated. */
  stored?: boolean;
}

export function zipOf(entries: readonly TestZipEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = entry.stored ? entry.bytes : zlib.deflateRawSync(entry.bytes);
    const crc = zlib.crc32(entry.bytes);
    const size = entry.declaredSize ?? entry.bytes.length;
    const method = entry.stored ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0808, 6); // data descriptor follows; names in UTF-8
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(name.length, 26);
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc, 4);
    descriptor.writeUInt32LE(data.length, 8);
    descriptor.writeUInt32LE(size, 12);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0808, 8);
    header.writeUInt16LE(method, 10);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(data.length, 20);
    header.writeUInt32LE(size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    parts.push(local, name, data, descriptor);
    offset += local.length + name.length + data.length + descriptor.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

const ODK_FIXTURES = path.join(import.meta.dirname, 'fixtures', 'responses', 'odk-zip');

/**
 * The ODK Central export of three returned households' answers with the `separated_member` repeat (one member
 * for the first submission, two for the third), the households' references in place of {{REF1}}…: the main CSV
 * and the repeat CSV as Central names them.
 */
export function odkExportFiles(refs: readonly string[] = []): { main: TestZipEntry; repeat: TestZipEntry } {
  const read = (name: string) => {
    const text = fs.readFileSync(path.join(ODK_FIXTURES, name), 'utf8');
    return Buffer.from(refs.reduce((t, ref, i) => t.replaceAll(`{{REF${i + 1}}}`, ref), text));
  };
  return {
    main: { name: 'homeward_reintegration.csv', bytes: read('homeward_reintegration.csv') },
    repeat: {
      name: 'homeward_reintegration-separated_member.csv',
      bytes: read('homeward_reintegration-separated_member.csv'),
    },
  };
}
