import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../../test/support/app.ts';
import type { Case, MatrixFixture, Target } from '../../../../test/support/matrix.ts';
import { ROLES, type Role } from '../../../shared/vocabulary.ts';
import { CASE_MATRIX_PARTS } from '../../cases/matrix/test-support.ts';
import { forumCommitmentsMatrix } from '../../forum/matrix/commitments-test-support.ts';
import { forumConsultationsMatrix } from '../../forum/matrix/consultations-test-support.ts';
import { forumFlagsMatrix } from '../../forum/matrix/flags-test-support.ts';
import { forumMeetingsMatrix } from '../../forum/matrix/meetings-test-support.ts';
import { forumTimelineMatrix } from '../../forum/matrix/timeline-test-support.ts';
import { GATEWAY_MATRIX_PARTS } from '../../gateway/matrix/test-support.ts';
import { alertsMatrix } from '../../outcomes/matrix/alerts-test-support.ts';
import { outcomeDashboardsMatrix } from '../../outcomes/matrix/dashboards-test-support.ts';
import { followUpsMatrix } from '../../outcomes/matrix/follow-ups-test-support.ts';
import { instrumentsMatrix } from '../../outcomes/matrix/instruments-test-support.ts';
import { CHROMIUM_PNG } from '../../zones/files/test-images.ts';
import { createTestZones } from '../../zones/test-support.ts';
import { memberships } from '../accounts/schema.ts';
import {
  createTestAccount,
  createTestOrganisation,
  signIn,
  type TestAccount,
  TestClient,
} from '../auth/test-support.ts';
import { routeTable } from './guard.ts';
import { PERMISSIONS, type RouteAccess } from './permissions.ts';
import { dataSharingAgreements } from './schema.ts';

/**
 * The authorization matrix (issue 9, item 3): every operation of the OpenAPI document, for anonymous callers
 * and for a person of each role, on a record of their own organisation and on one of another organisation.
 * The expected answer of each cell comes from the route's declared permission, the role table (PERMISSIONS)
 * and, for a record, whether the operation reaches records of other organisations. A cell expected to refuse
 * must answer exactly that refusal; a cell expected to allow must not be refused. The callers act for a
 * civil-society organisation; the other organisation is the monitoring centre, whose records are the prize.
 */

let env: TestEnvironment;
let own: string;
let other: string;
let ownVictim: TestAccount;
let otherVictim: TestAccount;
const ids = {
  ownMembership: '',
  otherMembership: '',
  ownAgreement: '',
  otherAgreement: '',
  ownObs: '',
  otherObs: '',
  ownFile: '',
  otherFile: '',
};
let definition: unknown;
const clients = new Map<Role, TestClient>();
const PERIOD = '2026-09';
const pick = <T>(target: Target, mine: T, theirs: T) => (target === 'own' ? mine : theirs);
const observation = { pcode: 'QM0101', indicator: 'mines_uxo_on_routes', period: PERIOD, value: 1 };
const observed = (method: string) => ({ ...observation, source: 'monitoring_visit', method });

/** Outcome monitoring's parts of the matrix, one per part of the module. */
// One part a line, so that parts added side by side merge cleanly.
const OUTCOME_MATRIX_PARTS = [
  instrumentsMatrix, //
  followUpsMatrix,
  alertsMatrix,
  outcomeDashboardsMatrix,
];

/** The forum's parts of the matrix, one per part of the module. */
// One part a line, so that parts added side by side merge cleanly.
const FORUM_MATRIX_PARTS = [
  forumMeetingsMatrix, //
  forumCommitmentsMatrix,
  forumConsultationsMatrix,
  forumFlagsMatrix,
  forumTimelineMatrix,
];

