import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import { publicFormServer, type RenderedPage } from '../../../test/support/public-form.ts';
import type { FollowUp, FollowUpLink } from '../../shared/outcomes/schemas/follow-ups.ts';
import type { FollowUpPageAnswer, LinkFormPage } from '../../web/public/outcomes/answers.ts';
import { caseFollowUpStatuses, insertTestArrival } from '../cases/follow-up-schedule-test-support.ts';
import { insertTestHousehold } from '../cases/test-support.ts';
import { createTestAccount, signIn, type TestClient } from '../platform/auth/test-support.ts';
import { createTestZones } from '../zones/test-support.ts';
import { addDays, dayOf } from './follow-ups.ts';
import { insertTestInstrument } from './follow-ups-test-support.ts';
import { followUpLinkForm } from './link-page.ts';
import { outcomeFollowUps, outcomeResponses } from './tables.ts';

/**
 * The household's follow-up form as a browser without JavaScript posts it: the code, then the survey a page at a
 * time with only the relevant questions, the form's own messages beside a field, the answers recorded with source
 * `link`, and the code refused after that, when expired, when wrong, and past the hourly allowance.
 */
const REQUESTS_PER_HOUR = 12;
let env: TestEnvironment;
let web: FastifyInstance;
let coordinator: TestClient;
let rendered: RenderedPage[] = [];
const today = dayOf(new Date());

beforeAll(async () => {
  env = await createTestEnvironment({
    outcomeFollowUps: { leadDays: 14, retryDays: 7, attempts: 3, linkDays: 14, linkRequestsPerHour: REQUESTS_PER_HOUR },
  });
  const db = env.database.db;
  await createTestZones(db);
  const account = await createTestAccount(env.app, { roles: ['coordinator'] });
  coordinator = await signIn(env.app, account);
  for (let i = 0; i < 3; i++) {
    const household = await insertTestHousehold(db, env.app.platform.keyring, {
      organisationId: account.organisationId,
    });
    await insertTestArrival(db, household, addDays(today, -20), account.userId);
  }
  await insertTestInstrument(db);
  ({ web, rendered } = await publicFormServer(env, followUpLinkForm, 'ar'));
});
afterAll(async () => {
  await web.close();
  await env.close();
});

/** Issues a link for one of the household's follow-ups, assigned to the coordinator's own organisation. */
async function issued(): Promise<{ followUp: FollowUp; code: string }> {
  const list = await coordinator.request({ method: 'GET', url: '/api/v1/outcomes/follow-ups?status=due' });
  const followUp = list.json<{ items: FollowUp[] }>().items[0]!;
  await coordinator.request({
    method: 'POST',
    url: `/api/v1/outcomes/follow-ups/${followUp.id}/assignment`,
    payload: { organisationId: followUp.organisationId, mode: 'link' },
  });
  const link = await coordinator.request({ method: 'POST', url: `/api/v1/outcomes/follow-ups/${followUp.id}/link` });
  return { followUp, code: link.json<FollowUpLink>().code };
}

let address = 0;
const post = async (fields: Record<string, string>, from = `10.9.0.${++address}`) => {
  rendered.length = 0;
  const response = await web.inject({
    method: 'POST',
    url: '/follow-up',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
    remoteAddress: from,
  });
  const sent = rendered[0]!.forms['outcome-follow-up']!;
  return { response, sent, answer: sent.answer as FollowUpPageAnswer | undefined };
};
const pageOf = (answer: FollowUpPageAnswer | undefined): LinkFormPage => {
  if (!answer || !('page' in answer)) throw new Error(`no page: ${JSON.stringify(answer)}`);
  return answer.page;
};
/** The next post from a page: its hidden fields, and the answers given. */
const from = (page: LinkFormPage, action: string, given: Record<string, string>) => ({
  code: page.code,
  lang: page.language,
  page: String(page.index),
  answers: page.carried,
  shown: page.fields.map((field) => field.name.slice(2)).join(','),
  action,
  ...given,
});

