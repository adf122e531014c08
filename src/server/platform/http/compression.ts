import { promisify } from 'node:util';
import { brotliCompress, gzip, constants as zlibConstants } from 'node:zlib';
import { Negotiator } from '@fastify/accept-negotiator';

/** How a body may travel: as it is, or compressed when the client says it reads that encoding. */
export type BodyEncoding = 'identity' | 'br' | 'gzip';

const encodings = new Negotiator<'br' | 'gzip'>({ supportedValues: ['br', 'gzip'] });

/** The encoding to send for an Accept-Encoding header (RFC 9110 §12.5.3): Brotli, then gzip, else none. */
export function negotiateEncoding(header: string | undefined): BodyEncoding {
  return (header && encodings.negotiate(header)) || 'identity';
}

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * A text compressed for a body that is built once and sent many times, so compressed hard; off the event loop
 * (zlib's thread pool), since a large body takes a moment.
 */
export function compressText(text: string, encoding: 'br' | 'gzip'): Promise<Buffer> {
  return encoding === 'br'
    ? brotliAsync(text, {
        params: {
          [zlibConstants.BROTLI_PARAM_QUALITY]: 9,
          [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT,
          [zlibConstants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(text),
        },
      })
    : gzipAsync(text, { level: 9 });
}
