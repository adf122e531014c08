import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, TEST_MASTER_KEY, type TestEnvironment } from '../../../test/support/app.ts';
import { createOrganisation } from '../platform/accounts/provisioning.ts';
import { createTestOrganisation, TestClient } from '../platform/auth/test-support.ts';
import { openDatabase } from '../platform/db/client.ts';
import { runHomeward } from './test-support.ts';
import { createUserFromCli, readPasswordFile } from './user.ts';

describe('homeward user create (in process)', () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createTestEnvironment();
  });
  afterAll(() => env.close());

  const create = (options: { email: string; org: string; role: string; name?: string }, password?: string) =>
    createUserFromCli(env.database.db, env.app.platform.keyring, options, password);

  it('creates an account with a one-time password that signs in and must be changed', async () => {
    const organisation = await createTestOrganisation(env.app, { kind: 'independent_monitor' });
    const lines = await create({ email: 'Verifier@Test.Homeward.Example', org: organisation.name, role: 'verifier' });
    expect(lines[0]).toContain(`verifier in ${organisation.name}`);
    const password = /One-time password \(shown only now\): (\S+)/.exec(lines.join('\n'))?.[1];
    expect(password).toBeDefined();
    expect(lines.join('\n')).not.toContain('two-factor');

    const login = await new TestClient(env.app).request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'verifier@test.homeward.example', password },
    });
    expect(login.json()).toEqual({ status: 'password_change_required' });
  });

  it('finds the organisation by id too, takes a given password, and says when two-factor will be required', async () => {
    const organisation = await createTestOrganisation(env.app);
    const lines = await create(
      { email: 'admin@test.homeward.example', org: organisation.id, role: 'administrator', name: 'Ada Admin' },
      'a password from a file',
    );
    expect(lines.join('\n')).not.toContain('One-time password');
    expect(lines.join('\n')).toContain('two-factor sign-in');
    const login = await new TestClient(env.app).request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'admin@test.homeward.example', password: 'a password from a file' },
    });
    expect(login.json()).toEqual({ status: 'totp_enrolment_required' });
  });

  it('refuses an unknown organisation, an unknown role, a duplicate email and a bad email', async () => {
    const organisation = await createTestOrganisation(env.app);
    await expect(create({ email: 'x@test.homeward.example', org: 'No Such Org', role: 'donor' })).rejects.toThrow(
      /No organisation has the name or id "No Such Org"/,
    );
    await expect(create({ email: 'x@test.homeward.example', org: organisation.name, role: 'king' })).rejects.toThrow(
      /Unknown role "king"/,
    );
    await create({ email: 'twice@test.homeward.example', org: organisation.name, role: 'donor' });
    await expect(
      create({ email: 'twice@test.homeward.example', org: organisation.name, role: 'donor' }),
    ).rejects.toThrow(/already exists/);
    await expect(create({ email: 'not-an-email', org: organisation.name, role: 'donor' })).rejects.toThrow(/email/);
  });

  it('reads the initial password from the first line of a file, refusing a short or missing one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-password-'));
    try {
      fs.writeFileSync(path.join(dir, 'good'), 'a password from a file\nsecond line\n');
      fs.writeFileSync(path.join(dir, 'short'), 'short\r\n');
      expect(readPasswordFile(path.join(dir, 'good'))).toBe('a password from a file');
      expect(() => readPasswordFile(path.join(dir, 'short'))).toThrow(/too short: it needs at least 12 characters/);
      expect(() => readPasswordFile(path.join(dir, 'missing'))).toThrow(/Cannot read the password file .*ENOENT/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(process.env.HOMEWARD_TEST_DATABASE_URL)('homeward user create (command line)', () => {
  let dataDir: string;
  const env: NodeJS.ProcessEnv = { ...process.env, HOMEWARD_MASTER_KEY: TEST_MASTER_KEY, HOMEWARD_LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-cli-'));
    const database = await openDatabase({ dataDir });
    await database.migrate();
    await createOrganisation(
      database.db,
      { name: 'Command Line Centre', kind: 'monitoring_centre', homeState: 'QM' },
      null,
    );
    await database.close();
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const homeward = (...args: string[]) => runHomeward(dataDir, env, args);

  // Each run starts a process that opens the embedded database: slow on a busy machine.
  const SLOW = 120_000;

  it('exits 0 and prints the one-time password once', { timeout: SLOW }, async () => {
    const result = await homeward(
      'user',
      'create',
      '--email',
      'cli@test.homeward.example',
      '--org',
      'Command Line Centre',
      '--role',
      'coordinator',
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/One-time password \(shown only now\): \S+/);
    expect(result.stdout).toContain('two-factor');
  });

  it('exits 1 naming what is wrong', { timeout: SLOW }, async () => {
    const unknownOrganisation = await homeward(
      'user',
      'create',
      '--email',
      'o@test.homeward.example',
      '--org',
      'Nowhere',
      '--role',
      'donor',
    );
    expect(unknownOrganisation.code).toBe(1);
    expect(unknownOrganisation.stderr).toContain('No organisation has the name or id "Nowhere"');
    const badRole = await homeward(
      'user',
      'create',
      '--email',
      'o@test.homeward.example',
      '--org',
      'Command Line Centre',
      '--role',
      'emperor',
    );
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toContain('Unknown role "emperor"');
  });

  it('exits 2 on wrong usage and 0 on --help', { timeout: SLOW }, async () => {
    expect((await homeward('user', 'create', '--org', 'Command Line Centre')).code).toBe(2);
    const help = await homeward('user', 'create', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--password-file');
  });
});