describe('the household’s follow-up form', () => {
  it('takes a household from its code to its answers recorded, one page at a time, relevant questions only', async () => {
    const { followUp, code } = await issued();
    const ip = '10.9.1.1';
    // Typed as a person would: lower case, spaces instead of dashes. Labels in the language chosen.
    const opened = await post({ action: 'open', code: code.toLowerCase().replaceAll('-', ' '), lang: 'ar' }, ip);
    expect(opened.response.statusCode).toBe(200);
    const consent = pageOf(opened.answer);
    expect(consent.language).toBe('ar');
    expect(consent.fields.map((field) => field.name)).toEqual(['q.consent_interview']);
    expect(consent.fields[0]!.label).toBe('هل توافق على الإجابة؟');
    expect(JSON.stringify(opened.sent)).not.toContain(followUp.reference);

    // Nothing chosen: the question is required, beside it.
    const unanswered = await post(from(consent, 'next', {}), ip);
    expect(unanswered.response.statusCode).toBe(422);
    expect(pageOf(unanswered.answer).fields[0]!.problem).toEqual({ key: 'outcomes.link.problem.required' });

    const household = pageOf((await post(from(consent, 'next', { 'q.consent_interview': 'yes' }), ip)).answer);
    expect(household.index).toBe(1);
    expect(household.fields.map((field) => field.name)).toEqual(['q.head_sex', 'q.head_age']);
    // An age out of range: the form's own message, in Arabic, and what was chosen kept.
    const tooOld = await post(from(household, 'next', { 'q.head_sex': 'female', 'q.head_age': '١٢٠' }), ip);
    expect(tooOld.response.statusCode).toBe(422);
    const again = pageOf(tooOld.answer);
    expect(again.fields[1]!.problem).toEqual({ text: 'بين 15 و110' });
    expect(again.fields[0]!.value).toBe('female');

    // The social page: with no school-age children, the out-of-school question is not asked.
    const social = pageOf((await post(from(again, 'next', { 'q.head_sex': 'female', 'q.head_age': '٤٦' }), ip)).answer);
    expect(social.fields.map((field) => field.name)).toEqual(['q.school_age_children']);
    // Two children: the question it makes relevant is added to the same page before going on.
    const more = pageOf((await post(from(social, 'next', { 'q.school_age_children': '2' }), ip)).answer);
    expect(more.more).toBe(true);
    expect(more.fields.map((field) => field.name)).toEqual(['q.school_age_children', 'q.children_out_of_school']);
    const broken = await post(
      from(more, 'next', { 'q.school_age_children': '2', 'q.children_out_of_school': '5' }),
      ip,
    );
    expect(pageOf(broken.answer).fields[1]!.problem).toEqual({ text: 'لا يزيد عن عدد الأطفال في سن الدراسة' });

    // Back keeps the answers; then on to the end.
    const back = pageOf((await post(from(pageOf(broken.answer), 'back', { 'q.school_age_children': '2' }), ip)).answer);
    expect(back.index).toBe(1);
    expect(back.fields.map((field) => field.value)).toEqual(['female', '46']);
    const forward = pageOf((await post(from(back, 'next', { 'q.head_sex': 'female', 'q.head_age': '46' }), ip)).answer);
    const finished = await post(
      from(forward, 'next', { 'q.school_age_children': '2', 'q.children_out_of_school': '1' }),
      ip,
    );
    expect(finished.response.statusCode).toBe(200);
    expect(finished.answer).toEqual({ done: true });
    expect(finished.response.headers['cache-control']).toBe('no-store');

    const [stored] = await env.database.db
      .select()
      .from(outcomeResponses)
      .where(eq(outcomeResponses.followUpId, followUp.id));
    expect(stored).toMatchObject({ source: 'link', population: 'returnee', recordedBy: null });
    const [row] = await env.database.db.select().from(outcomeFollowUps).where(eq(outcomeFollowUps.id, followUp.id));
    expect(row).toMatchObject({ status: 'done', linkTokenHash: null, responseId: stored!.id });
    expect((await caseFollowUpStatuses(env.database.db, followUp.householdId)).get(1)).toBe('done');

    // Used: the code opens nothing any more.
    const used = await post({ action: 'open', code }, ip);
    expect(used.response.statusCode).toBe(404);
    expect(used.sent.errors.code).toBe('outcomes.link.notRecognised');
  });

  it('skips every other page when the household does not consent, and records that', async () => {
    const { followUp, code } = await issued();
    const consent = pageOf((await post({ action: 'open', code, lang: 'fr' })).answer);
    expect(consent.fields[0]!.label).toBe('Acceptez-vous de répondre ?');
    // A hidden field tampered with to answer the worker's own questions: those answers are dropped.
    const tampered = {
      ...from(consent, 'next', { 'q.consent_interview': 'no' }),
      answers: '{"interviewer_notes":"x"}',
    };
    const done = await post(tampered);
    expect(done.answer).toEqual({ done: true });
    const [row] = await env.database.db.select().from(outcomeFollowUps).where(eq(outcomeFollowUps.id, followUp.id));
    expect(row!.status).toBe('done');
    const [stored] = await env.database.db
      .select()
      .from(outcomeResponses)
      .where(eq(outcomeResponses.followUpId, followUp.id));
    const answers = JSON.parse(await env.app.platform.keyring.decrypt(env.database.db, stored!.answersEnc, 'outcome'));
    expect(answers).toEqual({ consent_interview: 'no' });
  });

  it('refuses a wrong code and an expired one alike, and never echoes the code', async () => {
    const { followUp, code } = await issued();
    const wrong = await post({ action: 'open', code: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG' });
    expect(wrong.response.statusCode).toBe(404);
    expect(wrong.sent.values).toEqual({ lang: 'ar' });
    const empty = await post({ action: 'open', code: '   ' });
    expect(empty.response.statusCode).toBe(422);
    expect(empty.sent.errors.code).toBe('outcomes.link.codeRequired');
    await env.database.db
      .update(outcomeFollowUps)
      .set({ linkExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(outcomeFollowUps.id, followUp.id));
    const expired = await post({ action: 'open', code });
    expect(expired.response.statusCode).toBe(404);
    expect(JSON.stringify(expired.sent)).not.toContain(code);
    // A NUL in the body: the page, not an error page.
    const nul = await post({ action: 'open', code: 'AB\u0000CD' });
    expect(nul.response.statusCode).toBeLessThan(500);
  });

  it('limits the posts one address may make in an hour, a wrong code counting three times', async () => {
    const ip = '10.9.2.2';
    for (let i = 0; i < REQUESTS_PER_HOUR / 3; i++) {
      expect((await post({ action: 'open', code: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG' }, ip)).response.statusCode).toBe(
        404,
      );
    }
    const limited = await post({ action: 'open', code: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG' }, ip);
    expect(limited.response.statusCode).toBe(429);
    expect(Number(limited.response.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.answer).toMatchObject({ retryAfterSeconds: expect.any(Number) });
    // Another address is not held back.
    expect((await post({ action: 'open', code: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG' })).response.statusCode).toBe(404);
  });
});
