import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../../test/support/app.ts';
import { auditDetails, auditEntries } from '../audit/schema.ts';
import {
  createTestAccount,
  createTestOrganisation,
  signIn,
  type TestAccount,
  type TestClient,
} from '../auth/test-support.ts';
import { memberships, organisations } from './schema.ts';

/**
 * Nobody widens their own reach: an organisation's kind and home state, the auditor role and actions on a
 * whole account are the monitoring centre's (issue 9, items 1 and 2).
 */
let env: TestEnvironment;
let centreId: string;
let centreAdmin: TestAccount;
let centre: TestClient;
let csoId: string;
let csoAdmin: TestAccount;
let cso: TestClient;

beforeAll(async () => {
  env = await createTestEnvironment();
  centreId = (await createTestOrganisation(env.app, { name: 'Reach Centre', kind: 'monitoring_centre' })).id;
  csoId = (await createTestOrganisation(env.app, { name: 'Reach CSO', kind: 'civil_society', homeState: 'QT' })).id;
  centreAdmin = await createTestAccount(env.app, { roles: ['administrator'], organisationId: centreId });
  csoAdmin = await createTestAccount(env.app, { roles: ['administrator'], organisationId: csoId });
  centre = await signIn(env.app, centreAdmin);
  cso = await signIn(env.app, csoAdmin);
});
afterAll(() => env.close());

const entryCount = async () => (await env.database.db.select({ n: count() }).from(auditEntries))[0]!.n;
const organisationRow = async (id: string) =>
  (await env.database.db.select().from(organisations).where(eq(organisations.id, id)))[0]!;
const patch = (client: TestClient, id: string, payload: object, language = 'en') =>
  client.request({
    method: 'PATCH',
    url: `/api/v1/organisations/${id}`,
    payload,
    headers: { 'accept-language': language },
  });

/** What the civil-society administrator could do to the monitoring centre's administrator after the attack. */
async function attackOnCentre() {
  const read = await cso.request({ method: 'GET', url: `/api/v1/users/${centreAdmin.userId}` });
  const create = await cso.request({
    method: 'POST',
    url: '/api/v1/users',
    payload: {
      email: `planted-${Date.now()}@test.homeward.example`,
      displayName: 'Planted Administrator',
      memberships: [{ organisationId: centreId, role: 'administrator' }],
    },
  });
  const reset = await cso.request({ method: 'POST', url: `/api/v1/users/${centreAdmin.userId}/reset-two-factor` });
  return [read.statusCode, create.statusCode, reset.statusCode];
}

describe("an organisation's kind and home state", () => {
  it('refuses a civil-society administrator who makes their organisation a monitoring centre', async () => {
    const before = await entryCount();
    const response = await patch(cso, csoId, { kind: 'monitoring_centre' });
    // The attack the issue reported, run whatever the answer: before the fix this read
    // { patch: 200, attack: [200, 201, 200] } (read, create and reset the centre's administrator).
    expect({ patch: response.statusCode, attack: await attackOnCentre() }).toEqual({
      patch: 403,
      attack: [404, 403, 404],
    });
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'forbidden', reason: 'organisation_reach' });
    const french = await patch(cso, csoId, { kind: 'monitoring_centre' }, 'fr');
    expect(french.json().detail).toContain('Seuls les administrateurs du centre de suivi');
    expect((await patch(cso, csoId, { kind: 'monitoring_centre' }, 'ar')).json().detail).toContain('مركز الرصد');
    expect(await organisationRow(csoId)).toMatchObject({ kind: 'civil_society', homeState: 'QT' });
    expect(await entryCount()).toBe(before);
  });

  it('refuses a change of home state, alone or with a new name, and changes nothing', async () => {
    expect((await patch(cso, csoId, { homeState: 'QM' })).statusCode).toBe(403);
    expect((await patch(cso, csoId, { name: 'Renamed CSO', kind: 'monitoring_centre' })).statusCode).toBe(403);
    expect(await organisationRow(csoId)).toMatchObject({ name: 'Reach CSO', kind: 'civil_society', homeState: 'QT' });
  });

  it('lets the organisation rename itself, and accepts its kind and home state unchanged', async () => {
    const renamed = await patch(cso, csoId, { name: 'Reach Civil Society', kind: 'civil_society', homeState: 'QT' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Reach Civil Society', kind: 'civil_society', homeState: 'QT' });
  });

  it('lets a monitoring-centre administrator change them, logged with before and after', async () => {
    const other = await createTestOrganisation(env.app, { kind: 'donor', homeState: 'QO' });
    const response = await patch(centre, other.id, { kind: 'un_agency', homeState: 'QT' });
    expect(response.statusCode).toBe(200);
    const [entry] = await env.database.db
      .select()
      .from(auditEntries)
      .innerJoin(auditDetails, eq(auditDetails.seq, auditEntries.seq))
      .where(
        and(
          eq(auditEntries.subject, `organisation:${other.id}`),
          eq(auditEntries.eventType, 'account.organisation_updated'),
        ),
      );
    expect(entry!.audit_entries).toMatchObject({ actorUserId: centreAdmin.userId, organisationId: centreId });
    const stored: unknown = entry!.audit_details.details;
    expect(typeof stored === 'string' ? JSON.parse(stored) : stored).toEqual({
      organisationId: other.id,
      changed: ['kind', 'homeState'],
      kind: { from: 'donor', to: 'un_agency' },
      homeState: { from: 'QO', to: 'QT' },
    });
  });
});

