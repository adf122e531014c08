import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import type { FollowUp, FollowUpLink, FollowUpPage } from '../../shared/outcomes/schemas/follow-ups.ts';
import type { MyWork } from '../../shared/work.ts';
import { caseFollowUpStatuses, insertTestArrival } from '../cases/follow-up-schedule-test-support.ts';
import { insertTestHousehold } from '../cases/test-support.ts';
import { auditEntries } from '../platform/audit/schema.ts';
import { createTestAccount, createTestOrganisation, signIn, type TestClient } from '../platform/auth/test-support.ts';
import { dataSharingAgreements } from '../platform/policy/schema.ts';
import { createTestZones } from '../zones/test-support.ts';
import { addDays, dayOf, openDueFollowUps } from './follow-ups.ts';
import { insertTestInstrument } from './follow-ups-test-support.ts';
import { outcomeFollowUps, outcomeResponses } from './tables.ts';

/**
 * Follow-ups through the API: opened from the cases schedule when they come due, assigned by the household's
 * owner to a field organisation under a monitoring agreement, attempts, the lost rule, answers recorded (and
 * refused as the form refuses them), the household's link issued, and nobody else reaching any of it.
 */
let env: TestEnvironment;
let ownerOrg: string;
let fieldOrg: string;
let strangerOrg: string;
let owner: TestClient;
let ownerWorker: TestClient;
let field: TestClient;
let fieldWorker: TestClient;
let stranger: TestClient;
let agreementId: string;
let instrumentId: string;
const households: { id: string; reference: string }[] = [];
const today = dayOf(new Date());

const answers = {
  consent_interview: 'yes',
  head_sex: 'female',
  head_age: 46,
  school_age_children: 2,
  children_out_of_school: 1,
};

beforeAll(async () => {
  env = await createTestEnvironment();
  const db = env.database.db;
  await createTestZones(db);
  ownerOrg = (await createTestOrganisation(env.app, { name: 'Owner centre' })).id;
  fieldOrg = (await createTestOrganisation(env.app, { name: 'Field partner', kind: 'civil_society' })).id;
  strangerOrg = (await createTestOrganisation(env.app, { name: 'Stranger', kind: 'civil_society' })).id;
  const coordinator = await createTestAccount(env.app, { roles: ['coordinator'], organisationId: ownerOrg });
  owner = await signIn(env.app, coordinator);
  ownerWorker = await signIn(
    env.app,
    await createTestAccount(env.app, { roles: ['case_worker'], organisationId: ownerOrg }),
  );
  field = await signIn(
    env.app,
    await createTestAccount(env.app, { roles: ['field_monitor'], organisationId: fieldOrg }),
  );
  fieldWorker = await signIn(
    env.app,
    await createTestAccount(env.app, { roles: ['case_worker'], organisationId: fieldOrg }),
  );
  stranger = await signIn(
    env.app,
    await createTestAccount(env.app, { roles: ['case_worker'], organisationId: strangerOrg }),
  );
  // Three returned households: one arrived 40 days ago (its first follow-up overdue), two 20 days ago.
  for (const [index, daysAgo] of [40, 20, 20].entries()) {
    const household = await insertTestHousehold(db, env.app.platform.keyring, {
      organisationId: ownerOrg,
      members: [
        {
          relationship: 'head',
          sex: 'female',
          dateOfBirth: '1980-04-02',
          needs: index === 0 ? [{ need: 'disability' }] : [{ need: 'single_parent' }],
        },
        { relationship: 'child', sex: 'male', dateOfBirth: '2015-06-01' },
      ],
    });
    await insertTestArrival(db, household, addDays(today, -daysAgo), coordinator.userId);
    households.push(household);
  }
  instrumentId = await insertTestInstrument(db);
  const [agreement] = await db
    .insert(dataSharingAgreements)
    .values({
      fromOrganisationId: ownerOrg,
      toOrganisationId: fieldOrg,
      purpose: 'post_return_monitoring',
      dataCategories: ['outcome'],
      expiresAt: new Date(Date.now() + 30 * 86_400_000),
      createdBy: coordinator.userId,
    })
    .returning();
  agreementId = agreement!.id;
});
afterAll(() => env.close());

