import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import { createTestAccount, createTestOrganisation, type TestAccount } from '../platform/auth/test-support.ts';
import { createTestZones } from '../zones/test-support.ts';
import { decidedTestDecision } from './appeals-test-support.ts';
import { openDecision } from './decisions.ts';
import { caseAppeals, caseHouseholds } from './tables.ts';

/**
 * The public status page's API: the reference and slip code give the stage and what is due, and nothing
 * personal; a wrong code and an unknown reference look the same; guessing stops after a few tries.
 */
const MAX_ATTEMPTS = 3;
let env: TestEnvironment;
let worker: TestAccount;
let organisationId: string;

beforeAll(async () => {
  env = await createTestEnvironment({ loginMaxAttempts: MAX_ATTEMPTS });
  await createTestZones(env.database.db);
  organisationId = (await createTestOrganisation(env.app, { kind: 'civil_society', name: 'Harbour Aid' })).id;
  worker = await createTestAccount(env.app, { roles: ['case_worker'], organisationId });
});
afterAll(() => env.close());

const setup = () => ({ db: env.database.db, keyring: env.app.platform.keyring, config: env.config });
const actor = () => ({ userId: worker.userId, organisationId });
let address = 0;
/** Each test asks from its own address, so their counters do not meet. */
const ask = (body: Record<string, unknown>, from = `10.0.0.${++address}`) =>
  env.app.inject({ method: 'POST', url: '/api/v1/public/cases/status', payload: body, remoteAddress: from });

describe('the public status page', () => {
  it('shows the stage, the next decision and the open appeal with their due dates, and nothing personal', async () => {
    const db = env.database.db;
    const household = await decidedTestDecision(setup(), {
      organisationId,
      actor: actor(),
      stage: 'not_eligible',
      members: [{ relationship: 'head', name: { given: 'Amal', family: 'Haddad' }, dateOfBirth: '1984-02-02' }],
    });
    const next = await openDecision(db, {
      household: { id: household.householdId, reference: household.reference },
      kind: 'departure',
      organisationId,
      levels: env.config.serviceLevels,
      actor: actor(),
    });
    await db.insert(caseAppeals).values({
      decisionId: household.decisionId,
      householdId: household.householdId,
      lodgedBy: 'person',
      groundsEnc: 'sealed',
      reviewerOrganisationId: organisationId,
      dueOn: '2030-01-31',
      status: 'pending',
      recordedBy: worker.userId,
    });
    // Typed as people type it: lower case, spaces, the code in two groups.
    const typed = household.reference.toLowerCase().replaceAll('-', ' ');
    const code = `${household.statusCode.slice(0, 5)} ${household.statusCode.slice(5)}`;
    const response = await ask({ reference: typed, code });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json()).toEqual({
      reference: household.reference,
      stage: 'not_eligible',
      nextDecision: { kind: 'departure', dueOn: next.dueOn, overdue: false },
      appeal: { dueOn: '2030-01-31', overdue: false },
      appealable: false,
    });
    for (const personal of [
      'Amal',
      'Haddad',
      '1984',
      'Harbour',
      organisationId,
      household.householdId,
      worker.userId,
    ]) {
      expect(response.body).not.toContain(personal);
    }
  });

  it('answers a wrong code and an unknown reference alike', async () => {
    const household = await decidedTestDecision(setup(), { organisationId, actor: actor() });
    const wrong = household.statusCode === '0000000000' ? '1111111111' : '0000000000';
    const wrongCode = await ask({ reference: household.reference, code: wrong });
    const unknown = await ask({ reference: 'HW-2222-3333', code: household.statusCode });
    const garbage = await ask({ reference: 'not a reference', code: 'x' });
    const shape = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
    expect(wrongCode.statusCode).toBe(404);
    expect(shape(unknown.json())).toEqual(shape(wrongCode.json()));
    expect(shape(garbage.json())).toEqual(shape(wrongCode.json()));
    expect(wrongCode.json()).toMatchObject({ code: 'not_found', reason: 'case_status' });
    expect(wrongCode.body).not.toContain(household.reference.slice(3));
  });

  it('stops guessing a reference after the sign-in allowance, even from new addresses, then the right code too', async () => {
    const household = await decidedTestDecision(setup(), { organisationId, actor: actor() });
    const wrong = household.statusCode === '0000000000' ? '1111111111' : '0000000000';
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      expect((await ask({ reference: household.reference, code: wrong })).statusCode).toBe(404);
    }
    const blocked = await ask({ reference: household.reference, code: household.statusCode });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['content-type']).toMatch(/problem\+json/);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('stops one address trying many references', async () => {
    const from = '10.9.9.9';
    let status = 0;
    let tries = 0;
    while (tries < MAX_ATTEMPTS * 4 + 1) {
      status = (await ask({ reference: `HW-2222-${String(tries).padStart(4, '2').slice(-4)}`, code: '1' }, from))
        .statusCode;
      tries++;
      if (status === 429) break;
    }
    expect(status).toBe(429);
    expect(tries).toBe(MAX_ATTEMPTS * 4 + 1);
    // Another address is not affected.
    const household = await decidedTestDecision(setup(), { organisationId, actor: actor() });
    const other = await ask({ reference: household.reference, code: household.statusCode });
    expect(other.statusCode).toBe(200);
  });

  it('refuses a missing field and a huge body with a 4xx', async () => {
    expect((await ask({ reference: 'HW-2222-3333' })).statusCode).toBe(400);
    expect((await ask({ reference: 'HW-2222-3333', code: '1'.repeat(5000) })).statusCode).toBe(400);
    expect((await ask({ reference: 'HW-2222-3333\u0000', code: '1' })).statusCode).toBeLessThan(500);
    const [row] = await env.database.db
      .select()
      .from(caseHouseholds)
      .where(eq(caseHouseholds.reference, 'HW-2222-3333'));
    expect(row).toBeUndefined();
  });
});
