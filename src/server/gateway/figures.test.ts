import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import type { PublicGatewayFigures } from '../../shared/gateway/schemas.ts';
import { createTestOrganisation } from '../platform/auth/test-support.ts';
import { createTestZones } from '../zones/test-support.ts';
import { incidentFigures, publicGatewayFigures, type SubmissionGroup, submissionFigures } from './figures.ts';
import { receiveSubmission } from './submissions.ts';
import { gatewayIncidents, gatewaySubmissions } from './tables.ts';
import { insertRoutingRule } from './test-support.ts';

const rule = { threshold: 3 };
const group = (overrides: Partial<SubmissionGroup>): SubmissionGroup => ({
  kind: 'concern',
  stateCode: 'QM',
  month: '2026-03',
  acknowledgement: 'in_time',
  resolved: false,
  days: null,
  count: 1,
  ...overrides,
});

describe('the submission figures (pure)', () => {
  it('publishes a group of at least the threshold with its acknowledgements, resolutions and median', () => {
    const figures = submissionFigures(
      [
        group({ count: 4, acknowledgement: 'in_time', resolved: true, days: 10 }),
        group({ count: 3, acknowledgement: 'in_time', resolved: true, days: 20 }),
        group({ count: 3, acknowledgement: 'late', resolved: false }),
      ],
      rule,
    );
    expect(figures.byStateMonth).toEqual([
      {
        kind: 'concern',
        stateCode: 'QM',
        month: '2026-03',
        received: 10,
        acknowledgedInTime: 7,
        acknowledgedLate: 3,
        resolved: 7,
        medianDaysToResolution: 10,
      },
    ]);
    expect(figures.byKind.find((row) => row.kind === 'concern')).toMatchObject({ received: 10, resolved: 7 });
    // A kind with nothing says zero, which identifies no one.
    expect(figures.byKind.find((row) => row.kind === 'appeal')).toMatchObject({ received: 0, resolved: 0 });
  });

  it('hides a group below the threshold, and a second group with it so the kind’s total does not give it away', () => {
    const figures = submissionFigures(
      [
        group({ count: 5, month: '2026-03' }),
        group({ count: 4, month: '2026-02' }),
        group({ count: 2, month: '2026-01' }),
      ],
      rule,
    );
    const rows = figures.byStateMonth.filter((row) => row.kind === 'concern');
    const hidden = rows.filter((row) => row.received === null);
    expect(rows.find((row) => row.month === '2026-01')!.received).toBeNull();
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    // Nothing about a hidden group shows: no acknowledgement, no resolution, no median.
    for (const row of hidden) {
      expect(row).toMatchObject({ acknowledgedInTime: null, acknowledgedLate: null, resolved: null });
    }
    expect(figures.byKind.find((row) => row.kind === 'concern')!.received).toBe(11);
  });

  it('hides a resolved count whose complement is small: received minus resolved would name one or two people', () => {
    const figures = submissionFigures(
      [
        group({ count: 9, resolved: true, days: 3, month: '2026-03' }),
        group({ count: 1, resolved: false, month: '2026-03' }),
        group({ count: 5, resolved: true, days: 3, month: '2026-02' }),
        group({ count: 5, resolved: false, month: '2026-02' }),
      ],
      rule,
    );
    const march = figures.byStateMonth.find((row) => row.month === '2026-03')!;
    // 9 resolved of 10 would say one is unresolved: the resolved count is hidden, not the received count.
    expect(march.received).toBe(10);
    expect(march.resolved).toBeNull();
    expect(march.medianDaysToResolution).toBeNull();
    // And the kind's total resolved (14) cannot be published beside February's 5: it would give March's 9 away.
    const february = figures.byStateMonth.find((row) => row.month === '2026-02')!;
    const total = figures.byKind.find((row) => row.kind === 'concern')!;
    expect(february.resolved === null || total.resolved === null).toBe(true);
  });

  it('counts a complaint of sexual exploitation or abuse only among complaints: no figure names the category', () => {
    const figures = submissionFigures([group({ kind: 'complaint', count: 1 })], rule);
    expect(JSON.stringify(figures)).not.toMatch(/sexual|category|sensitive/);
    expect(figures.byKind.find((row) => row.kind === 'complaint')!.received).toBeNull();
  });
});

describe('the incident figures (pure)', () => {
  it('protects the table of state and month by accountability status, with its totals', () => {
    const figures = incidentFigures(
      [
        { type: 'extortion', stateCode: 'QM', month: '2026-03', accountability: 'sanctioned', count: 4 },
        { type: 'extortion', stateCode: 'QM', month: '2026-03', accountability: 'referred', count: 1 },
        { type: 'extortion', stateCode: 'QM', month: '2026-02', accountability: 'documented', count: 6 },
      ],
      rule,
    );
    const march = figures.byStateMonth.find((row) => row.month === '2026-03')!;
    expect(march.byAccountability.referred).toBeNull();
    // The referred 1 cannot be worked back from March's total: another of March's figures is hidden with it.
    const marchHidden = Object.values(march.byAccountability).filter((value) => value === null);
    expect(march.total === null || marchHidden.length >= 2).toBe(true);
    const extortion = figures.byType.find((row) => row.type === 'extortion')!;
    expect(extortion.byAccountability.referred).toBeNull();
    // February's 6 documented incidents are published.
    expect(figures.byStateMonth.find((row) => row.month === '2026-02')!.total).toBe(6);
    expect(figures.byType.find((row) => row.type === 'violence')).toMatchObject({ total: 0 });
  });
});