describe('the auditor role', () => {
  it('is granted only by the monitoring centre', async () => {
    const colleague = await createTestAccount(env.app, { roles: ['civil_society_watchdog'], organisationId: csoId });
    const grant = await cso.request({
      method: 'POST',
      url: `/api/v1/users/${colleague.userId}/memberships`,
      payload: { organisationId: csoId, role: 'auditor' },
    });
    expect(grant.statusCode).toBe(403);
    expect(grant.json().reason).toBe('auditor_role');
    const create = await cso.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        email: 'cso-auditor@test.homeward.example',
        displayName: 'Would-be Auditor',
        memberships: [{ organisationId: csoId, role: 'auditor' }],
      },
    });
    expect(create.statusCode).toBe(403);
    const held = await env.database.db.select().from(memberships).where(eq(memberships.userId, colleague.userId));
    expect(held.map((m) => m.role)).toEqual(['civil_society_watchdog']);

    const granted = await centre.request({
      method: 'POST',
      url: `/api/v1/users/${colleague.userId}/memberships`,
      payload: { organisationId: csoId, role: 'auditor' },
    });
    expect(granted.statusCode).toBe(200);
  });
});

describe('actions on a whole account', () => {
  /** A person in the civil-society organisation who is also a member of the monitoring centre. */
  async function sharedPerson() {
    const person = await createTestAccount(env.app, { roles: ['field_monitor'], organisationId: csoId });
    const added = await centre.request({
      method: 'POST',
      url: `/api/v1/users/${person.userId}/memberships`,
      payload: { organisationId: centreId, role: 'verifier' },
    });
    expect(added.statusCode).toBe(200);
    return person;
  }

  it('refuses deactivating, reactivating or resetting the two-factor of a person of another organisation too', async () => {
    const person = await sharedPerson();
    const client = await signIn(env.app, person);
    const before = await entryCount();
    for (const action of ['deactivate', 'reactivate', 'reset-two-factor']) {
      const response = await cso.request({ method: 'POST', url: `/api/v1/users/${person.userId}/${action}` });
      expect(response.statusCode, action).toBe(403);
      expect(response.json().reason, action).toBe('whole_account');
    }
    expect(await entryCount()).toBe(before);
    expect((await client.request({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);
  });

  it('still removes the person’s membership of the caller’s own organisation', async () => {
    const person = await sharedPerson();
    const client = await signIn(env.app, person);
    const { memberships: held } = (await cso.request({ method: 'GET', url: `/api/v1/users/${person.userId}` })).json();
    const own = held.find((m: { organisation: { id: string } }) => m.organisation.id === csoId);
    const removed = await cso.request({
      method: 'DELETE',
      url: `/api/v1/users/${person.userId}/memberships/${own.id}`,
    });
    expect(removed.statusCode).toBe(200);
    const me = await client.request({ method: 'GET', url: '/api/v1/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json().organisation.id).toBe(centreId);
    // No longer a member: the civil-society administrator no longer reaches them at all.
    expect((await cso.request({ method: 'POST', url: `/api/v1/users/${person.userId}/deactivate` })).statusCode).toBe(
      404,
    );
  });

  it('allows them to an administrator of every organisation the person belongs to, and to the centre', async () => {
    const person = await sharedPerson();
    const both = await createTestAccount(env.app, { roles: ['administrator'], organisationId: csoId });
    const added = await centre.request({
      method: 'POST',
      url: `/api/v1/users/${both.userId}/memberships`,
      payload: { organisationId: centreId, role: 'administrator' },
    });
    expect(added.statusCode).toBe(200);
    const bothClient = await signIn(env.app, both);
    const acting = await bothClient.request({
      method: 'POST',
      url: '/api/v1/me/organisation',
      payload: { organisationId: csoId },
    });
    expect(acting.json().organisation.id).toBe(csoId);
    const deactivated = await bothClient.request({ method: 'POST', url: `/api/v1/users/${person.userId}/deactivate` });
    expect(deactivated.statusCode).toBe(200);
    const reactivated = await centre.request({ method: 'POST', url: `/api/v1/users/${person.userId}/reactivate` });
    expect(reactivated.statusCode).toBe(200);
    const reset = await centre.request({ method: 'POST', url: `/api/v1/users/${person.userId}/reset-two-factor` });
    expect(reset.statusCode).toBe(200);
  });

  it('allows them on a person who belongs to the caller’s organisation only', async () => {
    const person = await createTestAccount(env.app, { roles: ['field_monitor'], organisationId: csoId });
    for (const action of ['deactivate', 'reactivate', 'reset-two-factor']) {
      const response = await cso.request({ method: 'POST', url: `/api/v1/users/${person.userId}/${action}` });
      expect(response.statusCode, action).toBe(200);
    }
  });
});
