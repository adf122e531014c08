import { crc32 } from 'node:zlib';

/**
 * Real images for tests, as Chromium encodes a 16×12 gradient (canvas.toDataURL), and the metadata a phone's
 * camera adds to them: EXIF with the camera's make and a GPS location, XMP, comments, PNG text chunks.
 */
export const CHROMIUM_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAMABADASIAAhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAABAIH/8QAFxAAAwEAAAAAAAAAAAAAAAAAAAEDAv/EABQBAQAAAAAAAAAAAAAAAAAAAAX/xAAZEQACAwEAAAAAAAAAAAAAAAAAAgQFIQb/2gAMAwEAAhEDEQA/AMunkTPJE0hM0MVUJcEuitH0/9k=',
  'base64',
);
export const CHROMIUM_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAABAAAAAMCAYAAABr5z2BAAABZ0lEQVR4AWxSr0tEQRBe9t3uCpYDgwaDgiCCQcGgYLkmmDQJJm2CSZNg0mo0Gq02q81/6s2E8ftmd9UTwzBvZ75fu3fxcyj2sTC198Vle5uu2evSpr2s7Njz6r49rc/scePI7rdO7Hb7zK53L+xy78rOD27s9PDOjmcPFnWSwxhT0EkJ45CDoAs7C3MZSuCe8zFm4ObxsQ5LBZHEgsiPWBUXkMXNMkSK4xVYJMABHwKSsLPgrH+cBWSK/E5KEySAA0ksiHAoJA+Y4ywQ62TBmddRYltFH7YDwVyOjczrcU9nds5rz0EaJ/YPd6YDFh7zX+cCYkLl4Hgk/RZwZ5AUw3lnglN9OIgL9oKuKCaKXYndnRFf2oMJE+H1FSSCFSSSWR0fOazLEtwZ4HrnjKjdOeG7BJJIZilwxHuC7qx0pktzFgelQLBwjnIR7pGUeCSAMmKKgzP+iShfFjgmnNkzEtSiGH/Kjv8CAAD//3OnK3QAAAAGSURBVAMA1dTRBlwo7kIAAAAASUVORK5CYII=',
  'base64',
);
export const CHROMIUM_WEBP = Buffer.from(
  'UklGRiYCAABXRUJQVlA4WAoAAAAgAAAADwAACwAASUNDUMgBAAAAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADZWUDggOAAAADACAJ0BKhAADAAGgCYlsAJ0cwADld8JGVG4AP76YUSmglJ/lI0zKH0wL/9RfD8CbU+lUItWYJAA',
  'base64',
);

/** The camera in the EXIF block, and the place: 36°11'24.6"N 44°0'33.2"E. */
export const CAMERA_MAKE = 'PhoneMaker';
export const GPS_MARK = 'GPSLAT3611246';

/**
 * An EXIF block (TIFF, little-endian) as a camera writes it: IFD0 with Make and a GPS IFD pointer; the GPS IFD
 * with latitude and longitude as rationals, and a GPS processing method naming GPS_MARK so that a test can find
 * any leftover.
 */
export function exifWithGps(): Buffer {
  const entries0 = 2;
  const ifd0 = 8;
  const ifd0Size = 2 + entries0 * 12 + 4;
  const makeAt = ifd0 + ifd0Size;
  const make = Buffer.from(`${CAMERA_MAKE}\0`, 'latin1');
  const gpsAt = makeAt + make.length + (make.length % 2);
  const gpsEntries = 5;
  const gpsSize = 2 + gpsEntries * 12 + 4;
  const latAt = gpsAt + gpsSize;
  const lonAt = latAt + 24;
  const methodAt = lonAt + 24;
  const method = Buffer.from(`ASCII\0\0\0${GPS_MARK}`, 'latin1');
  const total = methodAt + method.length;
  const t = Buffer.alloc(total);
  t.write('II', 0, 'latin1');
  t.writeUInt16LE(42, 2);
  t.writeUInt32LE(ifd0, 4);
  let p = ifd0;
  t.writeUInt16LE(entries0, p);
  p += 2;
  const entry = (tag: number, type: number, count: number, value: number, inline?: Buffer) => {
    t.writeUInt16LE(tag, p);
    t.writeUInt16LE(type, p + 2);
    t.writeUInt32LE(count, p + 4);
    if (inline) inline.copy(t, p + 8);
    else t.writeUInt32LE(value, p + 8);
    p += 12;
  };
  entry(0x010f, 2, make.length, makeAt);
  entry(0x8825, 4, 1, gpsAt);
  t.writeUInt32LE(0, p);
  make.copy(t, makeAt);
  p = gpsAt;
  t.writeUInt16LE(gpsEntries, p);
  p += 2;
  entry(0x0001, 2, 2, 0, Buffer.from('N\0', 'latin1'));
  entry(0x0002, 5, 3, latAt);
  entry(0x0003, 2, 2, 0, Buffer.from('E\0', 'latin1'));
  entry(0x0004, 5, 3, lonAt);
  entry(0x001b, 7, method.length, methodAt);
  t.writeUInt32LE(0, p);
  const rationals = (at: number, values: [number, number][]) =>
    values.forEach(([n, d], k) => {
      t.writeUInt32LE(n, at + k * 8);
      t.writeUInt32LE(d, at + k * 8 + 4);
    });
  rationals(latAt, [
    [36, 1],
    [11, 1],
    [246, 10],
  ]);
  rationals(lonAt, [
    [44, 1],
    [0, 1],
    [332, 10],
  ]);
  method.copy(t, methodAt);
  return t;
}

