import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import { countStatements } from '../../../test/support/statements.ts';
import type {
  HouseholdDetail,
  HouseholdPage,
  RegisteredHousehold,
  RegisterHouseholdRequest,
} from '../../shared/cases/schemas.ts';
import { createTestAccount, createTestOrganisation, signIn, type TestClient } from '../platform/auth/test-support.ts';
import { queryRows } from '../platform/db/client.ts';
import { dataSharingAgreements } from '../platform/policy/schema.ts';
import { createTestZones } from '../zones/test-support.ts';
import { hashStatusCode } from './references.ts';
import { caseDecisions, caseHouseholds, casePeople } from './tables.ts';

/**
 * Households, people, consent and sharing through the API: registration seals and indexes, flags possible
 * duplicates and opens the registration decision; reads are access-logged and reach only the owner and, while
 * agreement and consent stand, the organisations it shared with.
 */
let env: TestEnvironment;
let worker: TestClient;
let otherWorker: TestClient;
let ownAdmin: TestClient;
let own: string;
let other: string;

beforeAll(async () => {
  env = await createTestEnvironment();
  await createTestZones(env.database.db);
  own = (await createTestOrganisation(env.app, { kind: 'civil_society', homeState: 'QT' })).id;
  other = (await createTestOrganisation(env.app, { kind: 'civil_society', homeState: 'QT' })).id;
  worker = await signIn(env.app, await createTestAccount(env.app, { roles: ['case_worker'], organisationId: own }));
  otherWorker = await signIn(
    env.app,
    await createTestAccount(env.app, { roles: ['case_worker'], organisationId: other }),
  );
  ownAdmin = await signIn(env.app, await createTestAccount(env.app, { roles: ['administrator'], organisationId: own }));
});
afterAll(() => env.close());

let serial = 0;
/** A household of a mother and her son, with names, documents and a phone unique to this call. */
function household(overrides: Partial<RegisterHouseholdRequest> = {}): RegisterHouseholdRequest {
  serial += 1;
  return {
    asylumStateCode: 'QT',
    intendedPcode: 'QM0101',
    members: [
      {
        name: { given: `Amina${serial}`, family: 'Haddad', other: 'Yusuf' },
        dateOfBirth: '1984-03-12',
        sex: 'female',
        relationship: 'head',
        documents: [{ kind: 'passport', number: `P-77${serial}01` }],
        documentStatus: 'available',
        phones: [`+964 770 555 ${String(1000 + serial)}`],
        needs: [{ need: 'single_parent' }],
      },
      {
        name: { given: `Karim${serial}`, family: 'Haddad' },
        dateOfBirth: '2012-09-30',
        sex: 'male',
        relationship: 'child',
        documents: [{ kind: 'birth_certificate', number: `BC${serial}44` }],
        documentStatus: 'available',
      },
    ],
    ...overrides,
  };
}