describe('GET /api/v1/public/gateway/figures', () => {
  let env: TestEnvironment;
  let centre: string;

  beforeAll(async () => {
    env = await createTestEnvironment({ disclosureThreshold: 3 });
    await createTestZones(env.database.db);
    centre = (await createTestOrganisation(env.app, { kind: 'monitoring_centre' })).id;
    await insertRoutingRule(env.database.db, { organisationId: centre });
  });
  afterAll(() => env.close());

  const ctx = () => ({ db: env.database.db, platform: env.app.platform });
  const submit = (kind: 'concern' | 'complaint', receivedAt: Date, extra: Record<string, unknown> = {}) =>
    receiveSubmission(
      ctx(),
      {
        kind,
        disclosure: 'anonymous',
        text: 'Secret words nobody may publish',
        language: 'en',
        aboutNamedPerson: false,
        contactConsent: false,
        pcode: 'QM0101',
        channel: 'web',
        ...(kind === 'complaint' ? { complaintCategory: 'sexual_exploitation_abuse' } : {}),
        ...extra,
      },
      null,
      { now: receivedAt },
    );

  it('counts what was received, acknowledged in time, late and resolved, by kind, state and month, no text', async () => {
    const march = new Date('2026-03-10T09:00:00Z');
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await submit('concern', march)).submissionId);
    // Three acknowledged in time and closed after 4 days; one acknowledged late; two never acknowledged (overdue).
    await env.database.db
      .update(gatewaySubmissions)
      .set({
        status: 'closed',
        acknowledgedAt: new Date('2026-03-11T09:00:00Z'),
        acknowledgedInTime: true,
        closedAt: new Date('2026-03-14T09:00:00Z'),
        dueAt: null,
      })
      .where(inArray(gatewaySubmissions.id, ids.slice(0, 3)));
    await env.database.db
      .update(gatewaySubmissions)
      .set({ status: 'acknowledged', acknowledgedAt: new Date('2026-03-20T09:00:00Z'), acknowledgedInTime: false })
      .where(eq(gatewaySubmissions.id, ids[3]!));
    // One complaint of sexual exploitation or abuse: below the threshold, so not shown at all.
    await submit('complaint', march);
    await env.database.db.insert(gatewayIncidents).values(
      Array.from({ length: 3 }, (_, i) => ({
        reference: `I-TEST-${i}`,
        type: 'extortion',
        occurredOn: '2026-03-05',
        pcode: 'QM0101',
        stateCode: 'QM',
        perpetratorCategory: 'border_officials',
        narrativeEnc: 'sealed',
        source: 'gateway_submission',
        verification: 'verified',
        accountability: 'sanctioned',
        organisationId: centre,
      })),
    );
    // An unverified incident is not published as established.
    await env.database.db.insert(gatewayIncidents).values({
      reference: 'I-TEST-U',
      type: 'violence',
      occurredOn: '2026-03-05',
      stateCode: 'QM',
      perpetratorCategory: 'unknown',
      narrativeEnc: 'sealed',
      source: 'media_report',
      verification: 'unverified',
      accountability: 'documented',
      organisationId: centre,
    });

    const response = await env.app.inject({ method: 'GET', url: '/api/v1/public/gateway/figures' });
    expect(response.statusCode).toBe(200);
    const figures: PublicGatewayFigures = response.json();
    expect(figures.threshold).toBe(3);
    expect(figures.submissions.byStateMonth).toContainEqual({
      kind: 'concern',
      stateCode: 'QM',
      month: '2026-03',
      received: 6,
      acknowledgedInTime: 3,
      acknowledgedLate: 3,
      resolved: 3,
      medianDaysToResolution: 4,
    });
    const complaints = figures.submissions.byKind.find((row) => row.kind === 'complaint')!;
    expect(complaints.received).toBeNull();
    expect(figures.stateNames.QM).toEqual({ en: 'Marenland' });
    const extortion = figures.incidents.byType.find((row) => row.type === 'extortion')!;
    expect(extortion).toMatchObject({ total: 3, byAccountability: { sanctioned: 3, documented: 0 } });
    expect(figures.incidents.byType.find((row) => row.type === 'violence')!.total).toBe(0);
    expect(response.body).not.toContain('Secret words');
    expect(response.body).not.toContain('sexual');
  });

  it('computes again once a submission is added, and not for every read', async () => {
    const before: PublicGatewayFigures = (
      await env.app.inject({ method: 'GET', url: '/api/v1/public/gateway/figures' })
    ).json();
    const concerns = (figures: PublicGatewayFigures) =>
      figures.submissions.byStateMonth.find((row) => row.kind === 'concern' && row.month === '2026-03')!.received;
    expect(concerns(before)).toBe(6);
    // Asked again with nothing changed: the same figures, not computed again.
    const first = await publicGatewayFigures(ctx());
    expect(await publicGatewayFigures(ctx())).toBe(first);
    await submit('concern', new Date('2026-03-11T09:00:00Z'));
    const after: PublicGatewayFigures = (
      await env.app.inject({ method: 'GET', url: '/api/v1/public/gateway/figures' })
    ).json();
    expect(concerns(after)).toBe(7);
  });
});
