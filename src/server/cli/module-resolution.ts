import fs from 'node:fs';
import { type ResolveFnOutput, type ResolveHookContext, registerHooks } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Start-up time: a module resolution hook for drizzle-orm, registered by bin/homeward.js.
 *
 * To resolve an import of a package, and to tell the format of each .js file it loads, Node reads the package's
 * package.json and parses its whole `exports` map again, every time. drizzle-orm's map is 130 kB (447 entries) and
 * the server loads some 480 of its files, which import each other by relative path, and imports it by name from some
 * 45 places: that was about a third of the CPU time of `homeward start`, a second or more on a busy machine.
 *
 * The hook answers what Node would, reading the package.json once: a relative `.js` import between drizzle-orm's
 * own files is that file, and an import by name from the application's files (`drizzle-orm/pg-core`) is the file
 * the `exports` map names for the import conditions, in the copy of the package Node's lookup would find; both ES
 * modules, the package being "type": "module". Anything else, or anything unexpected (a file that is not there, an
 * export target of another form), goes to Node's own resolution.
 */

const PACKAGE = 'drizzle-orm';
const IN_PACKAGE = `/node_modules/${PACKAGE}/`;

type NextResolve = (specifier: string, context?: Partial<ResolveHookContext>) => ResolveFnOutput;
export type ResolveHook = (specifier: string, context: ResolveHookContext, nextResolve: NextResolve) => ResolveFnOutput;

interface Manifest {
  type?: unknown;
  exports?: unknown;
}

export function createDrizzleResolve(): ResolveHook {
  /** Package folder (URL, with a trailing slash) → its package.json, parsed once. */
  const manifests = new Map<string, Manifest | null>();
  /** Folder (URL) of an importer → the package folder Node's lookup finds from there (null: none). */
  const lookups = new Map<string, string | null>();

  const manifest = (root: string) => {
    let known = manifests.get(root);
    if (known === undefined) {
      known = readManifest(new URL('package.json', root));
      manifests.set(root, known);
    }
    return known;
  };
  const isModuleScope = (root: string) => manifest(root)?.type === 'module';

  /** Like Node: the nearest node_modules/drizzle-orm going up from the folder, by its real path. */
  const lookUp = (dir: string): string | null => {
    const known = lookups.get(dir);
    if (known !== undefined) return known;
    let found: string | null;
    const candidate = new URL(`node_modules/${PACKAGE}/`, dir);
    if (fs.statSync(candidate, { throwIfNoEntry: false })?.isDirectory()) {
      found = `${pathToFileURL(fs.realpathSync(fileURLToPath(candidate))).href}/`;
    } else {
      const up = new URL('..', dir).href;
      found = up === dir ? null : lookUp(up);
    }
    lookups.set(dir, found);
    return found;
  };

  const asModule = (url: string): ResolveFnOutput | undefined =>
    fs.existsSync(new URL(url)) ? { url, format: 'module', shortCircuit: true } : undefined;

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
      const answer = url.startsWith(root) && isModuleScope(root) ? asModule(url) : undefined;
      return answer ?? nextResolve(specifier, context);
    }

    if (
      (specifier === PACKAGE || specifier.startsWith(`${PACKAGE}/`)) &&
      parent.startsWith('file:') &&
      !parent.includes('/node_modules/')
    ) {
      const root = lookUp(new URL('.', parent).href);
      const subpath = specifier === PACKAGE ? '.' : `.${specifier.slice(PACKAGE.length)}`;
      const exportsMap = root ? manifest(root)?.exports : undefined;
      const target =
        root && isModuleScope(root) && isPlainObject(exportsMap) && Object.hasOwn(exportsMap, subpath)
          ? conditionalTarget(exportsMap[subpath], context.conditions)
          : undefined;
      const answer =
        root && target?.startsWith('./') && target.endsWith('.js') && !/\/\.\.?\/|\/node_modules\//.test(target)
          ? asModule(new URL(target, root).href)
          : undefined;
      return answer ?? nextResolve(specifier, context);
    }

    return nextResolve(specifier, context);
  };
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The string an export target gives for these conditions: keys in order, `default` always matching, a matching
 * object that gives nothing passing on to the next key. `undefined` for anything else (Node then decides).
 */
function conditionalTarget(target: unknown, conditions: readonly string[]): string | undefined {
  const BAIL = Symbol();
  const walk = (value: unknown): string | undefined | typeof BAIL => {
    if (typeof value === 'string') return value;
    if (!isPlainObject(value)) return BAIL;
    for (const [condition, inner] of Object.entries(value)) {
      if (condition !== 'default' && !conditions.includes(condition)) continue;
      const resolved = walk(inner);
      if (resolved !== undefined) return resolved;
    }
    return undefined;
  };
  const resolved = walk(target);
  return typeof resolved === 'string' ? resolved : undefined;
}

function readManifest(url: URL): Manifest | null {
  try {
    return JSON.parse(fs.readFileSync(url, 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

export function registerDrizzleResolution(): void {
  registerHooks({ resolve: createDrizzleResolve() });
}
