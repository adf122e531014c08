import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import type { TimelinePage } from '../../shared/forum/schemas/timeline.ts';
import type { Role } from '../../shared/vocabulary.ts';
import { createTestAccount, createTestOrganisation, signIn, type TestClient } from '../platform/auth/test-support.ts';
import { createTestZones, publishTestClasses } from '../zones/test-support.ts';
import { forumTimeline } from './tables.ts';
import { syncTimeline } from './timeline-sync.ts';

/**
 * The public timeline: what the forum's services write to the transparency log becomes entries, each linked to
 * its log entry, once; filtered by state, zone, body and kind, a page at a time; and as an Atom feed.
 */
let env: TestEnvironment;
let chair: TestClient;
let watchdog: TestClient;
let officer: TestClient;
const today = new Date().toISOString().slice(0, 10);

const account = async (organisationId: string, role: Role) =>
  signIn(env.app, await createTestAccount(env.app, { organisationId, roles: [role] }));
const timeline = async (query = '') =>
  (await env.app.inject({ method: 'GET', url: `/api/v1/public/timeline${query}` })).json() as TimelinePage;

beforeAll(async () => {
  env = await createTestEnvironment();
  await createTestZones(env.database.db);
  const centre = (await createTestOrganisation(env.app, { name: 'Joint Centre' })).id;
  const origin = (await createTestOrganisation(env.app, { kind: 'state_agency', name: 'Returns <Agency>' })).id;
  const civil = (await createTestOrganisation(env.app, { kind: 'civil_society', homeState: 'QT', name: 'Network' })).id;
  const un = (await createTestOrganisation(env.app, { kind: 'un_agency', homeState: 'QT' })).id;
  chair = await account(centre, 'coordinator');
  watchdog = await account(civil, 'civil_society_watchdog');
  officer = await account(un, 'protection_officer');
  const publisher = await createTestAccount(env.app, { organisationId: centre, roles: ['coordinator'] });
  await publishTestClasses(env.database.db, { userId: publisher.userId, organisationId: centre }, '2026-05', {
    QM0101: 'conducive',
  });

  const body = await chair.request({
    method: 'POST',
    url: '/api/v1/forum/bodies',
    payload: {
      code: 'tripartite-qm',
      kind: 'tripartite_commission',
      name: 'Tripartite commission',
      stateCodes: ['QM'],
      members: [{ organisationId: origin, seat: 'state_of_origin' }],
    },
  });
  const meeting = await chair.request({
    method: 'POST',
    url: '/api/v1/forum/meetings',
    payload: {
      bodyId: body.json().id,
      title: 'Second quarter',
      heldOn: today,
      channel: 'online',
      agenda: [{ title: 'Documents' }],
    },
  });
  const meetingId = meeting.json().id;
  await chair.request({
    method: 'POST',
    url: `/api/v1/forum/meetings/${meetingId}/held`,
    payload: { participants: [{ organisationId: origin, seat: 'state_of_origin', attended: true }], minutes: 'M.' },
  });
  await chair.request({
    method: 'POST',
    url: `/api/v1/forum/meetings/${meetingId}/decisions`,
    payload: { text: 'Documents within 30 days.' },
  });
  const commitment = await chair.request({
    method: 'POST',
    url: '/api/v1/forum/commitments',
    payload: {
      text: 'Issue documents <within> 30 days',
      ownerOrganisationId: origin,
      dueOn: today,
      stateCode: 'QM',
      meetingId,
    },
  });
  await chair.request({
    method: 'POST',
    url: `/api/v1/forum/commitments/${commitment.json().id}/close`,
    payload: { status: 'kept', reason: 'Verified.' },
  });
  const flag = await watchdog.request({
    method: 'POST',
    url: '/api/v1/forum/flags',
    payload: {
      subjectKind: 'zone_class',
      subjectRef: 'QM0101@2026-05',
      concern: 'Access denied.',
      responsibleOrganisationId: centre,
    },
  });
  // A flag reaches the timeline only once cleared of personal data.
  await officer.request({
    method: 'POST',
    url: `/api/v1/forum/flags/${flag.json().id}/screening`,
    payload: { part: 'flag', screening: 'cleared' },
  });
});
afterAll(() => env.close());

