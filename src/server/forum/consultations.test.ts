import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import type { Role } from '../../shared/vocabulary.ts';
import { createTestAccount, createTestOrganisation, signIn, type TestClient } from '../platform/auth/test-support.ts';
import { forumComments, forumConsultations } from './tables.ts';

/**
 * Consultations: a framework change cannot be published until its consultation has closed and every comment has
 * a written answer; the public comments without signing in, within a flood limit; the answers are then public.
 */
let env: TestEnvironment;
let coordinator: TestClient;
let watchdog: TestClient;
let version: number;
let consultationId: string;

const account = async (organisationId: string, role: Role) =>
  signIn(env.app, await createTestAccount(env.app, { organisationId, roles: [role] }));

beforeAll(async () => {
  env = await createTestEnvironment({
    forum: { consultationMinDays: 21, flagAnswerDays: 14, publicCommentsPerHour: 3 },
  });
  coordinator = await account((await createTestOrganisation(env.app)).id, 'coordinator');
  const civil = (
    await createTestOrganisation(env.app, { kind: 'civil_society', homeState: 'QT', name: 'Rights Network' })
  ).id;
  watchdog = await account(civil, 'civil_society_watchdog');
  const active = await coordinator.request({ method: 'GET', url: '/api/v1/frameworks/active' });
  const definition = active.json().definition;
  definition.criteria[0].indicators[0].weight += 1;
  const draft = await coordinator.request({
    method: 'POST',
    url: '/api/v1/frameworks/drafts',
    payload: { definition },
  });
  version = draft.json().version;
});
afterAll(() => env.close());

const publish = () => coordinator.request({ method: 'POST', url: `/api/v1/frameworks/${version}/publish` });
const publicComment = (payload: Record<string, unknown>, ip = '203.0.113.7') =>
  env.app.inject({
    method: 'POST',
    url: `/api/v1/public/forum/consultations/${consultationId}/comments`,
    payload,
    remoteAddress: ip,
  });

