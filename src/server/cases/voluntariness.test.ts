import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import type { HouseholdVoluntariness } from '../../shared/cases/schemas.ts';
import { accessLog, auditEntries } from '../platform/audit/schema.ts';
import { createTestAccount, signIn, type TestAccount, type TestClient } from '../platform/auth/test-support.ts';
import { createTestZones, publishTestClasses } from '../zones/test-support.ts';
import { dayAfter } from './decisions.ts';
import { dayOf } from './eligibility.ts';
import { caseDecisions, caseHouseholds, caseVoluntarinessFiles, caseZoneInformation } from './tables.ts';
import { insertTestHousehold, type TestMember } from './test-support.ts';

const COOLING_OFF_DAYS = 10;
let env: TestEnvironment;
let worker: TestAccount;
let client: TestClient;
let protection: TestClient;
let outsider: TestClient;
let publicationId: string;
const today = dayOf(new Date());
const lastMonth = dayAfter(new Date(), -30);
const db = () => env.database.db;

beforeAll(async () => {
  env = await createTestEnvironment({ coolingOffDays: COOLING_OFF_DAYS });
  await createTestZones(db());
  worker = await createTestAccount(env.app, { roles: ['case_worker'] });
  const officer = await createTestAccount(env.app, {
    roles: ['protection_officer'],
    organisationId: worker.organisationId,
  });
  const other = await createTestAccount(env.app, { roles: ['case_worker'] });
  client = await signIn(env.app, worker);
  protection = await signIn(env.app, officer);
  outsider = await signIn(env.app, other);
  ({ publicationId } = await publishTestClasses(db(), worker, today.slice(0, 7), { QM0101: 'conducive' }));
});
afterAll(() => env.close());

const household = (members?: readonly TestMember[]) =>
  insertTestHousehold(db(), env.app.platform.keyring, {
    organisationId: worker.organisationId,
    registeredBy: worker.userId,
    ...(members ? { members } : {}),
  });

const post = (as: TestClient, url: string, payload: object) =>
  as.request({ method: 'POST', url: `/api/v1/cases/households/${url}`, payload });

/** Records every step of a person's file up to (not including) `until`. */
async function stepsUpTo(householdId: string, personId: string, until: 'declaration' | 'end') {
  const person = `${householdId}/people/${personId}`;
  expect((await post(client, `${person}/intention`, { on: lastMonth, words: 'I want to go home' })).statusCode).toBe(
    200,
  );
  const session = await post(client, `${person}/counselling-sessions`, {
    heldOn: lastMonth,
    language: 'ar',
    private: true,
    notes: 'Talked about schools at home',
  });
  expect(session.statusCode).toBe(200);
  expect((await post(client, `${person}/zone-information`, { language: 'ar', publicationId })).statusCode).toBe(200);
  if (until === 'declaration') return;
  const declared = await post(client, `${person}/declaration`, {
    signedOn: today,
    witness: 'Amal Witness',
    language: 'ar',
  });
  expect(declared.statusCode, declared.body).toBe(200);
}

