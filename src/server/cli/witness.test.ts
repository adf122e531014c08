import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, TEST_MASTER_KEY, type TestEnvironment } from '../../../test/support/app.ts';
import { loadConfig } from '../config.ts';
import { signCheckpoint, signingKeyId } from '../platform/audit/checkpoint.ts';
import { appendAuditBatch } from '../platform/audit/log.ts';
import { auditCheckpoints, auditSigningKeys } from '../platform/audit/schema.ts';
import { rebuildHead, rehashEntry } from '../platform/audit/test-support.ts';
import type { Database } from '../platform/db/client.ts';
import { verifyFromCli } from './audit.ts';
import { runHomeward } from './test-support.ts';

/**
 * An outside witness against a running server: the real `homeward audit witness` command, which sees nothing
 * but the server's public routes, while the test changes the server's database as an operator (or an intruder
 * with the data directory) could.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-witness-'));
const state = path.join(dir, 'state.json');
const keyFile = path.join(dir, 'witness.key');
const strangerKey = path.join(dir, 'stranger.key');
const cliEnv: NodeJS.ProcessEnv = {
  ...process.env,
  HOMEWARD_MASTER_KEY: TEST_MASTER_KEY,
  HOMEWARD_LOG_LEVEL: 'silent',
};
delete cliEnv.DATABASE_URL;
const homeward = (...args: string[]) => runHomeward(dir, cliEnv, args);

let env: TestEnvironment;
let db: Database;
let url: string;
const witness = (...extra: string[]) => homeward('audit', 'witness', url, '--state', state, ...extra);
const sign = () => signCheckpoint(db, env.app.platform.keyring);
const grow = (count: number) =>
  appendAuditBatch(
    db,
    Array.from({ length: count }, (_, i) => ({
      type: 'audit.signing_key_created' as const,
      actor: null,
      subject: `audit-signing-key:g${Date.now()}-${i}`,
      details: { keyId: `g${i}` },
    })),
  );
const readState = () => JSON.parse(fs.readFileSync(state, 'utf8'));

// Each run starts a process that loads the command: slow on a busy machine.
const SLOW = 120_000;

beforeAll(async () => {
  const created = await homeward('audit', 'witness-key', keyFile, '--name', 'ngo-monitor');
  expect(created.code).toBe(0);
  const line = /^ {2}(ngo-monitor=\S+)$/m.exec(created.stdout)![1]!;
  env = await createTestEnvironment({ witnessKeys: loadConfig({ HOMEWARD_WITNESS_KEYS: line }).witnessKeys });
  db = env.database.db;
  url = await env.app.listen({ port: 0, host: '127.0.0.1' });
}, SLOW);
afterAll(async () => {
  await env.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('homeward audit witness', () => {
  it('fails while the server has signed nothing, and exits 2 on wrong usage', { timeout: SLOW }, async () => {
    const none = await witness();
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('witness check failed: the server did not give the checkpoint: No checkpoint');
    expect(fs.existsSync(state)).toBe(false);
    expect((await homeward('audit', 'witness', 'ftp://example.org', '--state', state)).code).toBe(2);
    expect((await homeward('audit', 'witness', url)).code).toBe(2);
  });

  it('trusts the key on first use, then accepts a log that grew', { timeout: SLOW }, async () => {
    const first = (await sign())!.checkpoint;
    const run = await witness();
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `First run: trusting the signing key ${first.keyId} (Ed25519 public key ${first.publicKey}).`,
    );
    expect(readState()).toMatchObject({
      keyId: first.keyId,
      publicKey: first.publicKey,
      checkpoint: { treeSize: first.treeSize, rootHash: first.rootHash },
    });

    await grow(3);
    const later = (await sign())!.checkpoint;
    const again = await witness();
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(
      `Checkpoint at size ${later.treeSize}, root ${later.rootHash}, signed ${later.time.toISOString()}: ` +
        `signature valid, consistent with the checkpoint stored at size ${first.treeSize}.`,
    );
    expect(again.stdout).not.toContain('First run');
    expect(readState().checkpoint.treeSize).toBe(later.treeSize);
  });

  it('countersigns with a configured witness key; a key the server does not know is refused', {
    timeout: SLOW,
  }, async () => {
    const run = await witness('--sign-key', keyFile);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Countersigned the checkpoint at size \d+ as witness "ngo-monitor"/);
    const served = await env.app.inject({ method: 'GET', url: '/api/v1/public/checkpoint' });
    expect(served.json().countersignatures).toEqual([expect.objectContaining({ witness: 'ngo-monitor' })]);

    fs.writeFileSync(strangerKey, generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }));
    const stranger = await witness('--sign-key', strangerKey);
    expect(stranger.code).toBe(1);
    expect(stranger.stderr).toContain('the server refused the countersignature');
    expect(stranger.stderr).toContain('not among the witnesses');
  });

  it('lets audit verify check the database against the state file it keeps', async () => {
    const held = await verifyFromCli(db, { checkpoint: state });
    expect(held.exitCode).toBe(0);
    expect(held.out[0]).toContain(`contains the checkpoint in ${state} (size ${readState().checkpoint.treeSize}`);

    const served = (await env.app.inject({ method: 'GET', url: '/api/v1/public/checkpoint' })).json();
    const file = path.join(dir, 'checkpoint.json');
    fs.writeFileSync(file, JSON.stringify({ ...served, treeSize: served.treeSize + 50 }));
    await expect(verifyFromCli(db, { checkpoint: file })).rejects.toThrow('does not hold together: its note is not');
    fs.writeFileSync(file, JSON.stringify({ hello: 'world' }));
    await expect(verifyFromCli(db, { checkpoint: file })).rejects.toMatchObject({ exitCode: 2 });
    fs.writeFileSync(file, JSON.stringify(served));
    expect((await verifyFromCli(db, { checkpoint: file })).exitCode).toBe(0);
  });

  it('refuses a smaller tree when the latest checkpoints were removed, keeping its state', {
    timeout: SLOW,
  }, async () => {
    const before = fs.readFileSync(state, 'utf8');
    const size = readState().checkpoint.treeSize;
    const [latest] = await db.select().from(auditCheckpoints).where(sql`tree_size = ${size}`);
    await db.delete(auditCheckpoints).where(sql`tree_size = ${size}`);
    try {
      const run = await witness();
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/serves a checkpoint of \d+ entries, but this witness stored one of \d+/);
      expect(fs.readFileSync(state, 'utf8')).toBe(before);
    } finally {
      await db.insert(auditCheckpoints).values(latest!);
    }
  });

  it('refuses a signing key it was not told about, and accepts it with --accept-key', { timeout: SLOW }, async () => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('base64');
    const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
    const newKey = signingKeyId(raw);
    await db.insert(auditSigningKeys).values({
      id: newKey,
      algorithm: 'ed25519',
      publicKey: raw,
      privateKey: await env.app.platform.keyring.encrypt(db, 'audit-signing', pkcs8),
      createdAt: new Date(Date.now() + 1000),
    });
    await grow(1);
    await sign();
    const oldKey = readState().keyId;
    const refused = await witness();
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`the log's signing key changed from ${oldKey} to ${newKey}`);
    expect(refused.stderr).toContain(`--accept-key ${newKey}`);
    expect(readState().keyId).toBe(oldKey);

    const accepted = await witness('--accept-key', newKey);
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toContain(`Accepting the new signing key ${newKey} in place of ${oldKey}`);
    expect(readState().keyId).toBe(newKey);
  });

  it('fails once the log is rewritten and re-signed, and so does audit verify against its state', {
    timeout: SLOW,
  }, async () => {
    await db.execute(sql`update audit_details set details = '{"keyId":"rewritten"}' where seq = 1`);
    await rehashEntry(db, 1);
    await rebuildHead(db);
    await db.execute(sql`delete from audit_tree_nodes`);
    await db.execute(sql`delete from audit_witness_signatures`);
    await db.execute(sql`delete from audit_checkpoints`);
    await grow(1);
    expect((await sign())?.signed).toBe(true);

    const run = await witness();
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('(the consistency proof does not verify): the log was rewritten');
    const held = await verifyFromCli(db, { checkpoint: state });
    expect(held.exitCode).toBe(1);
    expect(held.err[0]).toContain(`homeward: the database's log does not contain the checkpoint in ${state}`);
    expect(held.err[0]).toContain('the tree of its first');
  });
});
