import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import type { Commitment } from '../../shared/forum/schemas/commitments.ts';
import type { Role } from '../../shared/vocabulary.ts';
import { createTestAccount, createTestOrganisation, signIn, type TestClient } from '../platform/auth/test-support.ts';
import { forumCommitmentAssessments, forumCommitments } from './tables.ts';

/**
 * The commitments tracker: a commitment made at a meeting is tracked to kept or broken, with its owner's updates
 * and independent assessments; the public sees all of it, overdue first; the scorecard counts it.
 */
let env: TestEnvironment;
let chair: TestClient;
let owner: TestClient;
let watchdog: TestClient;
let monitor: TestClient;
let ids: { centre: string; origin: string; civil: string };
const today = new Date().toISOString().slice(0, 10);
const shift = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const account = async (organisationId: string, role: Role) =>
  signIn(env.app, await createTestAccount(env.app, { organisationId, roles: [role] }));

beforeAll(async () => {
  env = await createTestEnvironment();
  const centre = (await createTestOrganisation(env.app)).id;
  const origin = (
    await createTestOrganisation(env.app, { kind: 'state_agency', homeState: 'QM', name: 'Returns Agency' })
  ).id;
  const civil = (await createTestOrganisation(env.app, { kind: 'civil_society', homeState: 'QT' })).id;
  const monitors = (await createTestOrganisation(env.app, { kind: 'independent_monitor', homeState: 'QO' })).id;
  ids = { centre, origin, civil };
  chair = await account(centre, 'coordinator');
  owner = await account(origin, 'coordinator');
  watchdog = await account(civil, 'civil_society_watchdog');
  monitor = await account(monitors, 'verifier');
});
afterAll(() => env.close());

const make = (payload: Record<string, unknown>) =>
  chair.request({ method: 'POST', url: '/api/v1/forum/commitments', payload });

