import fs from 'node:fs';
import { type ResolveFnOutput, type ResolveHookContext, registerHooks } from 'node:module';

/**
 * Start-up time: a module resolution hook for drizzle-orm, registered by bin/homeward.js.
 *
 * To resolve an import of a package, and to tell the format of each .js file it loads, Node reads the package's
 * package.json and parses its whole `exports` map again, every time. drizzle-orm's map is 130 kB (447 entries) and
 * the server loads some 480 of its files, which import each other by relative path, and imports it by name from some
 * 45 places: that was about a third of the CPU time of `homeward start`, a second or more on a busy machine.
 *
 * The hook answers what Node would: a relative `.js` import between drizzle-orm's own files is that file, an ES
 * module (once the package is confirmed to be "type": "module"); an import by name (`drizzle-orm/pg-core`) from
 * the application's own files is resolved by Node once, then reused for any importer that looks the package up in
 * the same node_modules folder. Everything else goes to Node's own resolution.
 */

const PACKAGE = 'drizzle-orm';
const IN_PACKAGE = `/node_modules/${PACKAGE}/`;

type NextResolve = (specifier: string, context?: Partial<ResolveHookContext>) => ResolveFnOutput;
export type ResolveHook = (specifier: string, context: ResolveHookContext, nextResolve: NextResolve) => ResolveFnOutput;

export function createDrizzleResolve(): ResolveHook {
  /** Package folder (URL, with a trailing slash) → whether its package.json says "type": "module". */
  const moduleScopes = new Map<string, boolean>();
  /** Specifier and conditions → Node's answer, and the folder whose node_modules held the package. */
  const byName = new Map<string, { result: ResolveFnOutput; base: string }>();
  /** Folder (URL) → whether it has its own node_modules/drizzle-orm. */
  const hasOwnCopy = new Map<string, boolean>();

  const isModuleScope = (root: string) => {
    let known = moduleScopes.get(root);
    if (known === undefined) {
      known = readPackageType(new URL('package.json', root)) === 'module';
      moduleScopes.set(root, known);
    }
    return known;
  };

  /** Whether Node, looking the package up from `parent`, would reach `base`'s node_modules before any other copy. */
  const looksUpIn = (parent: string, base: string) => {
    if (!parent.startsWith(base)) return false;
    for (let dir = new URL('.', parent).href; dir !== base && dir.length > base.length; dir = new URL('..', dir).href) {
      let own = hasOwnCopy.get(dir);
      if (own === undefined) {
        own = fs.existsSync(new URL(`node_modules/${PACKAGE}`, dir));
        hasOwnCopy.set(dir, own);
      }
      if (own) return false;
    }
    return true;
  };

  return (specifier, context, nextResolve) => {
    const parent = context.parentURL ?? '';

    const at = parent.lastIndexOf(IN_PACKAGE);
    if (
      at >= 0 &&
      !parent.includes('/node_modules/', at + 1) &&
      specifier.endsWith('.js') &&
      (specifier.startsWith('./') || specifier.startsWith('../'))
    ) {
      const root = parent.slice(0, at + IN_PACKAGE.length);
      const url = new URL(specifier, parent).href;
      if (url.startsWith(root) && isModuleScope(root)) return { url, format: 'module', shortCircuit: true };
      return nextResolve(specifier, context);
    }

    if (
      (specifier === PACKAGE || specifier.startsWith(`${PACKAGE}/`)) &&
      parent.startsWith('file:') &&
      !parent.includes('/node_modules/')
    ) {
      const key = `${context.conditions.join(',')}\0${specifier}`;
      const known = byName.get(key);
      if (known && looksUpIn(parent, known.base)) return { ...known.result, shortCircuit: true };
      const result = nextResolve(specifier, context);
      const found = result.url.lastIndexOf(IN_PACKAGE);
      if (!known && found >= 0) byName.set(key, { result, base: result.url.slice(0, found + 1) });
      return result;
    }

    return nextResolve(specifier, context);
  };
}

function readPackageType(url: URL): unknown {
  try {
    return JSON.parse(fs.readFileSync(url, 'utf8')).type;
  } catch {
    return undefined;
  }
}

export function registerDrizzleResolution(): void {
  registerHooks({ resolve: createDrizzleResolve() });
}
