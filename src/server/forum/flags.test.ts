import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import type { Role } from '../../shared/vocabulary.ts';
import { createTestAccount, createTestOrganisation, signIn, type TestClient } from '../platform/auth/test-support.ts';
import { createTestZones, publishTestClasses } from '../zones/test-support.ts';
import { forumFlags } from './tables.ts';

/**
 * Watchdog flags: a flag on a zone's class is public only once a protection officer has cleared it, marks the zone
 * "under challenge" until the responsible organisation answers it, and nobody else may answer it.
 */
let env: TestEnvironment;
let watchdog: TestClient;
let officer: TestClient;
let centre: TestClient;
let stranger: TestClient;
let centreId: string;

const account = async (organisationId: string, role: Role) =>
  signIn(env.app, await createTestAccount(env.app, { organisationId, roles: [role] }));

beforeAll(async () => {
  env = await createTestEnvironment();
  await createTestZones(env.database.db);
  centreId = (await createTestOrganisation(env.app, { name: 'Monitoring Centre' })).id;
  const civil = (await createTestOrganisation(env.app, { kind: 'civil_society', homeState: 'QT' })).id;
  const un = (await createTestOrganisation(env.app, { kind: 'un_agency', homeState: 'QT' })).id;
  centre = await account(centreId, 'coordinator');
  const publisher = await createTestAccount(env.app, { organisationId: centreId, roles: ['coordinator'] });
  await publishTestClasses(env.database.db, { userId: publisher.userId, organisationId: centreId }, '2026-05', {
    QM0101: 'conducive',
  });
  watchdog = await account(civil, 'civil_society_watchdog');
  officer = await account(un, 'protection_officer');
  stranger = await account(un, 'coordinator');
});
afterAll(() => env.close());

const challenge = async () =>
  (await env.app.inject({ method: 'GET', url: '/api/v1/public/forum/zones/QM0101/challenge' })).json();

/** The forum's items on a person's staff home, kind and count. */
const work = async (client: TestClient) =>
  (
    (await client.request({ method: 'GET', url: '/api/v1/me/work' })).json().items as {
      kind: string;
      count: number;
    }[]
  )
    .filter((item) => item.kind.startsWith('forum.'))
    .map(({ kind, count }) => ({ kind, count }));