describe('the voluntariness file', () => {
  it('refuses a step out of order, naming the missing step, and a file for a child with their family', async () => {
    const { id, personIds } = await household();
    const person = `${id}/people/${personIds[0]}`;
    const early = await post(client, `${person}/counselling-sessions`, {
      heldOn: today,
      language: 'ar',
      private: true,
    });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ reason: 'step_out_of_order', code: 'conflict' });
    expect(early.json().detail).toContain('intention');

    await post(client, `${person}/intention`, { on: lastMonth });
    const uninformed = await post(client, `${person}/declaration`, { signedOn: today, witness: 'W', language: 'ar' });
    expect(uninformed.json()).toMatchObject({ reason: 'step_out_of_order' });
    expect(uninformed.json().detail).toContain('counselling');
    const zone = await post(client, `${person}/zone-information`, { language: 'en', publicationId });
    expect(zone.json()).toMatchObject({ reason: 'step_out_of_order' });

    const child = await post(client, `${id}/people/${personIds[1]}/intention`, { on: lastMonth });
    expect(child.statusCode).toBe(409);
    expect(child.json()).toMatchObject({ reason: 'no_file_for_child' });

    const future = await post(client, `${person}/counselling-sessions`, {
      heldOn: dayAfter(new Date(), 3),
      language: 'ar',
      private: true,
    });
    expect(future.json()).toMatchObject({ reason: 'date_in_future' });
    const before = await post(client, `${person}/counselling-sessions`, {
      heldOn: dayAfter(new Date(), -60),
      language: 'ar',
      private: true,
    });
    expect(before.json()).toMatchObject({ reason: 'date_before_previous_step' });

    const files = (
      await client.request({ method: 'GET', url: `/api/v1/cases/households/${id}/voluntariness` })
    ).json<HouseholdVoluntariness>();
    // Only the adult has a file; the stage follows the first step.
    expect(files.files.map((file) => [file.personId, file.nextStep])).toEqual([[personIds[0], 'counselling']]);
    expect(files.stage).toBe('counselling');
  });

  it('refuses a declaration without a witness and writes nothing', async () => {
    const { id, personIds } = await household();
    await stepsUpTo(id, personIds[0]!, 'declaration');
    const before = await db().select().from(auditEntries).where(eq(auditEntries.eventType, 'cases.declaration_signed'));
    for (const witness of [undefined, '   ']) {
      const refused = await post(client, `${id}/people/${personIds[0]}/declaration`, {
        signedOn: today,
        language: 'ar',
        ...(witness === undefined ? {} : { witness }),
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({ code: 'validation_failed', reason: 'declaration_without_witness' });
    }
    const [file] = await db()
      .select()
      .from(caseVoluntarinessFiles)
      .where(eq(caseVoluntarinessFiles.personId, personIds[0]!));
    expect(file).toMatchObject({ status: 'open', declarationSignedOn: null, declarationWitnessEnc: null });
    const after = await db().select().from(auditEntries).where(eq(auditEntries.eventType, 'cases.declaration_signed'));
    expect(after.length).toBe(before.length);
    const [row] = await db().select().from(caseHouseholds).where(eq(caseHouseholds.id, id));
    expect(row!.stage).toBe('counselling');
  });

  it('ends the cooling-off by the configured days, declares the household and opens its eligibility decision', async () => {
    const { id, personIds } = await household();
    await stepsUpTo(id, personIds[0]!, 'end');
    const view = (
      await client.request({ method: 'GET', url: `/api/v1/cases/households/${id}/voluntariness` })
    ).json<HouseholdVoluntariness>();
    expect(view.stage).toBe('declared');
    expect(view.destination).toMatchObject({ pcode: 'QM0101', zoneName: { en: 'Alder' } });
    const [file] = view.files;
    expect(file).toMatchObject({
      status: 'complete',
      nextStep: 'cooling_off',
      coolingOffDays: COOLING_OFF_DAYS,
      coolingOffEndsOn: dayAfter(new Date(`${today}T00:00:00Z`), COOLING_OFF_DAYS),
      intention: 'I want to go home',
      declaration: { signedOn: today, witness: 'Amal Witness', language: 'ar', scan: false },
    });
    expect(file!.sessions[0]).toMatchObject({ notes: 'Talked about schools at home', private: true });
    // The witness's name is encrypted at rest.
    const [stored] = await db()
      .select()
      .from(caseVoluntarinessFiles)
      .where(eq(caseVoluntarinessFiles.id, file!.fileId!));
    expect(stored!.declarationWitnessEnc).not.toContain('Amal');

    const decisions = await db().select().from(caseDecisions).where(eq(caseDecisions.householdId, id));
    expect(decisions).toEqual([
      expect.objectContaining({
        kind: 'eligibility',
        status: 'pending',
        organisationId: worker.organisationId,
        dueOn: dayAfter(new Date(), env.config.serviceLevels.eligibility),
      }),
    ]);
    const eligibility = await client.request({ method: 'GET', url: `/api/v1/cases/households/${id}/eligibility` });
    expect(eligibility.json().rows[0]).toMatchObject({
      rule: 'voluntariness_complete',
      passed: false,
      reason: 'cooling_off',
      params: { until: file!.coolingOffEndsOn },
    });
  });

  it('gives the scanned declaration back, byte for byte, to those who may read the household, and logs the opening', async () => {
    const { id, personIds } = await household();
    const personId = personIds[0]!;
    await stepsUpTo(id, personId, 'declaration');
    const scanUrl = `/api/v1/cases/households/${id}/people/${personId}/declaration/scan`;
    // Before a declaration there is no scan: 404 with the reason.
    const before = await client.request({ method: 'GET', url: scanUrl });
    expect(before.statusCode).toBe(404);
    expect(before.headers['content-type']).toContain('application/problem+json');
    expect(before.json()).toMatchObject({ code: 'not_found', reason: 'no_declaration_scan' });

    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from([0, 1, 2, 250, 251, 252, 253, 254, 255])]);
    const declared = await post(client, `${id}/people/${personId}/declaration`, {
      signedOn: today,
      witness: 'Amal Witness',
      language: 'ar',
      scan: pdf.toString('base64'),
    });
    expect(declared.statusCode, declared.body).toBe(200);
    expect(declared.json<HouseholdVoluntariness>().files[0]!.declaration!.scan).toBe(true);
    const [stored] = await db()
      .select({ scan: caseVoluntarinessFiles.declarationScanEnc })
      .from(caseVoluntarinessFiles)
      .where(eq(caseVoluntarinessFiles.personId, personId));
    expect(stored!.scan).not.toContain(pdf.toString('base64'));

    const got = await client.request({ method: 'GET', url: scanUrl });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-disposition']).toMatch(
      /^attachment; filename="declaration-[A-Z0-9-]+\.pdf"; filename\*=UTF-8''declaration-/,
    );
    expect(got.headers['cache-control']).toContain('no-store');
    expect(got.rawPayload.equals(pdf)).toBe(true);
    const opened = await db()
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.recordType, 'case_declaration_scan'), eq(accessLog.recordId, personId)));
    expect(opened).toEqual([
      expect.objectContaining({
        actorUserId: worker.userId,
        organisationId: worker.organisationId,
        purpose: 'case_management',
      }),
    ]);

    // Another organisation learns nothing: 404, and nothing is logged for it.
    const other = await outsider.request({ method: 'GET', url: scanUrl });
    expect(other.statusCode).toBe(404);
    expect(other.json()).toMatchObject({ code: 'not_found' });
    expect(other.json().reason).toBeUndefined();
    const logged = await db()
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.recordType, 'case_declaration_scan'), eq(accessLog.recordId, personId)));
    expect(logged).toHaveLength(1);

    // A member whose file has no scan: 404.
    const plain = await household();
    await stepsUpTo(plain.id, plain.personIds[0]!, 'end');
    const none = await client.request({
      method: 'GET',
      url: `/api/v1/cases/households/${plain.id}/people/${plain.personIds[0]}/declaration/scan`,
    });
    expect(none.statusCode).toBe(404);
    expect(none.json()).toMatchObject({ code: 'not_found', reason: 'no_declaration_scan' });
  });

  it('stores the zone class and explanation as shown, and refuses a screen showing an outdated class', async () => {
    const { id, personIds } = await household();
    const person = `${id}/people/${personIds[0]}`;
    await post(client, `${person}/intention`, { on: lastMonth });
    await post(client, `${person}/counselling-sessions`, { heldOn: today, language: 'ar', private: false });
    const stale = await post(client, `${person}/zone-information`, { language: 'ar', publicationId: null });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ reason: 'zone_information_changed' });

    const given = await post(client, `${person}/zone-information`, { language: 'fr', publicationId });
    expect(given.statusCode).toBe(200);
    const [row] = await db()
      .select()
      .from(caseZoneInformation)
      .innerJoin(caseVoluntarinessFiles, eq(caseVoluntarinessFiles.id, caseZoneInformation.fileId))
      .where(eq(caseVoluntarinessFiles.personId, personIds[0]!));
    expect(row!.case_zone_information).toMatchObject({
      givenOn: today,
      pcode: 'QM0101',
      zoneClass: 'conducive',
      period: today.slice(0, 7),
      publicationId,
      language: 'fr',
    });
    expect(row!.case_zone_information.shown).toMatchObject({
      class: 'conducive',
      publicationId,
      frameworkVersion: 1,
      language: 'fr',
      summary: expect.any(String),
    });
    expect(given.json<HouseholdVoluntariness>().files[0]!.zoneInformation[0]).toMatchObject({
      zoneClass: 'conducive',
      publicationId,
    });
  });

  it('raises a protection flag from a coercion indicator; eligibility fails until a protection officer closes it', async () => {
    const { id, personIds } = await household();
    const person = `${id}/people/${personIds[0]}`;
    await post(client, `${person}/intention`, { on: lastMonth });
    const session = await post(client, `${person}/counselling-sessions`, {
      heldOn: today,
      language: 'ku',
      private: false,
      coercionIndicators: ['withheld_aid', 'threats'],
    });
    const [flag] = session.json<HouseholdVoluntariness>().flags;
    expect(flag).toMatchObject({ status: 'open', personId: personIds[0], indicators: ['withheld_aid', 'threats'] });
    const rows = (await client.request({ method: 'GET', url: `/api/v1/cases/households/${id}/eligibility` })).json()
      .rows;
    expect(rows[1]).toMatchObject({ rule: 'no_open_protection_flag', passed: false, params: { count: 1 } });

    const byWorker = await post(client, `${id}/protection-flags/${flag!.id}/closure`, { resolution: 'Talked alone' });
    expect(byWorker.statusCode).toBe(403);
    const closed = await post(protection, `${id}/protection-flags/${flag!.id}/closure`, {
      resolution: 'Met the person alone; aid restored',
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json<HouseholdVoluntariness>().flags[0]).toMatchObject({
      status: 'closed',
      resolution: 'Met the person alone; aid restored',
    });
    const again = await post(protection, `${id}/protection-flags/${flag!.id}/closure`, { resolution: 'x' });
    expect(again.json()).toMatchObject({ reason: 'flag_closed' });
    const after = (await client.request({ method: 'GET', url: `/api/v1/cases/households/${id}/eligibility` })).json()
      .rows;
    expect(after[1]).toMatchObject({ passed: true });

    const byHand = await post(client, `${id}/protection-flags`, { indicators: ['detention'] });
    expect(byHand.json<HouseholdVoluntariness>().flags.filter((f) => f.status === 'open')).toHaveLength(1);
  });

  it('lets a person withdraw, holds nothing against a new intention, and withdraws the household when all have', async () => {
    const { id, personIds } = await household([
      { relationship: 'head', dateOfBirth: '1980-01-01' },
      { relationship: 'spouse', dateOfBirth: '1982-01-01' },
    ]);
    for (const personId of personIds) await stepsUpTo(id, personId, 'declaration');
    const first = await post(client, `${id}/people/${personIds[0]}/withdrawal`, { reason: 'Wants to wait' });
    expect(first.statusCode).toBe(200);
    expect(first.json<HouseholdVoluntariness>().stage).toBe('counselling');
    const second = await post(client, `${id}/people/${personIds[1]}/withdrawal`, {});
    const view = second.json<HouseholdVoluntariness>();
    expect(view.stage).toBe('withdrawn');
    expect(view.files.map((file) => file.status)).toEqual(['withdrawn', 'withdrawn']);
    expect(view.files[0]!.withdrawalReason).toBe('Wants to wait');
    expect((await post(client, `${id}/people/${personIds[1]}/withdrawal`, {})).json()).toMatchObject({
      reason: 'already_withdrawn',
    });

    // A new intention opens the file again from its first step: the earlier session counted for the earlier one.
    const back = await post(client, `${id}/people/${personIds[0]}/intention`, { on: today });
    expect(back.statusCode).toBe(200);
    const reopened = back.json<HouseholdVoluntariness>();
    expect(reopened.stage).toBe('counselling');
    expect(reopened.files[0]).toMatchObject({ status: 'open', intentionOn: today, nextStep: 'counselling' });
    expect(reopened.files[0]!.sessions).toHaveLength(1);
    const refused = await post(client, `${id}/people/${personIds[0]}/declaration`, {
      signedOn: today,
      witness: 'W',
      language: 'ar',
    });
    expect(refused.json()).toMatchObject({ reason: 'step_out_of_order' });
  });

  it('withdraws a household whose departure was scheduled once everyone withdraws', async () => {
    const { id, personIds } = await household();
    await stepsUpTo(id, personIds[0]!, 'end');
    await db().update(caseHouseholds).set({ stage: 'departure_scheduled' }).where(eq(caseHouseholds.id, id));
    const withdrawn = await post(client, `${id}/people/${personIds[0]}/withdrawal`, {});
    expect(withdrawn.json<HouseholdVoluntariness>().stage).toBe('withdrawn');
    await db().update(caseHouseholds).set({ stage: 'departed' }).where(eq(caseHouseholds.id, id));
    const late = await post(client, `${id}/people/${personIds[0]}/intention`, { on: today });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ reason: 'already_departed' });
  });

  it('records needs plans and documents, which eligibility reads', async () => {
    const { id, personIds } = await household([
      { relationship: 'head', dateOfBirth: '1950-01-01', needs: [{ need: 'serious_medical_condition' }] },
    ]);
    const rows = async () =>
      (await client.request({ method: 'GET', url: `/api/v1/cases/households/${id}/eligibility` })).json().rows;
    expect((await rows())[2]).toMatchObject({ rule: 'needs_planned', passed: false, params: { count: 1 } });
    const unknown = await post(client, `${id}/people/${personIds[0]}/needs-plan`, {
      plans: [{ need: 'disability', plan: 'Wheelchair' }],
    });
    expect(unknown.json()).toMatchObject({ reason: 'need_not_recorded' });
    const planned = await post(client, `${id}/people/${personIds[0]}/needs-plan`, {
      plans: [{ need: 'serious_medical_condition', plan: 'Dialysis arranged at the district hospital' }],
    });
    expect(planned.statusCode).toBe(200);
    expect((await rows())[2]).toMatchObject({ passed: true });

    const missing = await client.request({
      method: 'PUT',
      url: `/api/v1/cases/households/${id}/people/${personIds[0]}/document-status`,
      payload: { status: 'missing' },
    });
    expect(missing.statusCode).toBe(200);
    expect((await rows())[3]).toMatchObject({ rule: 'documents_ready', passed: false });
  });

  it("hides another organisation's household (404), to reads and writes alike", async () => {
    const { id, personIds } = await household();
    for (const response of [
      await outsider.request({ method: 'GET', url: `/api/v1/cases/households/${id}/voluntariness` }),
      await outsider.request({ method: 'GET', url: `/api/v1/cases/households/${id}/eligibility` }),
      await post(outsider, `${id}/people/${personIds[0]}/intention`, { on: today }),
      await post(outsider, `${id}/protection-flags`, { indicators: ['threats'] }),
    ]) {
      expect(response.statusCode).toBe(404);
    }
    const files = await db().select().from(caseVoluntarinessFiles).where(eq(caseVoluntarinessFiles.householdId, id));
    expect(files).toEqual([]);
    // A person of another household is not found through this one.
    const other = await household();
    const crossed = await post(client, `${id}/people/${other.personIds[0]}/intention`, { on: today });
    expect(crossed.statusCode).toBe(404);
    const none = await db()
      .select()
      .from(caseVoluntarinessFiles)
      .where(and(eq(caseVoluntarinessFiles.householdId, id)));
    expect(none).toEqual([]);
  });
});
