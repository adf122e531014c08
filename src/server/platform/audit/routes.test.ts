import { createPublicKey, verify } from 'node:crypto';
import { asc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../../test/support/app.ts';
import {
  createTestAccount,
  createTestOrganisation,
  signIn,
  type TestAccount,
  type TestClient,
} from '../auth/test-support.ts';
import { queryRows } from '../db/client.ts';
import { recordAccess } from './access.ts';
import { signCheckpoint } from './checkpoint.ts';
import { appendAuditBatch } from './log.ts';
import { treeHash, verifyConsistency, verifyInclusion } from './merkle.ts';
import { auditEntries } from './schema.ts';

let env: TestEnvironment;
let auditor: TestClient;
let coordinator: TestClient;
let auditorAccount: TestAccount;
let coordinatorAccount: TestAccount;

const keyEntries = (count: number, actor: { userId: string; organisationId: string } | null = null) =>
  Array.from({ length: count }, (_, i) => ({
    type: 'audit.signing_key_created' as const,
    actor,
    subject: `audit-signing-key:r${i}`,
    details: { keyId: `r${i}` },
  }));
const hex = (value: string) => Buffer.from(value, 'hex');
const get = (client: TestClient | null, url: string) =>
  client ? client.request({ method: 'GET', url }) : env.app.inject({ method: 'GET', url });
const sign = () => signCheckpoint(env.app.platform.database.db, env.app.platform.keyring);

beforeAll(async () => {
  env = await createTestEnvironment();
  const organisation = await createTestOrganisation(env.app);
  auditorAccount = await createTestAccount(env.app, { roles: ['auditor'], organisationId: organisation.id });
  coordinatorAccount = await createTestAccount(env.app, { roles: ['coordinator'], organisationId: organisation.id });
  auditor = await signIn(env.app, auditorAccount);
  coordinator = await signIn(env.app, coordinatorAccount);
});
afterAll(() => env.close());

describe('the public checkpoint', () => {
  it('answers not found until a checkpoint is signed, then the latest one, which anyone can check', async () => {
    const none = await env.app.inject({
      method: 'GET',
      url: '/api/v1/public/checkpoint',
      headers: { 'accept-language': 'fr' },
    });
    expect(none.statusCode).toBe(404);
    expect(none.json()).toMatchObject({ reason: 'no_checkpoint' });
    expect(none.headers['content-language']).toBe('fr');
    expect(none.json().detail).toBe("Aucun point de contrôle du journal de transparence n'a encore été signé.");
    await sign();
    await appendAuditBatch(env.database.db, keyEntries(5));
    const { checkpoint } = (await sign())!;

    const response = await get(null, '/api/v1/public/checkpoint');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ treeSize: checkpoint.treeSize, rootHash: checkpoint.rootHash, algorithm: 'Ed25519' });
    expect(body.note).toBe(
      `Homeward transparency log v1\n${body.treeSize}\n${body.rootHash}\n${new Date(body.time).toISOString()}\n`,
    );
    const key = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(body.publicKey, 'base64').toString('base64url') },
      format: 'jwk',
    });
    expect(verify(null, Buffer.from(body.note), key, Buffer.from(body.signature, 'base64'))).toBe(true);
    expect(
      verify(null, Buffer.from(body.note.replace(/\n\d+\n/, '\n1\n')), key, Buffer.from(body.signature, 'base64')),
    ).toBe(false);
  });
});

describe('the API description', () => {
  it('documents every transparency-log route with its query and response', async () => {
    const openapi = (await get(null, '/api/v1/openapi.json')).json();
    for (const path of [
      '/api/v1/public/checkpoint',
      '/api/v1/public/log/proof/inclusion',
      '/api/v1/public/log/proof/consistency',
      '/api/v1/audit/entries',
      '/api/v1/audit/access-log',
    ]) {
      expect(openapi.paths[path]?.get?.responses?.['200'], path).toBeDefined();
    }
    expect(openapi.paths['/api/v1/audit/verify'].post.responses['200']).toBeDefined();
    const parameters = openapi.paths['/api/v1/audit/entries'].get.parameters.map((p: { name: string }) => p.name);
    expect(parameters).toEqual(expect.arrayContaining(['actor', 'type', 'from', 'to', 'cursor', 'limit']));
  });
});