async function register(client: TestClient, body: RegisterHouseholdRequest) {
  const response = await client.request({ method: 'POST', url: '/api/v1/cases/households', payload: body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<RegisteredHousehold>();
}

const count = async (table: string) =>
  (await queryRows<{ n: number }>(env.database.db, sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n;

describe('registering a household', () => {
  it('seals the members, stores only the status code’s keyed hash, opens the registration decision and logs codes', async () => {
    const body = household();
    const { household: registered, statusCode } = await register(worker, body);
    expect(registered.reference).toMatch(/^HW-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    expect(statusCode).toMatch(/^\d{10}$/);
    expect(registered.stage).toBe('registered');
    expect(registered.stateCode).toBe('QM');
    expect(registered.members.map((member) => member.name.given)).toEqual([
      body.members[0]!.name.given,
      body.members[1]!.name.given,
    ]);
    expect(registered.duplicate).toBeNull();

    const db = env.database.db;
    const [row] = await db.select().from(caseHouseholds).where(eq(caseHouseholds.id, registered.id));
    expect(row!.statusCodeHash).not.toContain(statusCode);
    expect(row!.statusCodeHash).toBe(
      await hashStatusCode(db, env.app.platform.keyring, registered.reference, statusCode),
    );

    // No personal field in clear anywhere in the household's rows.
    const stored = JSON.stringify(await db.select().from(casePeople).where(eq(casePeople.householdId, registered.id)));
    // Whole values: a fragment as short as '555' turns up in a random id now and then.
    const head = body.members[0]!;
    const phone = head.phones![0]!;
    for (const secret of [head.name.given, '1984-03-12', head.documents![0]!.number, phone, phone.replace(/\D/g, '')]) {
      expect(stored).not.toContain(secret);
    }
    const decisions = await db.select().from(caseDecisions).where(eq(caseDecisions.householdId, registered.id));
    expect(decisions.map((decision) => [decision.kind, decision.status, decision.organisationId])).toEqual([
      ['registration', 'pending', own],
    ]);

    const audit = await queryRows<{ type: string; details: string }>(
      db,
      sql`select e.event_type as type, d.details::text as details from audit_entries e join audit_details d on d.seq = e.seq
          where e.subject = ${`household:${registered.id}`}`,
    );
    expect(audit.map((entry) => entry.type).sort()).toEqual(['cases.decision_opened', 'cases.household_registered']);
    const details = JSON.stringify(audit.map((entry) => entry.details));
    for (const secret of [body.members[0]!.name.given, 'Haddad', '1984', 'P-77', '+964', statusCode]) {
      expect(details).not.toContain(secret);
    }
  });

  it('refuses ages that contradict relationships, naming the member and the rule, and writes nothing', async () => {
    const before = await Promise.all(['case_households', 'case_people', 'case_person_indexes'].map(count));
    const body = household();
    body.members[1] = { ...body.members[1]!, dateOfBirth: '1990-01-01' };
    const response = await worker.request({ method: 'POST', url: '/api/v1/cases/households', payload: body });
    expect(response.statusCode).toBe(409);
    const problem = response.json();
    expect(problem.reason).toBe('household_inconsistent');
    expect(problem.detail).toContain('Member 2');
    expect(problem.detail).toContain('12 years younger');
    expect(problem.errors[0]).toMatchObject({ field: 'body.members.1.dateOfBirth', code: 'child_not_younger' });
    expect(await Promise.all(['case_households', 'case_people', 'case_person_indexes'].map(count))).toEqual(before);
  });

  it('refuses a zone that is not in the gazetteer, and bad input with a 400', async () => {
    const unknown = await worker.request({
      method: 'POST',
      url: '/api/v1/cases/households',
      payload: household({ intendedPcode: 'QM0199' }),
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({ field: 'body.intendedPcode', code: 'unknown_zone' });
    const wrong = await worker.request({
      method: 'POST',
      url: '/api/v1/cases/households',
      payload: { ...household(), members: 'everyone' },
    });
    expect(wrong.statusCode).toBe(400);
    const empty = await worker.request({
      method: 'POST',
      url: '/api/v1/cases/households',
      payload: { ...household(), members: [] },
    });
    expect(empty.statusCode).toBe(400);
  });

  it('flags a registration with a known document as a possible duplicate, without revealing another organisation’s household', async () => {
    const first = household();
    const original = await register(worker, first);
    const again = household();
    again.members[0] = {
      ...again.members[0]!,
      documents: [{ kind: 'passport', number: first.members[0]!.documents![0]!.number }],
    };
    const mine = await register(worker, again);
    expect(mine.household.duplicate).toEqual({
      review: 'pending',
      of: { id: original.household.id, reference: original.household.reference },
    });
    const theirs = await register(otherWorker, again);
    expect(theirs.household.duplicate).toEqual({ review: 'pending', of: null });
    expect(JSON.stringify(theirs)).not.toContain(original.household.reference);

    // Same name and date of birth, no document: flagged too.
    const sameName = household();
    sameName.members = [{ ...first.members[0]!, documents: [], phones: [] }];
    const byName = await register(worker, sameName);
    expect(byName.household.duplicate?.review).toBe('pending');

    const reviewed = await worker.request({
      method: 'POST',
      url: `/api/v1/cases/households/${mine.household.id}/duplicate-review`,
      payload: { verdict: 'distinct' },
    });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(reviewed.json<HouseholdDetail>().duplicate?.review).toBe('distinct');
    const twice = await worker.request({
      method: 'POST',
      url: `/api/v1/cases/households/${mine.household.id}/duplicate-review`,
      payload: { verdict: 'same' },
    });
    expect(twice.json().reason).toBe('no_duplicate_pending');
  });
});

describe('reading and searching', () => {
  it('writes every opened member to the access log, and answers 404 to another organisation', async () => {
    const { household: registered } = await register(worker, household());
    const response = await worker.request({ method: 'GET', url: `/api/v1/cases/households/${registered.id}` });
    expect(response.statusCode).toBe(200);
    const detail = response.json<HouseholdDetail>();
    const logged = await queryRows<{ record_id: string; purpose: string }>(
      env.database.db,
      sql`select record_id, purpose from access_log where record_type = 'person'
          and record_id in (${sql.join(
            detail.members.map((member) => sql`${member.id}`),
            sql`, `,
          )})`,
    );
    expect(new Set(logged.map((row) => row.record_id))).toEqual(new Set(detail.members.map((member) => member.id)));
    expect(logged.every((row) => row.purpose === 'case_management')).toBe(true);

    const refused = await otherWorker.request({ method: 'GET', url: `/api/v1/cases/households/${registered.id}` });
    expect(refused.statusCode).toBe(404);
    const list = (await otherWorker.request({ method: 'GET', url: '/api/v1/cases/households?limit=200' })).json();
    expect(list.items.map((item: { id: string }) => item.id)).not.toContain(registered.id);
    const ownList = (await worker.request({ method: 'GET', url: '/api/v1/cases/households?stage=registered' })).json();
    expect(ownList.items.map((item: { id: string }) => item.id)).toContain(registered.id);
    expect(JSON.stringify(ownList)).not.toContain('Haddad');
  });

  it('names the intended zone on the household, in the list and in search results, the list in one statement', async () => {
    const body = household();
    const { household: registered } = await register(worker, body);
    expect(registered).toMatchObject({ intendedPcode: 'QM0101', intendedZoneName: { en: 'Alder' } });
    const detail = (
      await worker.request({ method: 'GET', url: `/api/v1/cases/households/${registered.id}` })
    ).json<HouseholdDetail>();
    expect(detail).toMatchObject({ intendedPcode: 'QM0101', intendedZoneName: { en: 'Alder' } });
    const list = async (limit: number) =>
      (await worker.request({ method: 'GET', url: `/api/v1/cases/households?limit=${limit}` })).json<HouseholdPage>();
    const all = await list(200);
    expect(all.items.length).toBeGreaterThan(1);
    expect(all.items.find((item) => item.id === registered.id)).toMatchObject({
      intendedPcode: 'QM0101',
      intendedZoneName: { en: 'Alder' },
    });
    // The names are read in the page's own statement: as many statements for one household as for all of them.
    const one = await countStatements(env.database, () => list(1));
    const many = await countStatements(env.database, () => list(200));
    expect(many).toBe(one);
    const found = await worker.request({
      method: 'POST',
      url: '/api/v1/cases/search',
      payload: { name: `${body.members[0]!.name.given} Yusuf Haddad` },
    });
    expect(found.json().items).toEqual([
      expect.objectContaining({
        householdId: registered.id,
        intendedPcode: 'QM0101',
        intendedZoneName: { en: 'Alder' },
      }),
    ]);
  });

  it('finds a household by exact name, by document number of any kind, and by phone written differently', async () => {
    const body = household();
    const { household: registered } = await register(worker, body);
    const search = async (client: TestClient, payload: Record<string, unknown>) => {
      const response = await client.request({ method: 'POST', url: '/api/v1/cases/search', payload });
      expect(response.statusCode, response.body).toBe(200);
      return response.json<{ items: { householdId: string; memberPosition: number; matched: string }[] }>().items;
    };
    const head = body.members[0]!;
    const byName = await search(worker, { name: `${head.name.given}  Yusuf Haddad` });
    expect(byName).toEqual([
      expect.objectContaining({ householdId: registered.id, memberPosition: 0, matched: 'name' }),
    ]);
    const byDocument = await search(worker, { document: { number: body.members[1]!.documents![0]!.number } });
    expect(byDocument).toEqual([
      expect.objectContaining({ householdId: registered.id, memberPosition: 1, matched: 'document' }),
    ]);
    const wrongKind = await search(worker, {
      document: { kind: 'national_id', number: body.members[1]!.documents![0]!.number },
    });
    expect(wrongKind).toEqual([]);
    const byPhone = await search(worker, { phone: head.phones![0]!.replaceAll(' ', '-') });
    expect(byPhone.map((item) => item.householdId)).toEqual([registered.id]);
    expect(await search(otherWorker, { name: `${head.name.given} Yusuf Haddad` })).toEqual([]);

    const both = await worker.request({
      method: 'POST',
      url: '/api/v1/cases/search',
      payload: { name: 'x', phone: '+9647700000000' },
    });
    expect(both.statusCode).toBe(400);
  });
});

describe('consent and sharing', () => {
  it('shares only under an agreement and every member’s consent, and a withdrawal ends the recipient’s access at once', async () => {
    const { household: registered } = await register(worker, household());
    const url = `/api/v1/cases/households/${registered.id}`;
    const share = () =>
      worker.request({
        method: 'POST',
        url: `${url}/shares`,
        payload: { toOrganisationId: other, purpose: 'case_management' },
      });

    const noAgreement = await share();
    expect(noAgreement.statusCode).toBe(409);
    expect(noAgreement.json().reason).toBe('no_agreement');

    const agreement = await ownAdmin.request({
      method: 'POST',
      url: '/api/v1/agreements',
      payload: {
        fromOrganisationId: own,
        toOrganisationId: other,
        purpose: 'case_management',
        dataCategories: ['case'],
        expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      },
    });
    expect(agreement.statusCode, agreement.body).toBe(201);

    const consent = async (personId: string) => {
      const response = await worker.request({
        method: 'POST',
        url: `${url}/consents`,
        payload: { personId, purpose: 'case_management', givenOn: '2026-01-05', channel: 'in_person' },
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json<{ id: string }>().id;
    };
    const [head, child] = registered.members;
    await consent(head!.id);
    const missing = await share();
    expect(missing.statusCode).toBe(409);
    expect(missing.json()).toMatchObject({ reason: 'consent_missing' });
    expect(missing.json().detail).toContain('1 member has not consented');
    const childConsent = await consent(child!.id);

    expect((await share()).statusCode).toBe(201);
    const read = await otherWorker.request({ method: 'GET', url });
    expect(read.statusCode).toBe(200);
    expect(read.json<HouseholdDetail>().owned).toBe(false);
    // The recipient reads; only the owner shares further or changes the household.
    const change = await otherWorker.request({ method: 'PATCH', url, payload: { asylumStateCode: 'QO' } });
    expect(change.statusCode).toBe(403);

    const withdrawn = await worker.request({
      method: 'POST',
      url: `${url}/consents/${childConsent}/withdraw`,
      payload: { channel: 'phone' },
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect((await otherWorker.request({ method: 'GET', url })).statusCode).toBe(404);
    const after = (await worker.request({ method: 'GET', url })).json<HouseholdDetail>();
    expect(after.shares.every((item) => item.endedAt !== null)).toBe(true);
    expect(after.consents.find((item) => item.id === childConsent)?.withdrawnChannel).toBe('phone');

    // A second withdrawal is refused; consent cannot be recorded for someone of another household.
    const again = await worker.request({
      method: 'POST',
      url: `${url}/consents/${childConsent}/withdraw`,
      payload: { channel: 'phone' },
    });
    expect(again.json().reason).toBe('consent_withdrawn');
    const stranger = await worker.request({
      method: 'POST',
      url: `${url}/consents`,
      payload: { personId: own, purpose: 'case_management', givenOn: '2026-01-05', channel: 'in_person' },
    });
    expect(stranger.statusCode).toBe(404);
  });

  it('lets the owner update a member’s documents, re-indexing them for search', async () => {
    const body = household();
    const { household: registered } = await register(worker, body);
    const response = await worker.request({
      method: 'PATCH',
      url: `/api/v1/cases/households/${registered.id}`,
      payload: {
        members: [
          {
            personId: registered.members[0]!.id,
            documents: [{ kind: 'national_id', number: 'NID-9090' }],
            documentStatus: 'replacement_arranged',
          },
        ],
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<HouseholdDetail>().members[0]!.documentStatus).toBe('replacement_arranged');
    const found = await worker.request({
      method: 'POST',
      url: '/api/v1/cases/search',
      payload: { document: { number: 'NID9090' } },
    });
    expect(found.json().items.map((item: { householdId: string }) => item.householdId)).toEqual([registered.id]);
    const old = await worker.request({
      method: 'POST',
      url: '/api/v1/cases/search',
      payload: { document: { number: body.members[0]!.documents![0]!.number } },
    });
    expect(old.json().items).toEqual([]);
    const [entry] = await queryRows<{ details: string }>(
      env.database.db,
      sql`select d.details::text as details from audit_entries e join audit_details d on d.seq = e.seq
          where e.event_type = 'cases.household_updated' and e.subject = ${`household:${registered.id}`}`,
    );
    expect(JSON.parse(entry!.details).fields).toEqual(['member.document_status', 'member.documents']);
  });

  it('reaches a shared household only for its purpose, and not once the agreement is revoked', async () => {
    const { household: registered } = await register(worker, household());
    const url = `/api/v1/cases/households/${registered.id}`;
    for (const member of registered.members) {
      const consent = await worker.request({
        method: 'POST',
        url: `${url}/consents`,
        payload: { personId: member.id, purpose: 'protection', givenOn: '2026-02-01', channel: 'written' },
      });
      expect(consent.statusCode, consent.body).toBe(201);
    }
    const agreement = await ownAdmin.request({
      method: 'POST',
      url: '/api/v1/agreements',
      payload: {
        fromOrganisationId: own,
        toOrganisationId: other,
        purpose: 'protection',
        dataCategories: ['case'],
        expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      },
    });
    expect(agreement.statusCode, agreement.body).toBe(201);
    const shared = await worker.request({
      method: 'POST',
      url: `${url}/shares`,
      payload: { toOrganisationId: other, purpose: 'protection' },
    });
    expect(shared.statusCode, shared.body).toBe(201);
    expect((await otherWorker.request({ method: 'GET', url: `${url}?purpose=protection` })).statusCode).toBe(200);
    expect((await otherWorker.request({ method: 'GET', url })).statusCode).toBe(404);

    const revoked = await ownAdmin.request({
      method: 'POST',
      url: `/api/v1/agreements/${agreement.json<{ id: string }>().id}/revoke`,
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect((await otherWorker.request({ method: 'GET', url: `${url}?purpose=protection` })).statusCode).toBe(404);
  });
});

describe('share recipients', () => {
  it('lists the organisations with an agreement in force for the purpose, never the own organisation', async () => {
    const sharer = await createTestAccount(env.app, { roles: ['case_worker'] });
    const from = sharer.organisationId;
    const client = await signIn(env.app, sharer);
    const [recipient, later, revoked, expired, zoneOnly, backwards] = await Promise.all(
      ['B recipient', 'A recipient', 'Revoked', 'Expired', 'Zone data only', 'Backwards'].map((name) =>
        createTestOrganisation(env.app, { name: `${name} ${randomUUID().slice(0, 6)}` }),
      ),
    );
    const inMonth = new Date(Date.now() + 30 * 86_400_000);
    const agreement = (
      fromOrganisationId: string,
      toOrganisationId: string,
      overrides: Partial<typeof dataSharingAgreements.$inferInsert> = {},
    ) => ({
      fromOrganisationId,
      toOrganisationId,
      purpose: 'protection',
      dataCategories: ['case'],
      expiresAt: inMonth,
      createdBy: sharer.userId,
      ...overrides,
    });
    await env.database.db.insert(dataSharingAgreements).values([
      agreement(from, recipient!.id),
      agreement(from, later!.id, { dataCategories: ['identity', 'case'] }),
      // Another purpose, revoked, expired, not covering case data, or the other way round: none of them counts.
      agreement(from, recipient!.id, { purpose: 'return_assistance' }),
      agreement(from, revoked!.id, { revokedAt: new Date() }),
      agreement(from, expired!.id, { expiresAt: new Date(Date.now() - 1000) }),
      agreement(from, zoneOnly!.id, { dataCategories: ['identity'] }),
      agreement(backwards!.id, from, {}),
      // An agreement with itself, however recorded, is never a recipient.
      agreement(from, from),
    ]);
    const list = async (purpose: string) => {
      const response = await client.request({
        method: 'GET',
        url: `/api/v1/cases/share-recipients?purpose=${purpose}`,
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json<{ id: string; name: string }[]>();
    };
    expect(await list('protection')).toEqual([
      { id: later!.id, name: later!.name },
      { id: recipient!.id, name: recipient!.name },
    ]);
    expect(await list('return_assistance')).toEqual([{ id: recipient!.id, name: recipient!.name }]);
    expect(await list('statistics')).toEqual([]);
    const bad = await client.request({ method: 'GET', url: '/api/v1/cases/share-recipients?purpose=anything' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'validation_failed' });
    const missing = await client.request({ method: 'GET', url: '/api/v1/cases/share-recipients' });
    expect(missing.statusCode).toBe(400);
  });
});

describe('the transparency log', () => {
  it('holds no name, date of birth, document number or phone in any of the people part’s entries', async () => {
    const entries = await queryRows<{ details: string }>(
      env.database.db,
      sql`select d.details::text as details from audit_entries e join audit_details d on d.seq = e.seq
          where e.event_type like 'cases.%'`,
    );
    expect(entries.length).toBeGreaterThan(10);
    const all = entries.map((entry) => entry.details).join('\n');
    for (const secret of ['Amina', 'Karim', 'Haddad', 'Yusuf', '1984-03-12', 'P-77', 'BC1', 'NID-9090', '+964']) {
      expect(all).not.toContain(secret);
    }
  });
});
