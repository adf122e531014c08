import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../../test/support/app.ts';
import { auditEntries } from '../audit/schema.ts';
import { createTestAccount, createTestOrganisation, signIn, type TestClient } from '../auth/test-support.ts';
import type { Actor } from '../context.ts';
import { canReachOrganisationData } from './policy.ts';
import { dataSharingAgreements } from './schema.ts';

let env: TestEnvironment;
const org: Record<'owner' | 'recipient' | 'outsider' | 'centre', string> = {
  owner: '',
  recipient: '',
  outsider: '',
  centre: '',
};
const admin: Partial<Record<keyof typeof org, TestClient>> = {};
let monitor: TestClient;

beforeAll(async () => {
  env = await createTestEnvironment();
  const kinds = {
    owner: 'state_agency',
    recipient: 'un_agency',
    outsider: 'civil_society',
    centre: 'monitoring_centre',
  } as const;
  for (const key of Object.keys(kinds) as (keyof typeof kinds)[]) {
    org[key] = (await createTestOrganisation(env.app, { kind: kinds[key] })).id;
    const account = await createTestAccount(env.app, { roles: ['administrator'], organisationId: org[key] });
    admin[key] = await signIn(env.app, account);
  }
  monitor = await signIn(
    env.app,
    await createTestAccount(env.app, { roles: ['field_monitor'], organisationId: org.owner }),
  );
});
afterAll(() => env.close());

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const create = (client: TestClient, payload: Record<string, unknown>) =>
  client.request({ method: 'POST', url: '/api/v1/agreements', payload });
const valid = () => ({
  toOrganisationId: org.recipient,
  purpose: 'case_management',
  dataCategories: ['identity', 'case'],
  expiresAt: inDays(30),
});
const actorOf = (organisationId: string): Actor => ({
  userId: '01900000-0000-7000-8000-000000000001',
  sessionId: '01900000-0000-7000-8000-000000000002',
  organisationId,
  roles: ['case_worker'],
  memberships: [{ organisationId, roles: ['case_worker'] }],
});
const reach = (organisationId: string, category: 'case' | 'health', purpose?: 'case_management' | 'protection') =>
  canReachOrganisationData(env.database.db, actorOf(organisationId), org.owner, category, purpose);