describe('watchdog flags', () => {
  it('marks a zone under challenge once the flag is cleared, until the responsible organisation answers', async () => {
    const raised = await watchdog.request({
      method: 'POST',
      url: '/api/v1/forum/flags',
      payload: {
        subjectKind: 'zone_class',
        subjectRef: 'QM0101@2026-05',
        concern: 'Monitors were turned back at the checkpoint twice this month.',
        evidence: [{ kind: 'incident', ref: 'incident-2026-041' }],
        responsibleOrganisationId: centreId,
      },
    });
    expect(raised.statusCode).toBe(201);
    const flag = raised.json();
    expect(flag).toMatchObject({ pcode: 'QM0101', screening: 'pending', overdue: false });
    expect(Date.parse(flag.dueAt) - Date.parse(flag.raisedAt)).toBe(14 * 86_400_000);
    // Not public before a protection officer has checked it.
    expect((await challenge()).underChallenge).toBe(false);
    expect((await env.app.inject({ method: 'GET', url: `/api/v1/public/forum/flags/${flag.id}` })).statusCode).toBe(
      404,
    );
    expect(await work(officer)).toContainEqual({ kind: 'forum.flags_to_screen', count: 1 });
    const cleared = await officer.request({
      method: 'POST',
      url: `/api/v1/forum/flags/${flag.id}/screening`,
      payload: { part: 'flag', screening: 'cleared' },
    });
    expect(cleared.statusCode).toBe(200);
    // The responsible organisation's home says a flag waits for its answer; the officer's, nothing left to check.
    expect(await work(centre)).toContainEqual({ kind: 'forum.flags_to_answer', count: 1 });
    expect((await work(centre)).map((item) => item.kind)).not.toContain('forum.flags_overdue');
    expect((await work(officer)).map((item) => item.kind)).not.toContain('forum.flags_to_screen');
    expect(await challenge()).toMatchObject({ underChallenge: true, flags: [{ id: flag.id, period: '2026-05' }] });
    // The district's page shows it too.
    expect(
      (await env.app.inject({ method: 'GET', url: '/api/v1/public/forum/zones/QM01/challenge' })).json().underChallenge,
    ).toBe(true);

    // Another organisation may not answer on the responsible one's behalf.
    const other = await stranger.request({
      method: 'POST',
      url: `/api/v1/forum/flags/${flag.id}/answer`,
      payload: { answer: 'Not ours, but fine.' },
    });
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({ reason: 'forum_flag_not_responsible' });
    const answered = await centre.request({
      method: 'POST',
      url: `/api/v1/forum/flags/${flag.id}/answer`,
      payload: { answer: 'Confirmed; the June assessment records the denial of access.' },
    });
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({ withinServiceLevel: true, answerScreening: 'pending' });
    expect((await challenge()).underChallenge).toBe(false);
    // The answer is public once it, too, is cleared.
    const before = await env.app.inject({ method: 'GET', url: `/api/v1/public/forum/flags/${flag.id}` });
    expect(before.json().answer).toBeNull();
    await officer.request({
      method: 'POST',
      url: `/api/v1/forum/flags/${flag.id}/screening`,
      payload: { part: 'answer', screening: 'cleared' },
    });
    const after = await env.app.inject({ method: 'GET', url: '/api/v1/public/forum/flags?state=answered' });
    expect(after.json().items[0]).toMatchObject({
      answer: 'Confirmed; the June assessment records the denial of access.',
      responsible: { name: 'Monitoring Centre' },
    });
  });

  it('keeps a withheld flag off the public pages', async () => {
    const raised = await watchdog.request({
      method: 'POST',
      url: '/api/v1/forum/flags',
      payload: {
        subjectKind: 'outcome_figure',
        subjectRef: 'qm-2026-q2',
        concern: 'Names a family.',
        responsibleOrganisationId: centreId,
      },
    });
    await officer.request({
      method: 'POST',
      url: `/api/v1/forum/flags/${raised.json().id}/screening`,
      payload: { part: 'flag', screening: 'withheld' },
    });
    const listed = await env.app.inject({ method: 'GET', url: '/api/v1/public/forum/flags' });
    expect(listed.body).not.toContain('Names a family');
  });

  it('refuses an empty concern, an unpublished zone month, an unknown commitment, writing nothing', async () => {
    const [before] = await env.database.db.select({ n: count() }).from(forumFlags);
    const raise = (payload: Record<string, unknown>) =>
      watchdog.request({
        method: 'POST',
        url: '/api/v1/forum/flags',
        payload: {
          subjectKind: 'zone_class',
          subjectRef: 'QM0101@2026-05',
          concern: 'x',
          responsibleOrganisationId: centreId,
          ...payload,
        },
      });
    expect((await raise({ concern: ' ' })).statusCode).toBe(400);
    const month = await raise({ subjectRef: 'QM0101@2026-04' });
    expect(month.statusCode).toBe(400);
    expect(month.json().errors[0].field).toBe('body.subjectRef');
    expect((await raise({ subjectRef: 'QM9999@2026-05' })).statusCode).toBe(400);
    expect((await raise({ subjectKind: 'commitment', subjectRef: crypto.randomUUID() })).statusCode).toBe(400);
    expect((await raise({ responsibleOrganisationId: crypto.randomUUID() })).statusCode).toBe(400);
    expect((await raise({ concern: 'x'.repeat(10_001) })).statusCode).toBe(400);
    const [after] = await env.database.db.select({ n: count() }).from(forumFlags);
    expect(after!.n).toBe(before!.n);
  });
});
