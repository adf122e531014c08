import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, gzip, constants as zlib } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = path.resolve(import.meta.dirname, 'src/web');
export const WEB_OUT_DIR = path.resolve(import.meta.dirname, 'dist/web');
/** The server's rendering of the public pages, built for Node (`vite build --ssr`), loaded by the web plugin. */
export const SSR_OUT_DIR = path.resolve(import.meta.dirname, 'dist/ssr');
const apiTarget = process.env.HOMEWARD_API_URL ?? 'http://127.0.0.1:8080';

const COMPRESSIBLE = /\.(js|css|html|json|svg|txt)$/;

/**
 * Writes `.br` and `.gz` beside every text asset after the build, so the server sends compressed files without
 * compressing on each request (people on slow connections are the first to notice the difference).
 */
function precompress(): Plugin {
  const brotli = promisify(brotliCompress);
  const gz = promisify(gzip);
  async function* files(dir: string): AsyncGenerator<string> {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) yield* files(full);
      else if (COMPRESSIBLE.test(entry.name)) yield full;
    }
  }
  return {
    name: 'homeward-precompress',
    apply: 'build',
    async closeBundle() {
      for await (const file of files(WEB_OUT_DIR)) {
        if ((await stat(file)).size < 1024) continue;
        const content = await readFile(file);
        await writeFile(
          `${file}.br`,
          await brotli(content, { params: { [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY } }),
        );
        await writeFile(`${file}.gz`, await gz(content, { level: 9 }));
      }
    },
  };
}

export default defineConfig(({ isSsrBuild }) => ({
  root,
  publicDir: isSsrBuild ? false : path.join(root, 'static'),
  plugins: isSsrBuild ? [react()] : [react(), precompress()],
  build: isSsrBuild
    ? { outDir: SSR_OUT_DIR, emptyOutDir: true, target: 'node22', copyPublicDir: false }
    : { outDir: WEB_OUT_DIR, emptyOutDir: true, assetsDir: 'assets', target: 'es2022', reportCompressedSize: true },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    // The API server runs beside Vite in development (see scripts/dev.ts); the browser sees one origin.
    proxy: { '/api/v1': { target: apiTarget }, '/api/docs': { target: apiTarget } },
  },
  preview: { proxy: { '/api/v1': { target: apiTarget }, '/api/docs': { target: apiTarget } } },
}));
