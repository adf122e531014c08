#!/usr/bin/env node
// Homeward runs its TypeScript sources directly on Node 24 (type stripping). npm scripts and npx put the
// project's own Node 24 (the `node` devDependency) first on PATH; a bare older Node is told so plainly.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(`Homeward needs Node.js 24 (found ${process.versions.node}). Run it through npm: npx homeward …`);
  process.exit(2);
}
// Cache compiled code between runs (in the OS temp directory): start-up is mostly module loading.
const { enableCompileCache, registerHooks } = await import('node:module');
const { readFileSync } = await import('node:fs');
enableCompileCache?.();
// To tell the format of each .js file it loads, Node reads the package's package.json and, doing so, parses
// its whole `exports` map again, for every file. drizzle-orm's map is 179 kB and the server loads some 470 of
// its files: a third of a second of start-up, several times that on a busy machine. drizzle-orm's files import
// each other by relative path and are all ES modules, so those imports are resolved here, once the package is
// confirmed to be "type": "module"; everything else goes to Node's own resolution.
const DRIZZLE = '/node_modules/drizzle-orm/';
const moduleScopes = new Map();
registerHooks?.({
  resolve(specifier, context, nextResolve) {
    const parent = context.parentURL ?? '';
    const at = parent.lastIndexOf(DRIZZLE);
    if (
      at >= 0 &&
      !parent.includes('/node_modules/', at + 1) &&
      specifier.endsWith('.js') &&
      (specifier.startsWith('./') || specifier.startsWith('../'))
    ) {
      const root = parent.slice(0, at + DRIZZLE.length);
      if (!moduleScopes.has(root)) moduleScopes.set(root, readPackageType(new URL('package.json', root)) === 'module');
      const url = new URL(specifier, parent).href;
      if (moduleScopes.get(root) && url.startsWith(root)) return { url, format: 'module', shortCircuit: true };
    }
    return nextResolve(specifier, context);
  },
});

function readPackageType(url) {
  try {
    return JSON.parse(readFileSync(url, 'utf8')).type;
  } catch {
    return undefined;
  }
}

await import('../src/server/cli/main.ts');
