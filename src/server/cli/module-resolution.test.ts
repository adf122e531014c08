import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const hookModule = pathToFileURL(path.resolve('src/server/cli/module-resolution.ts')).href;

/**
 * Runs in a child Node process: every resolution goes through the drizzle hook and through Node's own resolver,
 * and any difference (address or format) is reported. The modules are those the server loads.
 */
const script = `
import { registerHooks } from 'node:module';
const { createDrizzleResolve } = await import(${JSON.stringify(hookModule)});
const drizzleResolve = createDrizzleResolve();
let answered = 0;
let byHook = 0;
const drizzleByNode = [];
const differences = [];
registerHooks({
  resolve(specifier, context, nextResolve) {
    const node = nextResolve(specifier, context);
    let viaNext = false;
    const hook = drizzleResolve(specifier, context, (s, c) => { viaNext = true; return nextResolve(s, c); });
    answered++;
    if (!viaNext) byHook++;
    else if (node.url.includes('/node_modules/drizzle-orm/')) drizzleByNode.push(specifier);
    if (hook.url !== node.url || (hook.format ?? null) !== (node.format ?? null)) {
      differences.push({ specifier, parent: context.parentURL, hook, node });
    }
    return node;
  },
});
await import(${JSON.stringify(pathToFileURL(path.resolve('src/server/app.ts')).href)});
await import(${JSON.stringify(pathToFileURL(path.resolve('src/server/cli/main.ts')).href)});
console.log(JSON.stringify({ answered, byHook, drizzleByNode, differences }));
`;

describe('drizzle-orm module resolution hook', () => {
  it('answers exactly what Node answers, for every module the server and the CLI load', () => {
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script, 'homeward', '--version'], {
      encoding: 'utf8',
      env: { ...process.env, HOMEWARD_LOG_LEVEL: 'silent' },
    });
    expect(child.stderr).toBe('');
    const lines = child.stdout.trim().split('\n');
    const report = JSON.parse(lines.at(-1) ?? '{}') as {
      byHook: number;
      drizzleByNode: string[];
      differences: unknown[];
    };
    expect(report.differences).toEqual([]);
    // Every drizzle-orm import is answered by the hook, without Node parsing the package.json again.
    expect(report.drizzleByNode).toEqual([]);
    expect(report.byHook).toBeGreaterThan(400);
  });
});