const segment = (marker: number, payload: Buffer) => {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
};

/** A JPEG as a phone writes it: EXIF with GPS and XMP in APP1, IPTC in APP13 and a comment, before the picture. */
export function jpegWithGps(jpeg: Buffer = CHROMIUM_JPEG): Buffer {
  const exif = segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exifWithGps()]));
  const xmp = segment(
    0xe1,
    Buffer.from(
      `http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><exif:GPSLatitude>${GPS_MARK}</exif:GPSLatitude></x:xmpmeta>`,
      'latin1',
    ),
  );
  const iptc = segment(0xed, Buffer.from(`Photoshop 3.0\0${GPS_MARK}`, 'latin1'));
  const comment = segment(0xfe, Buffer.from(`taken by ${CAMERA_MAKE}`, 'latin1'));
  // After SOI and the JFIF header, as cameras place it; trailing bytes after EOI too.
  const jfifEnd = 2 + 2 + jpeg.readUInt16BE(4);
  return Buffer.concat([
    jpeg.subarray(0, jfifEnd),
    exif,
    xmp,
    iptc,
    comment,
    jpeg.subarray(jfifEnd),
    Buffer.from(GPS_MARK, 'latin1'),
  ]);
}

export function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG with an eXIf chunk (GPS), text chunks and a time, after its header. */
export function pngWithGps(png: Buffer = CHROMIUM_PNG): Buffer {
  const afterHeader = 8 + 12 + png.readUInt32BE(8);
  return Buffer.concat([
    png.subarray(0, afterHeader),
    pngChunk('eXIf', exifWithGps()),
    pngChunk('tEXt', Buffer.from(`Comment\0${GPS_MARK}`, 'latin1')),
    pngChunk('iTXt', Buffer.from(`XML:com.adobe.xmp\0\0\0\0\0${CAMERA_MAKE}`, 'latin1')),
    pngChunk('tIME', Buffer.from([0x07, 0xea, 12, 4, 10, 0, 0])),
    png.subarray(afterHeader),
  ]);
}

/** A WebP (extended format) with EXIF and XMP chunks, and the VP8X flags that announce them. */
export function webpWithGps(webp: Buffer = CHROMIUM_WEBP): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32LE(data.length, 4);
    return Buffer.concat([head, data, Buffer.alloc(data.length % 2)]);
  };
  const body = Buffer.concat([
    webp.subarray(12),
    chunk('EXIF', exifWithGps()),
    chunk('XMP ', Buffer.from(`<x:xmpmeta>${GPS_MARK}</x:xmpmeta>`, 'latin1')),
  ]);
  // VP8X is the first chunk of an extended WebP: announce the metadata as a camera would.
  const flagged = Buffer.from(body);
  if (flagged.toString('latin1', 0, 4) === 'VP8X') flagged[8] = flagged[8]! | 0x08 | 0x04;
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(flagged.length + 4, 4);
  header.write('WEBP', 8, 'latin1');
  return Buffer.concat([header, flagged]);
}

/** Does the file hold any of the metadata these builders put in? */
export function carriesMetadata(bytes: Buffer): boolean {
  const text = bytes.toString('latin1');
  return [GPS_MARK, CAMERA_MAKE, 'Exif\0', 'eXIf', 'tEXt', 'iTXt', 'tIME', 'xmpmeta', 'Photoshop'].some((mark) =>
    text.includes(mark),
  );
}