describe('public proofs', () => {
  it('proves an entry is in the signed tree, by default the latest checkpoint', async () => {
    const checkpoint = (await get(null, '/api/v1/public/checkpoint')).json();
    const response = await get(null, '/api/v1/public/log/proof/inclusion?seq=3');
    expect(response.statusCode).toBe(200);
    const proof = response.json();
    expect(proof).toMatchObject({ seq: 3, treeSize: checkpoint.treeSize, leafIndex: 2, rootHash: checkpoint.rootHash });
    expect(
      verifyInclusion(2, proof.treeSize, hex(proof.leafHash), proof.auditPath.map(hex), hex(checkpoint.rootHash)),
    ).toBe(true);
    const [entry] = await env.database.db.select().from(auditEntries).where(sql`seq = 3`);
    expect(proof.leafHash).toBe(entry!.leafHash);
  });

  it('proves inclusion in any tree size, also with a large tree and parts of the node cache missing', async () => {
    await appendAuditBatch(env.database.db, keyEntries(70));
    const leaves = (await env.database.db.select().from(auditEntries).orderBy(asc(auditEntries.seq))).map((row) =>
      hex(row.leafHash),
    );
    await env.database.db.execute(sql`delete from audit_tree_nodes where level = 5`);
    for (const [seq, treeSize] of [
      [1, 77],
      [40, 70],
      [64, 64],
      [77, 77],
    ] as const) {
      const proof = (await get(null, `/api/v1/public/log/proof/inclusion?seq=${seq}&treeSize=${treeSize}`)).json();
      const root = treeHash(leaves, 0, treeSize);
      expect(proof.rootHash).toBe(root.toString('hex'));
      expect(verifyInclusion(seq - 1, treeSize, leaves[seq - 1]!, proof.auditPath.map(hex), root)).toBe(true);
    }
  });

  it('proves that an earlier signed tree is a prefix of a later one', async () => {
    const earlier = (await get(null, '/api/v1/public/checkpoint')).json();
    await appendAuditBatch(env.database.db, keyEntries(3));
    await sign();
    const later = (await get(null, '/api/v1/public/checkpoint')).json();
    const response = await get(
      null,
      `/api/v1/public/log/proof/consistency?from=${earlier.treeSize}&to=${later.treeSize}`,
    );
    expect(response.statusCode).toBe(200);
    const { proof, fromRoot, toRoot } = response.json();
    expect([fromRoot, toRoot]).toEqual([earlier.rootHash, later.rootHash]);
    expect(verifyConsistency(earlier.treeSize, later.treeSize, hex(fromRoot), hex(toRoot), proof.map(hex))).toBe(true);
  });

  it('serves only proofs that lead to the signed root, even with a cached tree node corrupted', async () => {
    const checkpoint = (await get(null, '/api/v1/public/checkpoint')).json();
    const size: number = checkpoint.treeSize;
    const signedRoot = hex(checkpoint.rootHash);
    const db = env.database.db;
    const leaves = (await db.select().from(auditEntries).orderBy(asc(auditEntries.seq))).map((row) =>
      hex(row.leafHash),
    );
    const [node] = await queryRows<{ hash: string }>(
      db,
      sql`select hash from audit_tree_nodes where level = 4 and index = 1`,
    );
    await db.execute(sql`update audit_tree_nodes set hash = ${'ab'.repeat(32)} where level = 4 and index = 1`);
    try {
      for (let seq = 1; seq <= size; seq++) {
        const response = await get(null, `/api/v1/public/log/proof/inclusion?seq=${seq}`);
        expect(response.statusCode, `seq ${seq}`).toBe(200);
        const proof = response.json();
        expect(proof.rootHash, `seq ${seq}`).toBe(checkpoint.rootHash);
        expect(
          verifyInclusion(seq - 1, size, leaves[seq - 1]!, proof.auditPath.map(hex), signedRoot),
          `seq ${seq}`,
        ).toBe(true);
      }
      for (let from = 1; from <= size; from++) {
        const response = await get(null, `/api/v1/public/log/proof/consistency?from=${from}&to=${size}`);
        expect(response.statusCode, `from ${from}`).toBe(200);
        const { proof, fromRoot, toRoot } = response.json();
        expect([fromRoot, toRoot], `from ${from}`).toEqual([
          treeHash(leaves, 0, from).toString('hex'),
          checkpoint.rootHash,
        ]);
        expect(verifyConsistency(from, size, hex(fromRoot), signedRoot, proof.map(hex)), `from ${from}`).toBe(true);
      }
    } finally {
      await db.execute(sql`update audit_tree_nodes set hash = ${node!.hash} where level = 4 and index = 1`);
    }
  });

  it('refuses a proof, never a wrong one, when the log no longer leads to its signed root', async () => {
    const db = env.database.db;
    const { treeSize: size, rootHash } = (await get(null, '/api/v1/public/checkpoint')).json();
    const refused = async (url: string) => {
      const response = await env.app.inject({ method: 'GET', url, headers: { 'accept-language': 'fr' } });
      expect(response.statusCode, url).toBe(409);
      expect(response.json(), url).toMatchObject({ code: 'conflict', title: 'Preuve indisponible' });
    };
    await db.execute(sql`update audit_checkpoints set root_hash = ${'ef'.repeat(32)} where tree_size = ${size}`);
    try {
      await refused('/api/v1/public/log/proof/inclusion?seq=3');
      await refused(`/api/v1/public/log/proof/consistency?from=3&to=${size}`);
    } finally {
      await db.execute(sql`update audit_checkpoints set root_hash = ${rootHash} where tree_size = ${size}`);
    }
    const [original] = await db.select().from(auditEntries).where(sql`seq = 20`);
    await db.execute(sql`update audit_entries set leaf_hash = ${'cd'.repeat(32)} where seq = 20`);
    try {
      await refused('/api/v1/public/log/proof/inclusion?seq=20');
    } finally {
      await db.execute(sql`update audit_entries set leaf_hash = ${original!.leafHash} where seq = 20`);
    }
  });

  it('answers bad proof queries with a problem naming each field', async () => {
    const size = (await get(null, '/api/v1/public/checkpoint')).json().treeSize;
    const cases: [string, string][] = [
      ['/api/v1/public/log/proof/inclusion?seq=0', 'querystring.seq'],
      ['/api/v1/public/log/proof/inclusion?seq=abc', 'querystring.seq'],
      ['/api/v1/public/log/proof/inclusion', 'querystring.seq'],
      [`/api/v1/public/log/proof/inclusion?seq=1&treeSize=${size + 1000}`, 'query.treeSize'],
      ['/api/v1/public/log/proof/inclusion?seq=9&treeSize=5', 'query.seq'],
      ['/api/v1/public/log/proof/inclusion?seq=1&extra=1', 'querystring'],
      ['/api/v1/public/log/proof/consistency?from=5&to=2', 'query.from'],
      [`/api/v1/public/log/proof/consistency?from=1&to=${size + 1000}`, 'query.to'],
    ];
    for (const [url, field] of cases) {
      const response = await get(null, url);
      expect(response.statusCode, url).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });
});

describe('auditors reading the log', () => {
  it('asks who is calling: nobody gets 401, a role without the permission 403', async () => {
    expect((await get(null, '/api/v1/audit/entries')).statusCode).toBe(401);
    expect((await coordinator.request({ method: 'POST', url: '/api/v1/audit/verify' })).statusCode).toBe(403);
    expect((await get(coordinator, '/api/v1/audit/access-log')).statusCode).toBe(403);
  });

  it('lists entries newest first, details only for holders of audit:details', async () => {
    await appendAuditBatch(env.database.db, keyEntries(2, coordinatorAccount));
    const plain = (await get(coordinator, '/api/v1/audit/entries?limit=2')).json();
    expect(plain.items).toHaveLength(2);
    expect(plain.items[0].seq).toBeGreaterThan(plain.items[1].seq);
    expect(plain.items[0]).not.toHaveProperty('details');
    expect(plain.items[0].actor).toEqual(
      coordinatorAccount && {
        userId: coordinatorAccount.userId,
        organisationId: coordinatorAccount.organisationId,
      },
    );
    const full = (await get(auditor, '/api/v1/audit/entries?limit=2')).json();
    expect(full.items[0].details).toEqual({ keyId: 'r1' });
  });

  it('filters by actor, type and period, and pages with the cursor', async () => {
    const mine = (await get(auditor, `/api/v1/audit/entries?actor=${coordinatorAccount.userId}`)).json();
    expect(mine.items.map((e: { subject: string }) => e.subject)).toEqual([
      'audit-signing-key:r1',
      'audit-signing-key:r0',
    ]);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await get(auditor, `/api/v1/audit/entries?from=${future}`)).json().items).toEqual([]);
    const created = (await get(auditor, '/api/v1/audit/entries?type=account.user_created')).json();
    expect(created.items.length).toBeGreaterThanOrEqual(2);

    const seen: number[] = [];
    let cursor: number | null = null;
    do {
      const page: { items: { seq: number }[]; nextCursor: number | null } = (
        await get(auditor, `/api/v1/audit/entries?limit=25${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.items.map((e) => e.seq));
      cursor = page.nextCursor;
    } while (cursor);
    const count = (await env.database.db.select().from(auditEntries)).length;
    expect(seen).toEqual(Array.from({ length: count }, (_, i) => count - i));
  });

  it('refuses bad filters with field errors', async () => {
    for (const [query, field] of [
      ['type=no.such_event', 'querystring.type'],
      ['actor=someone', 'querystring.actor'],
      ['limit=100000', 'querystring.limit'],
      ['from=yesterday', 'querystring.from'],
      ['from=2025-02-01T00:00:00Z&to=2025-01-01T00:00:00Z', 'query.from'],
    ]) {
      const response = await get(auditor, `/api/v1/audit/entries?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });

  it('verifies the log on request and names the first bad entry once one is altered', async () => {
    const intact = await auditor.request({ method: 'POST', url: '/api/v1/audit/verify' });
    expect(intact.statusCode).toBe(200);
    expect(intact.json()).toMatchObject({ ok: true, checkpointsVerified: 3 });
    const db = env.database.db;
    const [original] = await db.select().from(auditEntries).where(sql`seq = 4`);
    await db.execute(sql`update audit_entries set subject = 'user:forged' where seq = 4`);
    const tampered = (await auditor.request({ method: 'POST', url: '/api/v1/audit/verify' })).json();
    expect(tampered).toMatchObject({ ok: false, firstBadSeq: 4, reason: 'entry_altered' });
    await db.execute(sql`update audit_entries set subject = ${original!.subject} where seq = 4`);
    expect((await auditor.request({ method: 'POST', url: '/api/v1/audit/verify' })).json().ok).toBe(true);
  });
});

describe('the access log', () => {
  it("shows an organisation's own reads of personal records, filtered, and nobody else's", async () => {
    const other = await createTestOrganisation(env.app);
    const db = env.database.db;
    const actor = { userId: coordinatorAccount.userId, organisationId: coordinatorAccount.organisationId };
    await recordAccess(db, {
      actor,
      recordType: 'person',
      recordId: 'p-1',
      purpose: 'case_management',
    });
    await recordAccess(db, {
      actor,
      recordType: 'person',
      recordId: ['p-2', 'p-3'],
      purpose: 'protection_follow_up',
    });
    await recordAccess(db, {
      actor: { userId: coordinatorAccount.userId, organisationId: other.id },
      recordType: 'person',
      recordId: 'p-9',
      purpose: 'case_management',
    });

    const all = (await get(auditor, '/api/v1/audit/access-log')).json();
    expect(all.items.map((a: { recordId: string }) => a.recordId).sort()).toEqual(['p-1', 'p-2', 'p-3']);
    expect(all.items[0]).toMatchObject({ actor, recordType: 'person' });
    const followUps = (await get(auditor, '/api/v1/audit/access-log?purpose=protection_follow_up&limit=1')).json();
    expect(followUps.items).toHaveLength(1);
    const next = (
      await get(auditor, `/api/v1/audit/access-log?purpose=protection_follow_up&cursor=${followUps.nextCursor}`)
    ).json();
    expect([followUps.items[0].recordId, next.items[0].recordId].sort()).toEqual(['p-2', 'p-3']);
    expect(next.nextCursor).toBeNull();
    expect((await get(auditor, '/api/v1/audit/access-log?recordId=p-1')).json().items).toHaveLength(1);
    expect((await get(auditor, '/api/v1/audit/access-log?cursor=nope')).statusCode).toBe(400);
  });

  it('refuses free text where a code belongs', async () => {
    await expect(
      recordAccess(env.database.db, { actor: null, recordType: 'person', recordId: 'p-1', purpose: 'Looked up Jane' }),
    ).rejects.toThrow(/purpose/);
    await expect(
      recordAccess(env.database.db, { actor: null, recordType: 'person', recordId: 'Jane Doe', purpose: 'audit' }),
    ).rejects.toThrow(/ids/);
  });
});