describe('consultations before the criteria change', () => {
  it('refuses publishing a draft never consulted on, and a consultation shorter than the minimum', async () => {
    const refused = await publish();
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ reason: 'forum_consultation_missing' });
    const short = await coordinator.request({
      method: 'POST',
      url: '/api/v1/forum/consultations',
      payload: { frameworkVersion: version, title: 'Weights', summary: 'x', days: 7 },
    });
    expect(short.statusCode).toBe(409);
    expect(short.json()).toMatchObject({ reason: 'forum_consultation_too_short' });
  });

  it('takes organisations’ and the public’s comments while open, and refuses publishing until closed and answered', async () => {
    const opened = await coordinator.request({
      method: 'POST',
      url: '/api/v1/forum/consultations',
      payload: {
        frameworkVersion: version,
        title: 'Weights of safety',
        summary: 'Monitors’ access weighs more.',
        days: 21,
      },
    });
    expect(opened.statusCode).toBe(201);
    consultationId = opened.json().id;
    const active = await coordinator.request({ method: 'GET', url: '/api/v1/frameworks/active' });
    const target = active.json().definition.criteria[0].code;
    const org = await watchdog.request({
      method: 'POST',
      url: `/api/v1/forum/consultations/${consultationId}/comments`,
      payload: { target, text: 'Keep the weight; field reports show it matters.', language: 'en' },
    });
    expect(org.statusCode).toBe(201);
    expect((await publicComment({ text: 'نريد معرفة المزيد عن الطرق.', language: 'ar' })).statusCode).toBe(201);
    expect((await publicComment({ text: '<script>alert(1)</script>', language: 'fr' })).statusCode).toBe(201);
    // Empty, oversized, an unknown criterion: refused; a flood from one address: 429.
    expect((await publicComment({ text: '  ' })).statusCode).toBe(400);
    expect((await publicComment({ text: 'x'.repeat(4001) })).statusCode).toBe(400);
    expect((await publicComment({ text: 'x', target: 'no_such_criterion' })).statusCode).toBe(400);
    const flood = await publicComment({ text: 'again' });
    expect(flood.statusCode).toBe(429);
    expect((await publicComment({ text: 'from elsewhere' }, '198.51.100.4')).statusCode).toBe(201);

    // Public comments keep nothing of their sender.
    const stored = await env.database.db.select().from(forumComments).where(eq(forumComments.source, 'public'));
    expect(stored).toHaveLength(3);
    expect(JSON.stringify(stored)).not.toContain('203.0.113.7');
    expect(stored.every((row) => row.organisationId === null && row.createdBy === null)).toBe(true);

    const open = await publish();
    expect(open.statusCode).toBe(409);
    expect(open.json()).toMatchObject({ reason: 'forum_consultation_open' });
    const early = await coordinator.request({
      method: 'POST',
      url: `/api/v1/forum/consultations/${consultationId}/comments/${stored[0]!.id}/answer`,
      payload: { answer: 'accepted', reason: 'x' },
    });
    expect(early.statusCode).toBe(409);
    // Nothing of the comments is public before the consultation concludes.
    const before = await env.app.inject({ method: 'GET', url: `/api/v1/public/forum/consultations/${consultationId}` });
    expect(before.json()).toMatchObject({ status: 'open', comments: 4, commentList: [] });
  });

  it('publishes only once closed and every comment answered, then shows what was said and what was done', async () => {
    // The period ends: move the close into the past, as the clock would.
    await env.database.db
      .update(forumConsultations)
      .set({ closesAt: new Date(Date.now() - 1000), opensAt: new Date(Date.now() - 22 * 86_400_000) })
      .where(eq(forumConsultations.id, consultationId));
    const closedComment = await publicComment({ text: 'late' }, '192.0.2.1');
    expect(closedComment.statusCode).toBe(409);
    const staff = await coordinator.request({ method: 'GET', url: `/api/v1/forum/consultations/${consultationId}` });
    const comments = staff.json().commentList as { id: string; text: string }[];
    const answer = (id: string, payload: Record<string, unknown>) =>
      coordinator.request({
        method: 'POST',
        url: `/api/v1/forum/consultations/${consultationId}/comments/${id}/answer`,
        payload,
      });
    expect((await answer(comments[0]!.id, { answer: 'accepted', reason: '' })).statusCode).toBe(400);
    await answer(comments[0]!.id, { answer: 'partly_accepted', reason: 'The weight rises by one, not two.' });
    const unanswered = await publish();
    expect(unanswered.statusCode).toBe(409);
    expect(unanswered.json()).toMatchObject({ reason: 'forum_comments_unanswered' });
    expect(unanswered.json().detail).toContain('3 comments have no written answer');
    for (const comment of comments.slice(1)) {
      const withheld = comment.text === 'from elsewhere';
      await answer(comment.id, { answer: 'not_accepted', reason: 'Outside this change.', withheld });
    }
    const published = await publish();
    expect(published.statusCode).toBe(200);
    expect(published.json().status).toBe('published');

    const shown = await env.app.inject({ method: 'GET', url: `/api/v1/public/forum/consultations/${consultationId}` });
    const body = shown.json();
    expect(body.status).toBe('concluded');
    expect(body.commentList).toHaveLength(4);
    expect(body.commentList.find((c: { answer: string }) => c.answer === 'partly_accepted')).toMatchObject({
      answerReason: 'The weight rises by one, not two.',
      organisation: { name: 'Rights Network' },
    });
    // A withheld comment is answered, but its text is not public; a script is just text.
    expect(shown.body).not.toContain('from elsewhere');
    expect(body.commentList.some((c: { text: string | null }) => c.text === '<script>alert(1)</script>')).toBe(true);
    const [concluded] = await env.database.db.select({ n: count() }).from(forumConsultations);
    expect(concluded!.n).toBe(1);
  });
});
