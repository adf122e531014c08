import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../../test/support/app.ts';
import { auditDetails, auditEntries } from '../audit/schema.ts';
import { createTestAccount, createTestOrganisation, signIn, type TestClient } from '../auth/test-support.ts';

let env: TestEnvironment;
let admin: TestClient;
let adminUserId: string;
let centreId: string;

beforeAll(async () => {
  env = await createTestEnvironment();
  const centre = await createTestOrganisation(env.app, { name: 'Central Monitoring Centre' });
  centreId = centre.id;
  const account = await createTestAccount(env.app, { roles: ['administrator'], organisationId: centre.id });
  adminUserId = account.userId;
  admin = await signIn(env.app, account);
});
afterAll(() => env.close());

const newUser = (payload: Record<string, unknown>) => admin.request({ method: 'POST', url: '/api/v1/users', payload });

describe('organisations', () => {
  it('creates, lists and updates organisations', async () => {
    const created = await admin.request({
      method: 'POST',
      url: '/api/v1/organisations',
      payload: { name: 'Eastern Returns Agency', kind: 'state_agency', homeState: 'QT' },
    });
    expect(created.statusCode).toBe(201);
    const organisation = created.json();
    expect(organisation).toMatchObject({
      name: 'Eastern Returns Agency',
      kind: 'state_agency',
      homeState: 'QT',
      active: true,
    });

    const list = await admin.request({ method: 'GET', url: '/api/v1/organisations' });
    expect(list.json().map((o: { name: string }) => o.name)).toContain('Eastern Returns Agency');

    const updated = await admin.request({
      method: 'PATCH',
      url: `/api/v1/organisations/${organisation.id}`,
      payload: { name: 'Eastern Returns Directorate', homeState: 'QO' },
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({
      name: 'Eastern Returns Directorate',
      homeState: 'QO',
      kind: 'state_agency',
    });
  });

  it('refuses duplicate names, bad state codes, unknown kinds and empty updates', async () => {
    const post = (payload: Record<string, unknown>) =>
      admin.request({ method: 'POST', url: '/api/v1/organisations', payload });
    await post({ name: 'Unique Name Org', kind: 'donor', homeState: 'QO' });
    const duplicate = await post({ name: 'Unique Name Org', kind: 'donor', homeState: 'QO' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().reason).toBe('organisation_name_taken');
    for (const homeState of ['qo', 'QOO', 'Q1']) {
      const bad = await post({ name: `Org ${homeState}`, kind: 'donor', homeState });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].field).toBe('body.homeState');
    }
    expect((await post({ name: 'Kingdom', kind: 'kingdom', homeState: 'QO' })).statusCode).toBe(400);
    const empty = await admin.request({ method: 'PATCH', url: `/api/v1/organisations/${centreId}`, payload: {} });
    expect(empty.statusCode).toBe(400);
    const missing = await admin.request({
      method: 'PATCH',
      url: '/api/v1/organisations/01900000-0000-7000-8000-000000000000',
      payload: { name: 'Ghost' },
    });
    expect(missing.statusCode).toBe(404);
  });
});

describe('people and memberships', () => {
  it('creates a person with a one-time password, who then signs in and chooses a password', async () => {
    const created = await newUser({
      email: 'New.Monitor@Test.Homeward.Example',
      displayName: 'Nour Monitor',
      memberships: [{ organisationId: centreId, role: 'field_monitor' }],
    });
    expect(created.statusCode).toBe(201);
    const { user, oneTimePassword } = created.json();
    expect(user).toMatchObject({
      email: 'new.monitor@test.homeward.example',
      displayName: 'Nour Monitor',
      active: true,
      passwordChangeRequired: true,
      twoFactor: { enabled: false, required: false },
      memberships: [{ role: 'field_monitor', organisation: { id: centreId, name: 'Central Monitoring Centre' } }],
    });
    expect(JSON.stringify(user)).not.toMatch(/hash|secret|argon/i);

    const person = await signIn(env.app, { email: user.email, password: oneTimePassword, totpSecret: null });
    const change = await person.request({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: oneTimePassword, newPassword: 'monitoring the return' },
    });
    expect(change.json().status).toBe('signed_in');
    expect((await person.request({ method: 'GET', url: '/api/v1/me' })).json().roles).toEqual(['field_monitor']);
  });

  it('creates a person with a given password whose role requires two-factor enrolment', async () => {
    const created = await newUser({
      email: 'officer@test.homeward.example',
      displayName: 'Olu Officer',
      password: 'a strong initial password',
      memberships: [{ organisationId: centreId, role: 'protection_officer' }],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().oneTimePassword).toBeUndefined();
    expect(created.json().user.twoFactor).toEqual({ enabled: false, required: true });
    const login = await env.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'officer@test.homeward.example', password: 'a strong initial password' },
    });
    expect(login.json()).toEqual({ status: 'totp_enrolment_required' });
  });

  it('refuses a duplicate email, a short password, no membership and an unknown organisation', async () => {
    const base = { displayName: 'Someone', memberships: [{ organisationId: centreId, role: 'donor' }] };
    expect((await newUser({ ...base, email: 'dup@test.homeward.example' })).statusCode).toBe(201);
    const duplicate = await newUser({ ...base, email: 'DUP@test.homeward.example' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().code).toBe('conflict');
    const short = await newUser({ ...base, email: 'short@test.homeward.example', password: 'too short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].field).toBe('body.password');
    expect((await newUser({ ...base, email: 'none@test.homeward.example', memberships: [] })).statusCode).toBe(400);
    const unknown = await newUser({
      ...base,
      email: 'lost@test.homeward.example',
      memberships: [{ organisationId: '01900000-0000-7000-8000-000000000000', role: 'donor' }],
    });
    expect(unknown.statusCode).toBe(404);
    const list = (await admin.request({ method: 'GET', url: '/api/v1/users' })).json();
    const emails = list.map((u: { email: string }) => u.email);
    expect(emails).not.toContain('short@test.homeward.example');
    expect(emails).not.toContain('lost@test.homeward.example');
  });

  it('deactivates a person (their sessions end, they cannot sign in) and reactivates them', async () => {
    const account = await createTestAccount(env.app, { roles: ['donor'], organisationId: centreId });
    const person = await signIn(env.app, account);
    const deactivated = await admin.request({ method: 'POST', url: `/api/v1/users/${account.userId}/deactivate` });
    expect(deactivated.statusCode).toBe(200);
    expect(deactivated.json().active).toBe(false);
    expect((await person.request({ method: 'GET', url: '/api/v1/me' })).json().code).toBe('session_expired');
    await expect(signIn(env.app, account)).rejects.toThrow(/401/);

    const reactivated = await admin.request({ method: 'POST', url: `/api/v1/users/${account.userId}/reactivate` });
    expect(reactivated.json().active).toBe(true);
    await expect(signIn(env.app, account)).resolves.toBeDefined();
  });

  it('resets two-factor: the person enrols again at the next sign-in', async () => {
    const account = await createTestAccount(env.app, { roles: ['case_worker'], organisationId: centreId });
    const person = await signIn(env.app, account);
    const reset = await admin.request({ method: 'POST', url: `/api/v1/users/${account.userId}/reset-two-factor` });
    expect(reset.json().twoFactor).toEqual({ enabled: false, required: true });
    expect((await person.request({ method: 'GET', url: '/api/v1/me' })).json().code).toBe('session_expired');
    const login = await env.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: account.email, password: account.password },
    });
    expect(login.json()).toEqual({ status: 'totp_enrolment_required' });
  });

  it('adds and removes memberships; a role that needs two-factor sends the person to enrolment', async () => {
    const other = await createTestOrganisation(env.app, { name: 'Partner Agency', kind: 'un_agency' });
    const account = await createTestAccount(env.app, { roles: ['field_monitor'], organisationId: centreId });
    const person = await signIn(env.app, account);

    const added = await admin.request({
      method: 'POST',
      url: `/api/v1/users/${account.userId}/memberships`,
      payload: { organisationId: other.id, role: 'coordinator' },
    });
    expect(added.statusCode).toBe(200);
    expect(added.json().memberships.map((m: { role: string }) => m.role)).toEqual(['field_monitor', 'coordinator']);
    const again = await admin.request({
      method: 'POST',
      url: `/api/v1/users/${account.userId}/memberships`,
      payload: { organisationId: other.id, role: 'coordinator' },
    });
    expect(again.statusCode).toBe(409);
    expect((await person.request({ method: 'GET', url: '/api/v1/me' })).json().code).toBe('totp_enrolment_required');

    const coordinator = added.json().memberships.find((m: { role: string }) => m.role === 'coordinator');
    const removed = await admin.request({
      method: 'DELETE',
      url: `/api/v1/users/${account.userId}/memberships/${coordinator.id}`,
    });
    expect(removed.statusCode).toBe(200);
    expect(removed.json().memberships.map((m: { role: string }) => m.role)).toEqual(['field_monitor']);
    expect((await person.request({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);

    const last = removed.json().memberships[0];
    const refused = await admin.request({
      method: 'DELETE',
      url: `/api/v1/users/${account.userId}/memberships/${last.id}`,
    });
    expect(refused.statusCode).toBe(409);
  });

  it('does not let an administrator lock themselves out', async () => {
    for (const action of ['deactivate', 'reset-two-factor']) {
      const response = await admin.request({ method: 'POST', url: `/api/v1/users/${adminUserId}/${action}` });
      expect(response.statusCode).toBe(409);
    }
  });

  it('lists people with their memberships, filtered by organisation', async () => {
    const other = await createTestOrganisation(env.app, { name: 'Filter Test Org', kind: 'donor' });
    const member = await createTestAccount(env.app, { roles: ['donor'], organisationId: other.id });
    const list = await admin.request({ method: 'GET', url: `/api/v1/users?organisationId=${other.id}` });
    expect(list.json().map((u: { id: string }) => u.id)).toEqual([member.userId]);
    const one = await admin.request({ method: 'GET', url: `/api/v1/users/${member.userId}` });
    expect(one.json().memberships[0].organisation.name).toBe('Filter Test Org');
    expect((await admin.request({ method: 'GET', url: '/api/v1/users?organisationId=nope' })).statusCode).toBe(400);
    expect((await admin.request({ method: 'GET', url: '/api/v1/users?unknown=1' })).statusCode).toBe(400);
  });
});

describe('the audit trail', () => {
  const entryCount = async () => (await env.database.db.select({ n: count() }).from(auditEntries))[0]!.n;

  it('writes one entry per change, naming the administrator and carrying ids and roles, not the email', async () => {
    const before = await entryCount();
    const created = await newUser({
      email: 'audited@test.homeward.example',
      displayName: 'Audited Person',
      memberships: [{ organisationId: centreId, role: 'verifier' }],
    });
    const userId = created.json().user.id;
    await admin.request({ method: 'POST', url: `/api/v1/users/${userId}/deactivate` });
    expect(await entryCount()).toBe(before + 2);

    const entries = await env.database.db
      .select()
      .from(auditEntries)
      .innerJoin(auditDetails, eq(auditDetails.seq, auditEntries.seq))
      .where(eq(auditEntries.subject, `user:${userId}`))
      .orderBy(auditEntries.seq);
    expect(entries.map((e) => e.audit_entries.eventType)).toEqual(['account.user_created', 'account.user_deactivated']);
    expect(entries[0]!.audit_entries).toMatchObject({ actorUserId: adminUserId, organisationId: centreId });
    const stored: unknown = entries[0]!.audit_details.details;
    const details = typeof stored === 'string' ? JSON.parse(stored) : stored;
    expect(details).toEqual({
      userId,
      memberships: [{ organisationId: centreId, role: 'verifier' }],
      passwordGenerated: true,
      twoFactorPreset: false,
    });
    expect(JSON.stringify(entries)).not.toContain('audited@');
    expect(JSON.stringify(entries)).not.toContain('Audited Person');
  });

  it('writes nothing for a refused change', async () => {
    const before = await entryCount();
    await newUser({ email: 'bad', displayName: 'X', memberships: [{ organisationId: centreId, role: 'donor' }] });
    await admin.request({ method: 'POST', url: `/api/v1/users/${adminUserId}/deactivate` });
    await admin.request({
      method: 'POST',
      url: '/api/v1/organisations',
      payload: { name: 'Central Monitoring Centre', kind: 'donor', homeState: 'QO' },
    });
    expect(await entryCount()).toBe(before);
  });
});

describe('who may administer', () => {
  it('refuses people without the permission', async () => {
    const monitor = await signIn(env.app, await createTestAccount(env.app, { roles: ['field_monitor'] }));
    expect((await monitor.request({ method: 'GET', url: '/api/v1/users' })).statusCode).toBe(403);
    const post = await monitor.request({
      method: 'POST',
      url: '/api/v1/organisations',
      payload: { name: 'Rogue Org', kind: 'donor', homeState: 'QO' },
    });
    expect(post.statusCode).toBe(403);
    const auditor = await signIn(env.app, await createTestAccount(env.app, { roles: ['auditor'] }));
    expect((await auditor.request({ method: 'GET', url: '/api/v1/users' })).statusCode).toBe(200);
    expect((await auditor.request({ method: 'POST', url: `/api/v1/users/${adminUserId}/deactivate` })).statusCode).toBe(
      403,
    );
  });

  it('keeps an administrator of another kind of organisation to their own organisation’s people', async () => {
    const agency = await createTestOrganisation(env.app, { name: 'Local Civil Society Org', kind: 'civil_society' });
    const localAdmin = await createTestAccount(env.app, { roles: ['administrator'], organisationId: agency.id });
    const client = await signIn(env.app, localAdmin);
    const colleague = await createTestAccount(env.app, {
      roles: ['civil_society_watchdog'],
      organisationId: agency.id,
    });

    const list = (await client.request({ method: 'GET', url: '/api/v1/users' })).json();
    expect(list.map((u: { id: string }) => u.id).sort()).toEqual([localAdmin.userId, colleague.userId].sort());
    expect((await client.request({ method: 'GET', url: `/api/v1/users/${adminUserId}` })).statusCode).toBe(404);
    expect((await client.request({ method: 'POST', url: `/api/v1/users/${adminUserId}/deactivate` })).statusCode).toBe(
      404,
    );
    const foreign = await client.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        email: 'foreign@test.homeward.example',
        displayName: 'Foreign',
        memberships: [{ organisationId: centreId, role: 'administrator' }],
      },
    });
    expect(foreign.statusCode).toBe(403);
    const own = await client.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        email: 'local@test.homeward.example',
        displayName: 'Local',
        memberships: [{ organisationId: agency.id, role: 'civil_society_watchdog' }],
      },
    });
    expect(own.statusCode).toBe(201);
    const organisation = await client.request({
      method: 'POST',
      url: '/api/v1/organisations',
      payload: { name: 'Self Made Org', kind: 'donor', homeState: 'QO' },
    });
    expect(organisation.statusCode).toBe(403);
  });
});
