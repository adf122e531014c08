import { describe, expect, it } from 'vitest';
import {
  cleanEvidenceFile,
  EvidenceFileError,
  sniffMediaType,
  stripJpeg,
  stripPng,
  stripWebp,
} from './image-metadata.ts';
import {
  CHROMIUM_JPEG,
  CHROMIUM_PNG,
  CHROMIUM_WEBP,
  carriesMetadata,
  jpegWithGps,
  pngChunk,
  pngWithGps,
  webpWithGps,
} from './test-images.ts';

const refusal = (bytes: Buffer) => {
  try {
    cleanEvidenceFile(bytes);
  } catch (error) {
    if (error instanceof EvidenceFileError) return error.reason;
    throw error;
  }
  return 'accepted';
};

/** The segments of a JPEG up to its first scan, as marker numbers. */
function jpegMarkers(bytes: Buffer): number[] {
  const markers: number[] = [];
  let i = 2;
  while (i < bytes.length && bytes[i] === 0xff) {
    const marker = bytes[i + 1]!;
    markers.push(marker);
    if (marker === 0xda) break;
    i += 2 + bytes.readUInt16BE(i + 2);
  }
  return markers;
}

describe('sniffMediaType', () => {
  it('finds the type from the first bytes, whatever the name', () => {
    expect(sniffMediaType(CHROMIUM_JPEG)).toBe('image/jpeg');
    expect(sniffMediaType(CHROMIUM_PNG)).toBe('image/png');
    expect(sniffMediaType(CHROMIUM_WEBP)).toBe('image/webp');
    expect(sniffMediaType(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffMediaType(Buffer.from('<html><script>'))).toBeNull();
    expect(sniffMediaType(Buffer.alloc(0))).toBeNull();
  });
});

describe('stripJpeg', () => {
  it('removes EXIF with its GPS location, XMP, IPTC, comments and trailing bytes, and keeps the picture', () => {
    const phone = jpegWithGps();
    expect(carriesMetadata(phone)).toBe(true);
    const cleaned = stripJpeg(phone);
    expect(carriesMetadata(cleaned)).toBe(false);
    expect(jpegMarkers(phone)).toContain(0xe1);
    expect(jpegMarkers(cleaned)).not.toContain(0xe1);
    expect(jpegMarkers(cleaned)).not.toContain(0xed);
    expect(jpegMarkers(cleaned)).not.toContain(0xfe);
    // The picture is what Chromium encoded, byte for byte: the original had no metadata to remove.
    expect(cleaned.equals(CHROMIUM_JPEG)).toBe(true);
    expect(cleaned.subarray(-2).equals(Buffer.from([0xff, 0xd9]))).toBe(true);
  });

  it('drops the JFIF thumbnail and keeps the header', () => {
    const withThumbnail = Buffer.from(CHROMIUM_JPEG);
    const app0 = withThumbnail.readUInt16BE(4);
    const thumbnail = Buffer.concat([Buffer.from([2, 1]), Buffer.alloc(6, 0x7f)]);
    const header = Buffer.from(withThumbnail.subarray(6, 6 + 12));
    const segment = Buffer.concat([Buffer.from([0xff, 0xe0, 0, 14 + 6 + 2]), header, thumbnail]);
    const jpeg = Buffer.concat([withThumbnail.subarray(0, 2), segment, withThumbnail.subarray(4 + app0)]);
    const cleaned = stripJpeg(jpeg);
    expect(cleaned.readUInt16BE(4)).toBe(16);
    expect([cleaned[18], cleaned[19]]).toEqual([0, 0]);
    expect(cleaned.equals(CHROMIUM_JPEG)).toBe(true);
  });

  it('gives back a cleaned JPEG unchanged when cleaned again', () => {
    const cleaned = stripJpeg(jpegWithGps());
    expect(stripJpeg(cleaned).equals(cleaned)).toBe(true);
  });

  it('refuses a JPEG cut short or without a picture', () => {
    expect(refusal(CHROMIUM_JPEG.subarray(0, CHROMIUM_JPEG.length - 40))).toBe('damaged');
    expect(refusal(CHROMIUM_JPEG.subarray(0, 300))).toBe('damaged');
    expect(refusal(Buffer.from([0xff, 0xd8, 0xff, 0xd9]))).toBe('damaged');
  });
});

describe('stripPng', () => {
  it('drops eXIf, text and time chunks and keeps the picture chunks with valid CRCs', () => {
    const phone = pngWithGps();
    expect(carriesMetadata(phone)).toBe(true);
    const cleaned = stripPng(phone);
    expect(carriesMetadata(cleaned)).toBe(false);
    expect(cleaned.equals(CHROMIUM_PNG)).toBe(true);
  });

  it('refuses a PNG whose chunk was altered, cut short or does not start with its header', () => {
    const altered = Buffer.from(CHROMIUM_PNG);
    altered[40] = altered[40]! ^ 0xff;
    expect(refusal(altered)).toBe('damaged');
    expect(refusal(CHROMIUM_PNG.subarray(0, CHROMIUM_PNG.length - 12))).toBe('damaged');
    const headless = Buffer.concat([CHROMIUM_PNG.subarray(0, 8), pngChunk('tEXt', Buffer.from('a\0b'))]);
    expect(refusal(headless)).toBe('damaged');
  });

  it('drops whatever follows the end chunk', () => {
    const trailing = Buffer.concat([pngWithGps(), Buffer.from('GPSLAT3611246')]);
    expect(stripPng(trailing).equals(CHROMIUM_PNG)).toBe(true);
  });
});

describe('stripWebp', () => {
  it('drops EXIF and XMP chunks and clears the flags that announced them', () => {
    const phone = webpWithGps();
    expect(carriesMetadata(phone)).toBe(true);
    expect(phone[20]! & 0x0c).toBe(0x0c);
    const cleaned = stripWebp(phone);
    expect(carriesMetadata(cleaned)).toBe(false);
    expect(cleaned[20]! & 0x0c).toBe(0);
    expect(cleaned.readUInt32LE(4)).toBe(cleaned.length - 8);
    expect(cleaned.equals(CHROMIUM_WEBP)).toBe(true);
  });

  it('refuses a WebP shorter than it says', () => {
    expect(refusal(CHROMIUM_WEBP.subarray(0, 100))).toBe('damaged');
  });
});

describe('cleanEvidenceFile', () => {
  it('refuses a PDF, whose metadata cannot be removed, and anything that is not an image it knows', () => {
    expect(refusal(Buffer.from('%PDF-1.7\n1 0 obj << /Author (A. Monitor) >> endobj\n'))).toBe('pdf_not_cleanable');
    expect(refusal(Buffer.from('GIF89a'))).toBe('unsupported_type');
    expect(refusal(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe('unsupported_type');
    expect(refusal(Buffer.from('hello\0world'))).toBe('unsupported_type');
  });

  it('answers the type found from the content', () => {
    expect(cleanEvidenceFile(jpegWithGps()).mediaType).toBe('image/jpeg');
    expect(cleanEvidenceFile(pngWithGps()).mediaType).toBe('image/png');
    expect(cleanEvidenceFile(webpWithGps()).mediaType).toBe('image/webp');
  });
});
