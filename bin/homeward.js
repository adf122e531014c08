#!/usr/bin/env node
// Homeward runs its TypeScript sources directly on Node 24 (type stripping). npm scripts and npx put the
// project's own Node 24 (the `node` devDependency) first on PATH; a bare older Node is told so plainly.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(`Homeward needs Node.js 24 (found ${process.versions.node}). Run it through npm: npx homeward …`);
  process.exit(2);
}
// Cache compiled code between runs (in the OS temp directory): start-up is mostly module loading.
const { enableCompileCache } = await import('node:module');
enableCompileCache?.();
// Node re-parses drizzle-orm's large package.json for each of its files: resolve those imports ourselves.
const { registerDrizzleResolution } = await import('../src/server/cli/module-resolution.ts');
registerDrizzleResolution();
await import('../src/server/cli/main.ts');
