import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandName } from './support.ts';
import { runHomeward } from './test-support.ts';

describe('the command named on the command line', () => {
  it('is the first word after the global options', () => {
    expect(commandName(['import', 'gazetteer', 'zones.csv'])).toBe('import');
    expect(commandName(['--data-dir', 'import', 'migrate'])).toBe('migrate');
    expect(commandName(['--data-dir=/srv/homeward', 'audit', 'verify'])).toBe('audit');
    expect(commandName(['--', 'restore', 'backup.tar'])).toBe('restore');
    expect(commandName(['--help'])).toBeUndefined();
    expect(commandName([])).toBeUndefined();
  });
});

// Each command loads only its own module: help and mistakes must still know every command.
describe('homeward (command line)', () => {
  let dataDir: string;
  const env: NodeJS.ProcessEnv = { ...process.env, HOMEWARD_LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  const SLOW = 120_000;

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-cli-main-'));
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('lists every command in its help', { timeout: SLOW }, async () => {
    const help = await runHomeward(dataDir, env, ['--help']);
    expect(help.code).toBe(0);
    const listed = [...help.stdout.matchAll(/^ {2}([a-z-]+)/gm)].map((match) => match[1]);
    for (const command of [
      'start',
      'migrate',
      'demo',
      'backup',
      'restore',
      'keys',
      'user',
      'audit',
      'import',
      'assess',
    ]) {
      expect(listed).toContain(command);
    }
  });

  it('shows the help of a command that shares its module, and names the command meant by a typo', {
    timeout: SLOW,
  }, async () => {
    const restore = await runHomeward(dataDir, env, ['restore', '--help']);
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain('Usage: homeward restore [options] <file>');
    const typo = await runHomeward(dataDir, env, ['imprt', 'gazetteer', 'zones.csv']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("unknown command 'imprt'");
    expect(typo.stderr).toContain('import');
  });
});
