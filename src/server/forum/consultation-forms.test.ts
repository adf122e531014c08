import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import { publicFormServer, type RenderedPage } from '../../../test/support/public-form.ts';
import { COMMENT_FORM } from '../../web/public/forum/answers.ts';
import { createTestAccount, createTestOrganisation, signIn } from '../platform/auth/test-support.ts';
import { commentForm } from './consultation-forms.ts';
import { forumComments, forumConsultations } from './tables.ts';

/**
 * The public comment form of an open consultation, as a phone without JavaScript posts it: a comment taken and
 * the page shown again saying so (303), each refusal shown on the page in the reader's language with what was
 * typed, a flood from one address slowed, and nothing written in part.
 */
let env: TestEnvironment;
let web: FastifyInstance;
let rendered: RenderedPage[];
let consultationId: string;
let criterion: string;

beforeAll(async () => {
  env = await createTestEnvironment({
    forum: { consultationMinDays: 21, flagAnswerDays: 14, publicCommentsPerHour: 4 },
  });
  const coordinator = await signIn(
    env.app,
    await createTestAccount(env.app, {
      organisationId: (await createTestOrganisation(env.app)).id,
      roles: ['coordinator'],
    }),
  );
  const active = await coordinator.request({ method: 'GET', url: '/api/v1/frameworks/active' });
  const definition = active.json().definition;
  criterion = definition.criteria[0].code;
  const draft = await coordinator.request({
    method: 'POST',
    url: '/api/v1/frameworks/drafts',
    payload: { definition },
  });
  const opened = await coordinator.request({
    method: 'POST',
    url: '/api/v1/forum/consultations',
    payload: {
      frameworkVersion: draft.json().version,
      title: 'Plain words',
      summary: 'Each criterion explained.',
      days: 21,
    },
  });
  consultationId = opened.json().id;
  ({ web, rendered } = await publicFormServer(env, commentForm, 'ar'));
});
afterAll(async () => {
  await web.close();
  await env.close();
});
beforeEach(() => {
  rendered.length = 0;
});

const post = (fields: Record<string, string>, ip = '203.0.113.20', id = consultationId) =>
  web.inject({
    method: 'POST',
    url: `/consultations/${id}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
    remoteAddress: ip,
  });
const stored = () =>
  env.database.db.select().from(forumComments).where(eq(forumComments.consultationId, consultationId));

describe('the public comment form without JavaScript', () => {
  it('takes a comment on a criterion in the page’s language and shows the page again saying it was received', async () => {
    const response = await post({ target: criterion, text: 'اشرحوا المعيار بكلمات بسيطة.', language: 'ar' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/consultations/${consultationId}?comment=received#comment-form`);
    expect(response.headers['cache-control']).toBe('no-store');
    const [comment] = await stored();
    expect(comment).toMatchObject({ target: criterion, language: 'ar', source: 'public', organisationId: null });
    expect(JSON.stringify(comment)).not.toContain('203.0.113.20');
  });

  it('shows an empty, oversized or unreadable comment, or an unknown criterion, on the page with what was typed', async () => {
    const before = (await stored()).length;
    for (const [fields, field, key] of [
      [{ text: '   ' }, 'text', 'forumPortal.comment.textRequired'],
      [{ text: 'x'.repeat(4001) }, 'text', 'forumPortal.comment.textTooLong'],
      [{ text: 'bad \uFFFD bytes' }, 'text', 'forumPortal.comment.unreadable'],
      [{ text: 'On what?', target: 'No Such Code!' }, 'target', 'forumPortal.comment.unknownTarget'],
      [{ text: 'On what?', target: 'no_such_code' }, 'target', 'forumPortal.comment.unknownTarget'],
    ] as const) {
      rendered.length = 0;
      const response = await post(fields, '198.51.100.30');
      expect(response.statusCode, JSON.stringify(fields).slice(0, 80)).toBe(422);
      expect(rendered[0]!.url).toBe(`/consultations/${consultationId}`);
      expect(rendered[0]!.forms[COMMENT_FORM]!.errors).toEqual({ [field]: key });
      expect((rendered[0]!.forms[COMMENT_FORM]!.values.text ?? '').length).toBeLessThanOrEqual(4100);
    }
    expect((await stored()).length).toBe(before);
  });

  it('keeps a comment holding script as text, shown inert', async () => {
    const response = await post({ text: '<script>alert(1)</script><img src=x onerror=alert(2)>' }, '198.51.100.31');
    expect(response.statusCode).toBe(303);
    const texts = (await stored()).map((row) => row.text);
    expect(texts).toContain('<script>alert(1)</script><img src=x onerror=alert(2)>');
  });

  it('slows a flood from one address, under a keyed hash, and keeps what was typed', async () => {
    const ip = '192.0.2.44';
    for (let n = 0; n < 4; n++) expect((await post({ text: `comment ${n}` }, ip)).statusCode).toBe(303);
    const before = (await stored()).length;
    rendered.length = 0;
    const flood = await post({ text: 'one more' }, ip);
    expect(flood.statusCode).toBe(429);
    expect(Number(flood.headers['retry-after'])).toBeGreaterThan(0);
    expect(rendered[0]!.forms[COMMENT_FORM]).toMatchObject({ values: { text: 'one more' } });
    expect(
      (rendered[0]!.forms[COMMENT_FORM]!.answer as { retryAfterSeconds: number }).retryAfterSeconds,
    ).toBeGreaterThan(0);
    expect((await stored()).length).toBe(before);
    expect((await post({ text: 'from another address' }, '192.0.2.45')).statusCode).toBe(303);
  });

  it('says in the page’s language that a closed consultation takes no more comments', async () => {
    await env.database.db
      .update(forumConsultations)
      .set({ closesAt: new Date(Date.now() - 1000), opensAt: new Date(Date.now() - 22 * 86_400_000) })
      .where(eq(forumConsultations.id, consultationId));
    const before = (await stored()).length;
    const response = await post({ text: 'late' }, '198.51.100.32');
    expect(response.statusCode).toBe(409);
    const answer = rendered[0]!.forms[COMMENT_FORM]!.answer as { problem: { title: string } };
    expect(answer.problem.title).toMatch(/[\u0600-\u06FF]/);
    expect((await stored()).length).toBe(before);
  });

  it('answers 404 for a consultation that does not exist, and leaves other addresses to the not-found page', async () => {
    expect((await post({ text: 'x' }, '198.51.100.33', '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await post({ text: 'x' }, '198.51.100.33', 'not-an-id')).statusCode).toBe(404);
  });
});