const list = async (client: TestClient, query = '') => {
  const response = await client.request({ method: 'GET', url: `/api/v1/outcomes/follow-ups${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<FollowUpPage>();
};
const post = (client: TestClient, url: string, payload?: unknown) =>
  client.request({ method: 'POST', url: `/api/v1/outcomes/follow-ups/${url}`, payload: payload ?? {} });
const followUpOf = async (householdIndex: number) => {
  const page = await list(owner);
  return page.items.find((item) => item.householdId === households[householdIndex]!.id)!;
};
const expectProblem = (response: { statusCode: number; json: () => unknown }, status: number, reason?: string) => {
  expect(response.statusCode).toBe(status);
  if (reason) expect((response.json() as { reason: string }).reason).toBe(reason);
};

describe('opening follow-ups as they come due', () => {
  it('opens each household’s first follow-up within the lead days, copying what the scores are split by', async () => {
    const page = await list(owner);
    expect(page.total).toBe(3);
    const first = page.items.find((item) => item.householdId === households[0]!.id)!;
    expect(first).toMatchObject({
      status: 'due',
      round: 1,
      reference: households[0]!.reference,
      headSex: 'female',
      headAgeGroup: '40-59',
      disability: true,
      overdue: true,
      cohort: addDays(today, -40).slice(0, 7),
      pcode: 'QM0101',
      stateCode: 'QM',
      owned: true,
      assigned: false,
    });
    // A single parent is a specific need, not a disability.
    expect(page.items.find((item) => item.householdId === households[1]!.id)).toMatchObject({
      disability: false,
      overdue: false,
    });
    expect((await caseFollowUpStatuses(env.database.db, households[0]!.id)).get(1)).toBe('open');
    expect((await caseFollowUpStatuses(env.database.db, households[0]!.id)).get(3)).toBe('scheduled');
    const opened = await env.database.db
      .select()
      .from(auditEntries)
      .where(eq(auditEntries.eventType, 'outcomes.follow_ups_opened'));
    expect(opened).toHaveLength(1);
  });

  it('is idempotent: opening again opens nothing and writes no audit entry', async () => {
    const db = env.database.db;
    expect(await openDueFollowUps(db, env.app.platform.keyring, today, 14)).toBe(0);
    expect(await db.select().from(outcomeFollowUps)).toHaveLength(3);
    // With a longer lead, the 3-month follow-up of the households that arrived 40 days ago comes due.
    expect(await openDueFollowUps(db, env.app.platform.keyring, today, 60)).toBe(1);
    expect(await openDueFollowUps(db, env.app.platform.keyring, today, 60)).toBe(0);
  });

  it('filters by status, round, zone and overdue', async () => {
    expect((await list(owner, '?round=3')).total).toBe(1);
    expect((await list(owner, '?overdue=true')).items.map((item) => item.householdId)).toEqual([households[0]!.id]);
    expect((await list(owner, '?zone=QM01')).total).toBe(4);
    expect((await list(owner, '?zone=QT')).total).toBe(0);
    expect((await list(owner, `?dueBefore=${today}`)).total).toBe(1);
    const bad = await owner.request({ method: 'GET', url: '/api/v1/outcomes/follow-ups?round=2' });
    expect(bad.statusCode).toBe(400);
  });
});

describe('the staff home’s follow-up counts', () => {
  const workOf = async (client: TestClient) => {
    const response = await client.request({ method: 'GET', url: '/api/v1/me/work' });
    expect(response.statusCode, response.body).toBe(200);
    return new Map(response.json<MyWork>().items.map((item) => [item.kind, item.count]));
  };

  it('counts the follow-ups to assign, to do and overdue for the person’s organisation only', async () => {
    const owned = await workOf(owner);
    expect(owned.get('outcomes.follow_ups_to_assign')).toBe(4);
    // Said only when there is some: nothing is assigned to the owner's own organisation.
    expect(owned.has('outcomes.follow_ups_to_do')).toBe(false);
    expect(owned.get('outcomes.follow_ups_overdue')).toBe(1);
    // A field monitor does follow-ups but does not assign them; nothing is assigned to its organisation yet.
    const fieldWork = await workOf(field);
    expect(fieldWork.has('outcomes.follow_ups_to_assign')).toBe(false);
    expect(fieldWork.has('outcomes.follow_ups_to_do')).toBe(false);
    expect(fieldWork.has('outcomes.follow_ups_overdue')).toBe(false);
    expect((await workOf(stranger)).has('outcomes.follow_ups_overdue')).toBe(false);
  });
});

describe('who reaches a follow-up', () => {
  it('hides them from other organisations: the list is empty and an id is 404', async () => {
    const followUp = await followUpOf(0);
    expect((await list(stranger)).total).toBe(0);
    expectProblem(
      await stranger.request({ method: 'GET', url: `/api/v1/outcomes/follow-ups/${followUp.id}` }),
      404,
      'outcome_follow_up',
    );
    expectProblem(await post(stranger, `${followUp.id}/attempts`, { reached: false }), 404);
    expectProblem(await post(stranger, `${followUp.id}/link`), 404);
    expectProblem(await post(stranger, `${followUp.id}/lost`, { reason: 'declined' }), 404);
    // The field organisation sees nothing before it is assigned anything.
    expect((await list(field)).total).toBe(0);
  });
});

describe('assigning and doing a follow-up', () => {
  it('refuses steps out of order with a reason', async () => {
    const followUp = await followUpOf(0);
    expectProblem(await post(owner, `${followUp.id}/attempts`, { reached: true }), 409, 'follow_up_not_assigned');
    expectProblem(await post(owner, `${followUp.id}/link`), 409, 'follow_up_not_assigned');
    expectProblem(
      await post(owner, `${followUp.id}/responses`, { answers, collectedOn: today }),
      409,
      'follow_up_not_assigned',
    );
    expectProblem(
      await post(owner, `${followUp.id}/assignment`, { organisationId: strangerOrg, mode: 'phone' }),
      409,
      'follow_up_no_agreement',
    );
  });

  it('lets the owner assign to a partner under a monitoring agreement, and only the owner', async () => {
    const followUp = await followUpOf(0);
    const organisations = await owner.request({ method: 'GET', url: '/api/v1/outcomes/follow-up-organisations' });
    expect(organisations.json<{ id: string }[]>().map((org) => org.id)).toEqual([ownerOrg, fieldOrg]);
    const assigned = await post(owner, `${followUp.id}/assignment`, { organisationId: fieldOrg, mode: 'phone' });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json<FollowUp>()).toMatchObject({
      status: 'assigned',
      mode: 'phone',
      assignedOrganisationId: fieldOrg,
    });
    const seen = await list(field);
    expect(seen.items.map((item) => item.id)).toEqual([followUp.id]);
    expect(seen.items[0]).toMatchObject({ owned: false, assigned: true });
    expectProblem(
      await post(fieldWorker, `${followUp.id}/assignment`, { organisationId: fieldOrg, mode: 'visit' }),
      403,
      'follow_up_owner_only',
    );
    expectProblem(
      await post(owner, `${followUp.id}/attempts`, { reached: false }),
      409,
      'follow_up_assigned_elsewhere',
    );
  });

  it('moves a missed attempt to retry, and after the last one only takes lost, with a reason', async () => {
    const followUp = await followUpOf(0);
    const first = await post(field, `${followUp.id}/attempts`, { reached: false });
    expect(first.json<FollowUp>()).toMatchObject({ status: 'retry', attempts: 1, nextAttemptOn: addDays(today, 7) });
    await post(field, `${followUp.id}/attempts`, { reached: false });
    const third = await post(field, `${followUp.id}/attempts`, { reached: false });
    expect(third.json<FollowUp>()).toMatchObject({ status: 'retry', attempts: 3, nextAttemptOn: null });
    expectProblem(await post(field, `${followUp.id}/attempts`, { reached: true }), 409, 'follow_up_attempts_exhausted');
    expect((await post(field, `${followUp.id}/lost`, {})).statusCode).toBe(400);
    expect((await post(field, `${followUp.id}/lost`, { reason: 'lost_somehow' })).statusCode).toBe(400);
    const lost = await post(field, `${followUp.id}/lost`, { reason: 'not_reached' });
    expect(lost.json<FollowUp>()).toMatchObject({ status: 'lost', lostReason: 'not_reached' });
    expect((await caseFollowUpStatuses(env.database.db, households[0]!.id)).get(1)).toBe('lost');
    expectProblem(await post(field, `${followUp.id}/attempts`, { reached: true }), 409, 'follow_up_closed');
    expectProblem(
      await post(owner, `${followUp.id}/assignment`, { organisationId: ownerOrg, mode: 'visit' }),
      409,
      'follow_up_closed',
    );
  });

  it('lets the owner mark a follow-up lost early, with a reason', async () => {
    const followUp = (await list(owner, '?round=3')).items[0]!;
    const lost = await post(ownerWorker, `${followUp.id}/lost`, { reason: 'moved_away' });
    expect(lost.statusCode, lost.body).toBe(200);
    expect(lost.json<FollowUp>().status).toBe('lost');
  });
});

describe('recording answers', () => {
  it('refuses answers the form refuses, naming each field, and writes nothing', async () => {
    const followUp = await followUpOf(1);
    await post(owner, `${followUp.id}/assignment`, { organisationId: ownerOrg, mode: 'visit' });
    const notRelevant = await post(owner, `${followUp.id}/responses`, {
      answers: { ...answers, school_age_children: 0, children_out_of_school: 1 },
      collectedOn: today,
    });
    expect(notRelevant.statusCode).toBe(400);
    expect(notRelevant.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'body.answers.children_out_of_school', code: 'not_relevant' }],
    });
    const broken = await post(owner, `${followUp.id}/responses`, {
      answers: { ...answers, children_out_of_school: 3 },
      collectedOn: today,
    });
    expect(broken.json()).toMatchObject({
      errors: [{ field: 'body.answers.children_out_of_school', code: 'constraint' }],
    });
    const future = await post(owner, `${followUp.id}/responses`, { answers, collectedOn: addDays(today, 2) });
    expect(future.json()).toMatchObject({ errors: [{ field: 'body.collectedOn' }] });
    expect(await env.database.db.select().from(outcomeResponses)).toHaveLength(0);
    expect((await followUpOf(1)).status).toBe('assigned');
  });

  it('records a household’s answers, marks the follow-up and its schedule done, and takes no second set', async () => {
    const followUp = await followUpOf(1);
    const recorded = await post(owner, `${followUp.id}/responses`, { answers, collectedOn: today });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const { id } = recorded.json<{ id: string }>();
    const [row] = await env.database.db.select().from(outcomeResponses).where(eq(outcomeResponses.id, id));
    expect(row).toMatchObject({
      population: 'returnee',
      source: 'web',
      followUpId: followUp.id,
      householdId: households[1]!.id,
      instrumentId,
      round: 1,
      headSex: 'female',
      disability: false,
    });
    expect(row!.answersEnc).not.toContain('female');
    expect(await followUpOf(1)).toMatchObject({ status: 'done', responseId: id });
    expect((await caseFollowUpStatuses(env.database.db, households[1]!.id)).get(1)).toBe('done');
    expectProblem(
      await post(owner, `${followUp.id}/responses`, { answers, collectedOn: today }),
      409,
      'follow_up_closed',
    );
    const audit = await env.database.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.eventType, 'outcomes.response_recorded')));
    expect(audit).toHaveLength(1);
  });

  it('records a resident household’s round with the head’s attributes from the answers', async () => {
    const response = await owner.request({
      method: 'POST',
      url: '/api/v1/outcomes/responses',
      payload: { instrumentId, pcode: 'QM0101', round: 3, answers, collectedOn: today },
    });
    expect(response.statusCode, response.body).toBe(201);
    const [row] = await env.database.db
      .select()
      .from(outcomeResponses)
      .where(eq(outcomeResponses.id, response.json<{ id: string }>().id));
    expect(row).toMatchObject({ population: 'resident', headAgeGroup: '40-59', householdId: null, round: 3 });
    const unknownZone = await owner.request({
      method: 'POST',
      url: '/api/v1/outcomes/responses',
      payload: { instrumentId, pcode: 'QZ99', round: 3, answers, collectedOn: today },
    });
    expect(unknownZone.json()).toMatchObject({ errors: [{ field: 'body.pcode' }] });
  });
});

describe('the household’s link', () => {
  it('gives the code once and keeps only its keyed hash', async () => {
    const followUp = await followUpOf(2);
    await post(owner, `${followUp.id}/assignment`, { organisationId: fieldOrg, mode: 'link' });
    const issued = await post(field, `${followUp.id}/link`);
    expect(issued.statusCode, issued.body).toBe(200);
    const link = issued.json<FollowUpLink>();
    expect(link.code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){6}$/);
    expect(link.page).toBe('/follow-up');
    const [row] = await env.database.db.select().from(outcomeFollowUps).where(eq(outcomeFollowUps.id, followUp.id));
    expect(row!.linkTokenHash).toBeTruthy();
    expect(row!.linkTokenHash).not.toContain(link.code.replaceAll('-', ''));
    const detail = await field.request({ method: 'GET', url: `/api/v1/outcomes/follow-ups/${followUp.id}` });
    expect(detail.body).not.toContain(link.code);
    expect(detail.json<FollowUp>().linkExpiresAt).not.toBeNull();
  });

  it('ends the partner’s reach when the agreement is revoked', async () => {
    const followUp = await followUpOf(2);
    await env.database.db
      .update(dataSharingAgreements)
      .set({ revokedAt: new Date() })
      .where(eq(dataSharingAgreements.id, agreementId));
    expect((await list(field)).total).toBe(0);
    expectProblem(await post(field, `${followUp.id}/link`), 404);
  });
});