describe('the public timeline', () => {
  it('shows the meeting, its decision, the commitment made and kept, and the public flag, each linked to the log', async () => {
    const page = await timeline();
    const kinds = page.items.map((entry) => `${entry.kind}.${entry.action}`);
    expect(kinds).toEqual(
      expect.arrayContaining(['meeting.held', 'decision.decided', 'commitment.made', 'commitment.kept', 'flag.raised']),
    );
    expect(kinds).toHaveLength(5);
    const meeting = page.items.find((entry) => entry.kind === 'meeting')!;
    expect(meeting).toMatchObject({ bodyCode: 'tripartite-qm', stateCode: 'QM', params: { title: 'Second quarter' } });
    expect(meeting.log.proof).toBe(`/api/v1/public/log/proof/inclusion?seq=${meeting.log.seq}`);
    const proof = await env.app.inject({ method: 'GET', url: meeting.log.proof });
    expect(proof.statusCode).toBeLessThan(500);
    const flag = page.items.find((entry) => entry.kind === 'flag')!;
    expect(flag).toMatchObject({ pcode: 'QM0101', link: '/zones/QM0101', params: { raisedBy: 'Network' } });
  });

  it('projects each log entry once, however often it runs', async () => {
    await timeline();
    expect(await syncTimeline(env.database.db)).toBe(0);
    const [rows] = await env.database.db.select({ n: count() }).from(forumTimeline);
    expect(rows!.n).toBe(5);
  });

  it('filters by kind, body, state and zone, and reads on with the cursor', async () => {
    expect((await timeline('?kind=commitment')).items.map((e) => e.action).sort()).toEqual(['kept', 'made']);
    expect((await timeline('?body=tripartite-qm')).items).toHaveLength(4);
    expect((await timeline('?zone=QM01')).items.map((e) => e.kind)).toEqual(['flag']);
    expect((await timeline('?state=QT')).items).toHaveLength(0);
    const first = await timeline('?limit=2');
    expect(first.items).toHaveLength(2);
    const second = await timeline(`?limit=2&cursor=${first.nextCursor}`);
    const third = await timeline(`?limit=2&cursor=${second.nextCursor}`);
    const seen = [...first.items, ...second.items, ...third.items].map((e) => e.id);
    expect(new Set(seen).size).toBe(5);
    expect(third.nextCursor).toBeNull();
    const bad = await env.app.inject({ method: 'GET', url: '/api/v1/public/timeline?kind=gossip' });
    expect(bad.statusCode).toBe(400);
    expect((await env.app.inject({ method: 'GET', url: '/api/v1/public/timeline?cursor=nope' })).statusCode).toBe(400);
    // A cursor of the right shape that holds no time or id is refused too, never cast blind.
    const hostile = `${'9'.repeat(20)}.${'-'.repeat(36)}`;
    expect((await env.app.inject({ method: 'GET', url: `/api/v1/public/timeline?cursor=${hostile}` })).statusCode).toBe(
      400,
    );
  });

  it('serves the timeline as an Atom feed, its text escaped, in the asked language', async () => {
    const feed = await env.app.inject({ method: 'GET', url: '/timeline.atom?kind=commitment' });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('application/atom+xml');
    const xml = feed.body;
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    expect(xml.match(/<entry>/g)).toHaveLength(2);
    expect(xml.match(/<\/entry>/g)).toHaveLength(2);
    expect(xml).toContain('<link rel="self" type="application/atom+xml"');
    expect(xml).toContain('Commitment kept by Returns &lt;Agency&gt;: Issue documents &lt;within&gt; 30 days');
    expect(xml).not.toContain('<within>');
    const arabic = await env.app.inject({ method: 'GET', url: '/timeline.atom?lang=ar&kind=meeting' });
    expect(arabic.body).toContain('xml:lang="ar"');
    expect(arabic.body).toContain('اجتماع Tripartite commission: Second quarter');
    expect((await env.app.inject({ method: 'GET', url: '/timeline.atom?kind=gossip' })).statusCode).toBe(400);
  });
});
