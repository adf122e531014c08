import { createPublicKey, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../../test/support/app.ts';
import { loadConfig } from '../../config.ts';
import { signCheckpoint } from './checkpoint.ts';
import { appendAuditBatch } from './log.ts';
import { ed25519KeyId } from './witness-keys.ts';

function witnessKey() {
  const { privateKey } = generateKeyPairSync('ed25519');
  const publicKey = Buffer.from(createPublicKey(privateKey).export({ format: 'jwk' }).x!, 'base64url').toString(
    'base64',
  );
  return { privateKey, publicKey, keyId: ed25519KeyId(publicKey) };
}
const ngo = witnessKey();
const donor = witnessKey();
const stranger = witnessKey();

let env: TestEnvironment;
const url = '/api/v1/public/checkpoint/countersignatures';
const signNote = (note: string, key: KeyObject) => sign(null, Buffer.from(note), key).toString('base64');
const checkpoint = async () => (await env.app.inject({ method: 'GET', url: '/api/v1/public/checkpoint' })).json();
const post = (payload: unknown, language = 'en') =>
  env.app.inject({ method: 'POST', url, payload: payload as object, headers: { 'accept-language': language } });

beforeAll(async () => {
  const { witnessKeys } = loadConfig({
    HOMEWARD_WITNESS_KEYS: `ngo-monitor=${ngo.publicKey}, donor.office=${donor.publicKey}`,
  });
  env = await createTestEnvironment({ witnessKeys });
  await appendAuditBatch(env.database.db, [
    { type: 'audit.signing_key_created', actor: null, subject: 'audit-signing-key:w1', details: { keyId: 'w1' } },
  ]);
  await signCheckpoint(env.database.db, env.app.platform.keyring);
});
afterAll(() => env.close());

describe("witnesses' countersignatures", () => {
  it('are accepted from a configured witness without a session, and served with the checkpoint', async () => {
    const served = await checkpoint();
    expect(served.countersignatures).toEqual([]);
    const signature = signNote(served.note, ngo.privateKey);
    const stored = await post({ treeSize: served.treeSize, keyId: ngo.keyId, signature });
    expect(stored.statusCode).toBe(201);
    expect(stored.json()).toEqual({ treeSize: served.treeSize, witness: 'ngo-monitor', keyId: ngo.keyId });
    expect((await post({ treeSize: served.treeSize, keyId: ngo.keyId, signature })).statusCode).toBe(201);
    await post({ treeSize: served.treeSize, keyId: donor.keyId, signature: signNote(served.note, donor.privateKey) });

    const after = await checkpoint();
    expect(after.countersignatures).toHaveLength(2);
    expect(after.countersignatures).toEqual(
      expect.arrayContaining([
        { witness: 'ngo-monitor', keyId: ngo.keyId, publicKey: ngo.publicKey, signature, time: expect.any(String) },
        expect.objectContaining({ witness: 'donor.office', keyId: donor.keyId }),
      ]),
    );
  });

  it('are refused from a key not configured, for a checkpoint that does not exist, or when the signature is wrong', async () => {
    const served = await checkpoint();
    const unknown = await post(
      { treeSize: served.treeSize, keyId: stranger.keyId, signature: signNote(served.note, stranger.privateKey) },
      'fr',
    );
    expect(unknown.statusCode).toBe(403);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.json()).toMatchObject({ code: 'forbidden', title: 'Témoin inconnu' });

    const noSuchSize = await post({
      treeSize: served.treeSize + 100,
      keyId: ngo.keyId,
      signature: signNote(served.note, ngo.privateKey),
    });
    expect(noSuchSize.statusCode).toBe(404);
    expect(noSuchSize.json().reason).toBe('checkpoint_size');

    const otherText = await post({
      treeSize: served.treeSize,
      keyId: ngo.keyId,
      signature: signNote(`${served.note}x`, ngo.privateKey),
    });
    const byAnother = await post({
      treeSize: served.treeSize,
      keyId: ngo.keyId,
      signature: signNote(served.note, donor.privateKey),
    });
    for (const refused of [otherText, byAnother]) {
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors).toEqual([
        expect.objectContaining({ field: 'body.signature', code: 'invalid_signature' }),
      ]);
    }
    for (const bad of [
      {},
      { treeSize: 0, keyId: ngo.keyId, signature: 'x' },
      { treeSize: 1, keyId: 'ABC', signature: 'x' },
    ]) {
      expect((await post(bad)).statusCode).toBe(400);
    }
    const notJson = await env.app.inject({
      method: 'POST',
      url,
      payload: 'x',
      headers: { 'content-type': 'text/plain' },
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.headers['content-type']).toContain('application/problem+json');
    expect((await checkpoint()).countersignatures).toHaveLength(2);
  });

  it('are a configuration the server refuses to start with when malformed', () => {
    expect(() => loadConfig({ HOMEWARD_WITNESS_KEYS: 'ngo' })).toThrow(/HOMEWARD_WITNESS_KEYS: .*must read name=key/);
    expect(() => loadConfig({ HOMEWARD_WITNESS_KEYS: 'ngo=bm90IGEga2V5' })).toThrow(/raw 32-byte Ed25519 public key/);
    expect(() => loadConfig({ HOMEWARD_WITNESS_KEYS: `a=${ngo.publicKey},a=${donor.publicKey}` })).toThrow(
      /named twice/,
    );
  });
});