const PLATFORM_CASES: Record<string, Case> = {
  'GET /api/v1/health': { request: () => ({ url: '/api/v1/health' }) },
  'GET /api/v1/agreements': { request: () => ({ url: '/api/v1/agreements' }) },
  'POST /api/v1/agreements': {
    reach: 'own',
    refusal: 403,
    request: (t) => ({
      url: '/api/v1/agreements',
      body: {
        fromOrganisationId: pick(t, own, other),
        toOrganisationId: pick(t, other, own),
        purpose: 'statistics',
        dataCategories: ['case'],
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
    }),
  },
  'POST /api/v1/agreements/{agreementId}/revoke': {
    reach: 'own',
    refusal: 404,
    request: (t) => ({ url: `/api/v1/agreements/${pick(t, ids.ownAgreement, ids.otherAgreement)}/revoke` }),
  },
  'POST /api/v1/auth/login': {
    request: () => ({ url: '/api/v1/auth/login', body: { email: 'nobody@test.homeward.example', password: 'x' } }),
  },
  'POST /api/v1/auth/login/totp': { request: () => ({ url: '/api/v1/auth/login/totp', body: { code: '000000' } }) },
  'POST /api/v1/auth/totp/enrol': { request: () => ({ url: '/api/v1/auth/totp/enrol' }) },
  'POST /api/v1/auth/totp/confirm': { request: () => ({ url: '/api/v1/auth/totp/confirm', body: { code: '000000' } }) },
  'POST /api/v1/auth/password': {
    request: () => ({
      url: '/api/v1/auth/password',
      body: { currentPassword: 'not the password', newPassword: 'a new password long enough' },
    }),
  },
  'POST /api/v1/auth/logout': { request: () => ({ url: '/api/v1/auth/logout' }) },
  'GET /api/v1/auth/csrf': { request: () => ({ url: '/api/v1/auth/csrf' }) },
  'GET /api/v1/me': { request: () => ({ url: '/api/v1/me' }) },
  'GET /api/v1/me/work': { request: () => ({ url: '/api/v1/me/work' }) },
  'POST /api/v1/me/organisation': {
    reach: 'own',
    refusal: 404,
    request: (t) => ({ url: '/api/v1/me/organisation', body: { organisationId: pick(t, own, other) } }),
  },
  'GET /api/v1/organisations': { request: () => ({ url: '/api/v1/organisations' }) },
  'POST /api/v1/organisations': {
    reach: 'centre',
    refusal: 403,
    request: () => ({
      url: '/api/v1/organisations',
      body: { name: `Matrix ${randomUUID()}`, kind: 'donor', homeState: 'QO' },
    }),
  },
  'PATCH /api/v1/organisations/{organisationId}': {
    reach: 'own',
    refusal: 403,
    request: (t) => ({
      url: `/api/v1/organisations/${pick(t, own, other)}`,
      body: pick(t, { kind: 'civil_society', homeState: 'QT' }, { kind: 'civil_society' }),
    }),
  },
  'GET /api/v1/users': {
    reach: 'any',
    hides: true,
    request: (t) => ({ url: `/api/v1/users?organisationId=${pick(t, own, other)}` }),
  },
  'POST /api/v1/users': {
    reach: 'own',
    refusal: 403,
    request: (t) => ({
      url: '/api/v1/users',
      body: {
        email: `matrix-${randomUUID()}@test.homeward.example`,
        displayName: 'Matrix Person',
        memberships: [{ organisationId: pick(t, own, other), role: 'administrator' }],
      },
    }),
  },
  'GET /api/v1/users/{userId}': {
    reach: 'own',
    refusal: 404,
    hides: true,
    request: (t) => ({ url: `/api/v1/users/${pick(t, ownVictim, otherVictim).userId}` }),
  },
  'POST /api/v1/users/{userId}/deactivate': userAction('deactivate'),
  'POST /api/v1/users/{userId}/reactivate': userAction('reactivate'),
  'POST /api/v1/users/{userId}/reset-two-factor': userAction('reset-two-factor'),
  'POST /api/v1/users/{userId}/memberships': {
    reach: 'own',
    refusal: 404,
    hides: true,
    request: (t) => ({
      url: `/api/v1/users/${pick(t, ownVictim, otherVictim).userId}/memberships`,
      body: { organisationId: own, role: 'verifier' },
    }),
  },
  'DELETE /api/v1/users/{userId}/memberships/{membershipId}': {
    reach: 'own',
    refusal: 404,
    hides: true,
    request: (t) => {
      const [victim, membership] = pick(t, [ownVictim, ids.ownMembership], [otherVictim, ids.otherMembership]);
      return { url: `/api/v1/users/${victim.userId}/memberships/${membership}` };
    },
  },
  'GET /api/v1/public/checkpoint': { request: () => ({ url: '/api/v1/public/checkpoint' }) },
  // Public, but the credential is a configured witness's signature: an unknown key is refused (403) to everyone.
  'POST /api/v1/public/checkpoint/countersignatures': {
    request: () => ({
      url: '/api/v1/public/checkpoint/countersignatures',
      body: { treeSize: 1, keyId: '0123456789abcdef', signature: 'AAAA' },
    }),
  },
  'GET /api/v1/public/log/proof/inclusion': {
    request: () => ({ url: '/api/v1/public/log/proof/inclusion?seq=0&treeSize=1' }),
  },
  'GET /api/v1/public/log/proof/consistency': {
    request: () => ({ url: '/api/v1/public/log/proof/consistency?from=1&to=1' }),
  },
  'GET /api/v1/audit/entries': {
    reach: 'any',
    request: (t) => ({ url: `/api/v1/audit/entries?organisation=${pick(t, own, other)}&limit=5` }),
  },
  'POST /api/v1/audit/verify': { request: () => ({ url: '/api/v1/audit/verify' }) },
  'GET /api/v1/audit/access-log': { request: () => ({ url: '/api/v1/audit/access-log?limit=5' }) },
  'GET /api/v1/zones': { request: () => ({ url: '/api/v1/zones?limit=5' }) },
  'GET /api/v1/zones/{pcode}': { request: () => ({ url: '/api/v1/zones/QM0101' }) },
  'GET /api/v1/frameworks': { request: () => ({ url: '/api/v1/frameworks' }) },
  'GET /api/v1/frameworks/active': { request: () => ({ url: '/api/v1/frameworks/active' }) },
  'POST /api/v1/frameworks/drafts': { request: () => ({ url: '/api/v1/frameworks/drafts', body: { definition } }) },
  'POST /api/v1/frameworks/{version}/publish': { request: () => ({ url: '/api/v1/frameworks/9999/publish' }) },
  'GET /api/v1/observations': { request: () => ({ url: '/api/v1/observations?limit=5' }) },
  'POST /api/v1/observations': {
    request: () => ({ url: '/api/v1/observations', body: observed(`matrix ${randomUUID()}`) }),
  },
  'POST /api/v1/observations/batch': {
    request: () => ({ url: '/api/v1/observations/batch', body: { observations: [observed('matrix batch')] } }),
  },
  'GET /api/v1/observations/{id}': {
    reach: 'any',
    request: (t) => ({ url: `/api/v1/observations/${pick(t, ids.ownObs, ids.otherObs)}` }),
  },
  'POST /api/v1/observations/{id}/verification': {
    reach: 'foreign',
    refusal: 403,
    request: (t) => ({
      url: `/api/v1/observations/${pick(t, ids.ownObs, ids.otherObs)}/verification`,
      body: { decision: 'request_evidence', reason: 'matrix' },
    }),
  },
  'POST /api/v1/observations/{id}/evidence': {
    reach: 'own',
    refusal: 404,
    request: (t) => ({
      url: `/api/v1/observations/${pick(t, ids.ownObs, ids.otherObs)}/evidence`,
      body: { evidenceNotes: 'matrix' },
    }),
  },
  'POST /api/v1/observations/{id}/corrections': {
    reach: 'own',
    refusal: 404,
    request: (t) => ({
      url: `/api/v1/observations/${pick(t, ids.ownObs, ids.otherObs)}/corrections`,
      body: { value: 2, source: 'survey', method: `matrix ${randomUUID()}`, reason: 'matrix' },
    }),
  },
  'GET /api/v1/observations/{id}/history': {
    reach: 'any',
    request: (t) => ({ url: `/api/v1/observations/${pick(t, ids.ownObs, ids.otherObs)}/history` }),
  },
  'POST /api/v1/observations/{id}/files': {
    reach: 'own',
    refusal: 404,
    request: (t) => ({
      url: `/api/v1/observations/${pick(t, ids.ownObs, ids.otherObs)}/files?name=matrix.png`,
      body: CHROMIUM_PNG,
      headers: { 'content-type': 'image/png' },
    }),
  },
  'GET /api/v1/observations/{id}/files/{fileId}': {
    reach: 'evidence',
    refusal: 404,
    request: (t) => ({
      url: `/api/v1/observations/${pick(t, ids.ownObs, ids.otherObs)}/files/${pick(t, ids.ownFile, ids.otherFile)}`,
    }),
  },
  'POST /api/v1/assessments': { request: () => ({ url: '/api/v1/assessments', body: { period: PERIOD } }) },
  'GET /api/v1/periods/{period}/review': { request: () => ({ url: `/api/v1/periods/${PERIOD}/review` }) },
  'GET /api/v1/periods/{period}/waiting': { request: () => ({ url: `/api/v1/periods/${PERIOD}/waiting` }) },
  'GET /api/v1/publications': { request: () => ({ url: '/api/v1/publications' }) },
  'POST /api/v1/publications': { request: () => ({ url: '/api/v1/publications', body: { period: PERIOD } }) },
  'GET /api/v1/public/zones': { request: () => ({ url: '/api/v1/public/zones' }) },
  'GET /api/v1/public/zones/{pcode}': { request: () => ({ url: '/api/v1/public/zones/QM0101' }) },
  'GET /api/v1/public/zones/{pcode}/history': { request: () => ({ url: '/api/v1/public/zones/QM0101/history' }) },
  'GET /api/v1/public/zones/{pcode}/map': { request: () => ({ url: '/api/v1/public/zones/QM0101/map' }) },
  'GET /api/v1/public/publications/{id}': { request: () => ({ url: `/api/v1/public/publications/${randomUUID()}` }) },
  'POST /api/v1/outcomes/imports': {
    request: () => ({
      url: '/api/v1/outcomes/imports',
      body: { formId: 'homeward_reintegration', fileName: 'answers.csv', contentBase64: 'X3V1aWQK' },
    }),
  },
};

function userAction(action: string): Case {
  return {
    reach: 'own',
    refusal: 404,
    hides: true,
    request: (t) => ({ url: `/api/v1/users/${pick(t, ownVictim, otherVictim).userId}/${action}` }),
  };
}

/** The answer a cell must give: a refusal status, or `allow` (any answer but a refusal). */
function expected(access: RouteAccess, role: Role | null, target: Target, rule: Case): number | 'allow' {
  if (access === 'public') return 'allow';
  if (role === null) return 401;
  if (access !== 'authenticated' && !(PERMISSIONS[access] as readonly Role[]).includes(role)) return 403;
  const outOfReach =
    rule.reach === 'centre' ||
    (rule.reach === 'own' && target === 'other') ||
    (rule.reach === 'foreign' && target === 'own') ||
    (rule.reach === 'evidence' && target === 'other' && role !== 'verifier');
  if (outOfReach) {
    return rule.refusal ?? 404;
  }
  return 'allow';
}

beforeAll(async () => {
  env = await createTestEnvironment();
  const db = env.database.db;
  await createTestZones(db);
  own = (await createTestOrganisation(env.app, { kind: 'civil_society', homeState: 'QT' })).id;
  other = (await createTestOrganisation(env.app, { kind: 'monitoring_centre', homeState: 'QM' })).id;
  const third = (await createTestOrganisation(env.app, { kind: 'donor', homeState: 'QO' })).id;
  for (const role of ROLES) {
    clients.set(role, await signIn(env.app, await createTestAccount(env.app, { roles: [role], organisationId: own })));
  }
  ownVictim = await createTestAccount(env.app, { roles: ['field_monitor'], organisationId: own });
  otherVictim = await createTestAccount(env.app, { roles: ['field_monitor'], organisationId: other });
  const membershipOf = async (userId: string) =>
    (await db.select().from(memberships).where(eq(memberships.userId, userId)))[0]!.id;
  ids.ownMembership = await membershipOf(ownVictim.userId);
  ids.otherMembership = await membershipOf(otherVictim.userId);
  const agreement = async (from: string) => {
    const [row] = await db
      .insert(dataSharingAgreements)
      .values({
        fromOrganisationId: from,
        toOrganisationId: third,
        purpose: 'statistics',
        dataCategories: ['case'],
        expiresAt: new Date(Date.now() + 86_400_000),
        createdBy: ownVictim.userId,
      })
      .returning();
    return row!.id;
  };
  ids.ownAgreement = await agreement(own);
  ids.otherAgreement = await agreement(other);
  const record = async (client: TestClient) => {
    const response = await client.request({ method: 'POST', url: '/api/v1/observations', payload: observed('setup') });
    if (response.statusCode !== 201) throw new Error(`setup observation: ${response.body}`);
    return response.json<{ id: string }>().id;
  };
  ids.ownObs = await record(clients.get('field_monitor')!);
  const otherClient = await signIn(env.app, otherVictim);
  ids.otherObs = await record(otherClient);
  const attach = async (client: TestClient, id: string) => {
    const response = await client.request({
      method: 'POST',
      url: `/api/v1/observations/${id}/files?name=setup.png`,
      headers: { 'content-type': 'image/png' },
      payload: CHROMIUM_PNG,
    });
    if (response.statusCode !== 201) throw new Error(`setup file: ${response.body}`);
    return response.json<{ id: string }>().id;
  };
  ids.ownFile = await attach(clients.get('field_monitor')!, ids.ownObs);
  ids.otherFile = await attach(otherClient, ids.otherObs);
  definition = (await clients.get('coordinator')!.request({ method: 'GET', url: '/api/v1/frameworks/active' })).json()
    .definition;
  const fixture: MatrixFixture = { env, own, other, third, clients };
  for (const part of [...CASE_MATRIX_PARTS, ...GATEWAY_MATRIX_PARTS, ...OUTCOME_MATRIX_PARTS, ...FORUM_MATRIX_PARTS])
    await part.setup(fixture);
});
afterAll(() => env.close());

describe('the authorization matrix', () => {
  it('answers every route, role and organisation as the permission table says', async () => {
    const document = (await env.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const declared = new Map(routeTable(env.app).map((route) => [`${route.method} ${route.url}`, route.permission]));
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => ({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
      })),
    );
    const CASES: Record<string, Case> = Object.assign(
      { ...PLATFORM_CASES },
      ...[...CASE_MATRIX_PARTS, ...GATEWAY_MATRIX_PARTS, ...OUTCOME_MATRIX_PARTS, ...FORUM_MATRIX_PARTS].map((part) =>
        part.cases(),
      ),
    );
    expect(operations.filter((op) => !CASES[op.key]).map((op) => op.key)).toEqual([]);
    expect(Object.keys(CASES).filter((key) => !operations.some((op) => op.key === key))).toEqual([]);

    const failures: string[] = [];
    let cells = 0;
    const run = async (op: (typeof operations)[number], role: Role | null, target: Target) => {
      const rule = CASES[op.key]!;
      const access = declared.get(`${op.method} ${op.path.replace(/\{(\w+)\}/g, ':$1')}`);
      if (access === undefined) return void failures.push(`${op.key}: not in the route table`);
      const want = expected(access, role, target, rule);
      // The public sign-in steps act on the caller's own session: for a signed-in person they are not sent.
      if (access === 'public' && role !== null && op.method !== 'GET') return;
      const { url, body, headers } = rule.request(target);
      const client = role === null ? new TestClient(env.app) : clients.get(role)!;
      const method = op.method as InjectOptions['method'];
      const response = await client.request({
        method,
        url,
        ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
        ...(headers ? { headers } : {}),
      });
      cells++;
      const cell = `${op.key} as ${role ?? 'anonymous'} on ${target}: ${response.statusCode}`;
      if (response.statusCode >= 500) failures.push(`${cell} (server error)`);
      else if (want === 'allow') {
        const refused = access !== 'public' && [401, 403].includes(response.statusCode);
        const hidden = rule.reach !== undefined && response.statusCode === 404;
        if (refused || hidden) failures.push(`${cell}, expected to be allowed: ${response.body}`);
      } else if (response.statusCode !== want) failures.push(`${cell}, expected ${want}`);
      if (rule.hides && response.statusCode < 300) {
        if (response.body.includes(otherVictim.userId) || response.body.includes(otherVictim.email)) {
          failures.push(`${cell} shows a person of the other organisation`);
        }
      }
    };
    for (const op of operations) {
      await run(op, null, 'own');
      for (const role of ROLES) {
        await run(op, role, 'own');
        if (CASES[op.key]!.reach) await run(op, role, 'other');
      }
    }
    expect(failures).toEqual([]);
    expect(cells).toBeGreaterThan(400);
  }, 120_000);
});