describe('commitments', () => {
  it('tracks a commitment made at a meeting to kept, with the owner’s updates and independent assessments', async () => {
    const body = await chair.request({
      method: 'POST',
      url: '/api/v1/forum/bodies',
      payload: {
        code: 'tripartite-docs',
        kind: 'tripartite_commission',
        name: 'Tripartite commission',
        stateCodes: ['QM'],
        members: [{ organisationId: ids.origin, seat: 'state_of_origin' }],
      },
    });
    const meeting = await chair.request({
      method: 'POST',
      url: '/api/v1/forum/meetings',
      payload: {
        bodyId: body.json().id,
        title: 'Q1',
        heldOn: today,
        channel: 'online',
        agenda: [{ title: 'Documents' }],
      },
    });
    await chair.request({
      method: 'POST',
      url: `/api/v1/forum/meetings/${meeting.json().id}/held`,
      payload: {
        participants: [{ organisationId: ids.origin, seat: 'state_of_origin', attended: true }],
        minutes: 'M.',
      },
    });
    const decided = await chair.request({
      method: 'POST',
      url: `/api/v1/forum/meetings/${meeting.json().id}/decisions`,
      payload: { text: 'Replacement documents within 30 days of return.' },
    });
    const decisionId = decided.json().decisionList[0].id;
    const made = await make({
      text: 'Marenland issues replacement documents within 30 days of return.',
      ownerOrganisationId: ids.origin,
      dueOn: shift(30),
      stateCode: 'QM',
      decisionId,
      indicatorKind: 'outcome_figure',
      indicatorRef: 'documents_replaced',
    });
    expect(made.statusCode).toBe(201);
    const commitment = made.json() as Commitment;
    expect(commitment).toMatchObject({
      meetingId: meeting.json().id,
      status: 'open',
      overdue: false,
      owner: { name: 'Returns Agency' },
    });

    const url = `/api/v1/forum/commitments/${commitment.id}`;
    expect(
      (
        await owner.request({
          method: 'POST',
          url: `${url}/updates`,
          payload: { text: '1,200 documents issued.', evidence: [{ kind: 'link', ref: 'https://example.org/docs' }] },
        })
      ).statusCode,
    ).toBe(201);
    // The owner may not assess its own commitment; another organisation may not report its progress.
    const self = await owner.request({
      method: 'POST',
      url: `${url}/assessments`,
      payload: { rating: 'kept', reasons: 'Done.' },
    });
    expect(self.statusCode).toBe(403);
    const stranger = await watchdog.request({ method: 'POST', url: `${url}/updates`, payload: { text: 'x' } });
    expect(stranger.statusCode).toBe(403);
    expect(
      (
        await watchdog.request({
          method: 'POST',
          url: `${url}/assessments`,
          payload: { rating: 'at_risk', reasons: 'Offices in two districts are closed.' },
        })
      ).statusCode,
    ).toBe(201);
    const noReasons = await monitor.request({
      method: 'POST',
      url: `${url}/assessments`,
      payload: { rating: 'kept', reasons: ' ' },
    });
    expect(noReasons.statusCode).toBe(400);
    await monitor.request({
      method: 'POST',
      url: `${url}/assessments`,
      payload: { rating: 'kept', reasons: 'Sampled 40 returnees; 38 had documents.' },
    });
    const closed = await chair.request({
      method: 'POST',
      url: `${url}/close`,
      payload: { status: 'kept', reason: 'Verified by the monitors.' },
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'kept', keptOnTime: true, latestAssessment: { rating: 'kept' } });
    expect(
      (await chair.request({ method: 'POST', url: `${url}/close`, payload: { status: 'broken', reason: 'x' } }))
        .statusCode,
    ).toBe(409);

    const shown = await env.app.inject({ method: 'GET', url: `/api/v1/public/forum/commitments/${commitment.id}` });
    expect(shown.json().history.map((entry: { kind: string }) => entry.kind)).toEqual([
      'made',
      'update',
      'assessment',
      'assessment',
      'closed',
    ]);
    const card = await env.app.inject({ method: 'GET', url: '/api/v1/public/forum/scorecard' });
    expect(card.json().organisations.find((line: { key: string }) => line.key === ids.origin)).toMatchObject({
      commitmentsDue: 1,
      keptOnTime: 1,
      meetingsInvited: 1,
      meetingsAttended: 1,
    });
    expect(card.json().states.find((line: { key: string }) => line.key === 'QM')).toMatchObject({ keptOnTime: 1 });
  });

  it('puts overdue commitments first, for the public too', async () => {
    await make({ text: 'Open transit point Y.', ownerOrganisationId: ids.origin, dueOn: shift(-3), stateCode: 'QM' });
    await make({ text: 'Publish the registry.', ownerOrganisationId: ids.origin, dueOn: shift(60), stateCode: 'QM' });
    const listed = await env.app.inject({ method: 'GET', url: '/api/v1/public/forum/commitments?status=open' });
    const items = listed.json().items as { text: string; overdue: boolean }[];
    expect(items[0]).toMatchObject({ text: 'Open transit point Y.', overdue: true });
    expect(items.filter((item) => item.overdue)).toHaveLength(1);
    const overdue = await env.app.inject({ method: 'GET', url: '/api/v1/public/forum/commitments?status=overdue' });
    expect(overdue.json().items.map((item: { text: string }) => item.text)).toEqual(['Open transit point Y.']);
  });

  it('refuses a commitment without an owner or a due date, or with an unknown indicator, writing nothing', async () => {
    const [before] = await env.database.db.select({ n: count() }).from(forumCommitments);
    const noOwner = await make({ text: 'x', dueOn: today });
    expect(noOwner.statusCode).toBe(400);
    expect(noOwner.json().errors.map((e: { field: string }) => e.field)).toContain('body.ownerOrganisationId');
    const noDue = await make({ text: 'x', ownerOrganisationId: ids.origin });
    expect(noDue.json().errors.map((e: { field: string }) => e.field)).toContain('body.dueOn');
    const unknownOwner = await make({ text: 'x', ownerOrganisationId: crypto.randomUUID(), dueOn: today });
    expect(unknownOwner.statusCode).toBe(400);
    const indicator = await make({
      text: 'x',
      ownerOrganisationId: ids.origin,
      dueOn: today,
      indicatorKind: 'zone_indicator',
      indicatorRef: 'no_such',
    });
    expect(indicator.statusCode).toBe(400);
    expect(indicator.json().errors[0].field).toBe('body.indicatorRef');
    const [after] = await env.database.db.select({ n: count() }).from(forumCommitments);
    expect(after!.n).toBe(before!.n);
    const [assessments] = await env.database.db.select({ n: count() }).from(forumCommitmentAssessments);
    expect(assessments!.n).toBe(2);
  });
});