describe('data-sharing agreements', () => {
  let agreementId: string;

  it('are recorded by the owner of the data, and audited', async () => {
    const response = await create(admin.owner!, valid());
    expect(response.statusCode).toBe(201);
    const agreement = response.json();
    expect(agreement).toMatchObject({
      from: { id: org.owner },
      to: { id: org.recipient },
      purpose: 'case_management',
      dataCategories: ['identity', 'case'],
      status: 'active',
      revokedAt: null,
    });
    expect(agreement.from.name).toMatch(/^Organisation /);
    agreementId = agreement.id;
    const entries = await env.database.db
      .select()
      .from(auditEntries)
      .where(eq(auditEntries.subject, `agreement:${agreementId}`));
    expect(entries.map((entry) => entry.eventType)).toEqual(['agreement.created']);
  });

  it('widen reach to the recipient, for the categories and purpose they cover only', async () => {
    expect(await reach(org.recipient, 'case')).toBe(true);
    expect(await reach(org.recipient, 'case', 'case_management')).toBe(true);
    expect(await reach(org.recipient, 'case', 'protection')).toBe(false);
    expect(await reach(org.recipient, 'health')).toBe(false);
    expect(await reach(org.outsider, 'case')).toBe(false);
    expect(await reach(org.owner, 'health')).toBe(true);
    expect(await canReachOrganisationData(env.database.db, actorOf(org.owner), org.recipient, 'case')).toBe(false);
    expect(await canReachOrganisationData(env.database.db, null, org.owner, 'case')).toBe(false);
  });

  it('stop widening reach once expired', async () => {
    const [row] = await env.database.db
      .insert(dataSharingAgreements)
      .values({
        fromOrganisationId: org.owner,
        toOrganisationId: org.outsider,
        purpose: 'protection',
        dataCategories: ['health'],
        expiresAt: new Date(Date.now() - 1000),
        createdBy: (await env.database.db.select().from(dataSharingAgreements).limit(1))[0]!.createdBy,
      })
      .returning();
    expect(await reach(org.outsider, 'health')).toBe(false);
    const expired = await admin.owner!.request({ method: 'GET', url: '/api/v1/agreements?status=expired' });
    expect(expired.json().map((a: { id: string }) => a.id)).toEqual([row!.id]);
  });

  it('refuse an expiry in the past, sharing with oneself and unknown organisations, with field errors', async () => {
    const fields = async (payload: Record<string, unknown>) => {
      const response = await create(admin.owner!, payload);
      expect(response.statusCode).toBe(400);
      return response.json().errors.map((error: { field: string; code: string }) => `${error.field} ${error.code}`);
    };
    expect(await fields({ ...valid(), expiresAt: inDays(-1) })).toEqual(['body.expiresAt in_past']);
    expect(await fields({ ...valid(), toOrganisationId: org.owner })).toEqual([
      'body.toOrganisationId same_organisation',
    ]);
    expect(await fields({ ...valid(), toOrganisationId: '01900000-0000-7000-8000-0000000000ff' })).toEqual([
      'body.toOrganisationId unknown_organisation',
    ]);
    expect(await fields({ ...valid(), dataCategories: ['case', 'case'] })).toHaveLength(1);
    expect(await fields({ ...valid(), dataCategories: [] })).toHaveLength(1);
    expect(await fields({ ...valid(), purpose: 'marketing' })).toHaveLength(1);
    expect(await fields({ ...valid(), expiresAt: 'next week' })).toHaveLength(1);
    expect(await fields({ ...valid(), note: 'unknown field' })).toHaveLength(1);
  });

  it('cannot be recorded for another organisation’s data', async () => {
    const response = await create(admin.owner!, { ...valid(), fromOrganisationId: org.outsider });
    expect(response.statusCode).toBe(403);
    expect(response.json().reason).toBe('agreement_owner_only');
  });

  it('are listed to their parties and to the monitoring centre only', async () => {
    const ids = async (client: TestClient) =>
      (await client.request({ method: 'GET', url: '/api/v1/agreements?status=active' }))
        .json()
        .map((a: { id: string }) => a.id);
    expect(await ids(admin.owner!)).toEqual([agreementId]);
    expect(await ids(admin.recipient!)).toEqual([agreementId]);
    expect(await ids(admin.outsider!)).toEqual([]);
    expect(await ids(admin.centre!)).toContain(agreementId);
  });

  it('need agreement permissions', async () => {
    expect((await monitor.request({ method: 'GET', url: '/api/v1/agreements' })).statusCode).toBe(403);
    expect((await create(monitor, valid())).statusCode).toBe(403);
    const anonymous = await env.app.inject({ method: 'GET', url: '/api/v1/agreements' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('are revoked by a party, once, audited; to anyone else they do not exist', async () => {
    const revoke = (client: TestClient, id = agreementId) =>
      client.request({ method: 'POST', url: `/api/v1/agreements/${id}/revoke` });
    expect((await revoke(admin.outsider!)).statusCode).toBe(404);
    expect((await revoke(admin.centre!)).statusCode).toBe(404);
    expect((await revoke(admin.owner!, '01900000-0000-7000-8000-0000000000ff')).statusCode).toBe(404);

    const revoked = await revoke(admin.recipient!);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ status: 'revoked', revokedAt: expect.any(String) });
    expect(await reach(org.recipient, 'case')).toBe(false);

    const again = await revoke(admin.owner!);
    expect(again.statusCode).toBe(409);
    expect(again.json().reason).toBe('agreement_already_revoked');
    const entries = await env.database.db
      .select()
      .from(auditEntries)
      .where(eq(auditEntries.subject, `agreement:${agreementId}`));
    expect(entries.map((entry) => entry.eventType)).toEqual(['agreement.created', 'agreement.revoked']);
  });
});
