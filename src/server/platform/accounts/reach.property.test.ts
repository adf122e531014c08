import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../../test/support/app.ts';
import { ORGANISATION_KINDS, ROLES } from '../../../shared/vocabulary.ts';
import { auditEntries } from '../audit/schema.ts';
import {
  createTestAccount,
  createTestOrganisation,
  signIn,
  type TestAccount,
  type TestClient,
} from '../auth/test-support.ts';
import { memberships, organisations as organisationsTable } from './schema.ts';

/**
 * Whatever an administrator of a civil-society organisation does with their own powers, in any order, they
 * never reach further than their own organisation: the people they can read are its members, they cannot act
 * on anyone else, they do not become an auditor, and their organisation does not become a monitoring centre
 * (issue 9, item 3).
 */
let env: TestEnvironment;
let admin: TestClient;
let adminAccount: TestAccount;
const organisations = { own: '', centre: '', third: '' };
/** People outside the administrator's organisation; `dormant` is deactivated, so probing it changes nothing. */
const outsiders: Record<'centreAdmin' | 'thirdPerson' | 'dormant', string> = {
  centreAdmin: '',
  thirdPerson: '',
  dormant: '',
};
/** People the actions may aim at: those created on the way, a shared person, the outsiders, the admin. */
let targets: string[] = [];
/** The person of the administrator's organisation who also belongs to the third organisation. */
let sharedId = '';
let counter = 0;
const account = (roles: (typeof ROLES)[number][], organisationId: string) =>
  createTestAccount(env.app, { roles, organisationId, totp: false, password: null });

/**
 * Each run starts from a new civil-society organisation with its administrator and a person it shares with
 * another organisation, so that a counterexample is the whole story (the outsiders stay the same).
 */
async function freshWorld(): Promise<void> {
  organisations.own = (await createTestOrganisation(env.app, { kind: 'civil_society', homeState: 'QT' })).id;
  adminAccount = await createTestAccount(env.app, { roles: ['administrator'], organisationId: organisations.own });
  admin = await signIn(env.app, adminAccount);
  const shared = await account(['field_monitor'], organisations.own);
  await env.database.db
    .insert(memberships)
    .values({ userId: shared.userId, organisationId: organisations.third, role: 'donor' });
  sharedId = shared.userId;
  targets = [adminAccount.userId, shared.userId, ...Object.values(outsiders)];
}

beforeAll(async () => {
  env = await createTestEnvironment();
  organisations.centre = (await createTestOrganisation(env.app, { kind: 'monitoring_centre' })).id;
  organisations.third = (await createTestOrganisation(env.app, { kind: 'donor', homeState: 'QO' })).id;
  outsiders.centreAdmin = (await account(['coordinator'], organisations.centre)).userId;
  outsiders.thirdPerson = (await account(['donor'], organisations.third)).userId;
  outsiders.dormant = (await account(['verifier'], organisations.centre)).userId;
  const centre = await signIn(
    env.app,
    await createTestAccount(env.app, { roles: ['administrator'], organisationId: organisations.centre }),
  );
  await centre.request({ method: 'POST', url: `/api/v1/users/${outsiders.dormant}/deactivate` });
});
afterAll(() => env.close());

// Weighted towards what an escalation would use: the own organisation, the admin and the shared person.
const organisationKey = fc.constantFrom('own', 'own', 'centre', 'third') as fc.Arbitrary<keyof typeof organisations>;
const role = fc.constantFrom(...ROLES);
const target = fc.nat({ max: 6 });
const action = fc.oneof(
  fc.record({ do: fc.constant('create_user' as const), organisation: organisationKey, role }),
  fc.record({ do: fc.constant('add_membership' as const), target, organisation: organisationKey, role }),
  fc.record({ do: fc.constant('remove_membership' as const), target, index: fc.nat() }),
  fc.record({
    do: fc.constant('account' as const),
    target,
    action: fc.constantFrom('deactivate', 'reactivate', 'reset-two-factor'),
  }),
  fc.record({
    do: fc.constant('update_organisation' as const),
    organisation: organisationKey,
    change: fc.oneof(
      fc.record({ kind: fc.constantFrom('monitoring_centre', ...ORGANISATION_KINDS) }),
      fc.record({ homeState: fc.constantFrom('QM', 'QT', 'QO') }),
      fc.constant({ name: 'rename' }),
    ),
  }),
  fc.record({ do: fc.constant('switch' as const), organisation: organisationKey }),
);
type Action = typeof action extends fc.Arbitrary<infer T> ? T : never;

async function perform(step: Action): Promise<number> {
  const at = (n: number) => targets[n % targets.length]!;
  const post = (url: string, payload?: object) =>
    admin.request({ method: 'POST', url, ...(payload ? { payload } : {}) });
  switch (step.do) {
    case 'create_user': {
      const response = await post('/api/v1/users', {
        email: `property-${++counter}@test.homeward.example`,
        displayName: 'Property Person',
        memberships: [{ organisationId: organisations[step.organisation], role: step.role }],
      });
      if (response.statusCode === 201) targets.push(response.json().user.id);
      return response.statusCode;
    }
    case 'add_membership':
      return (
        await post(`/api/v1/users/${at(step.target)}/memberships`, {
          organisationId: organisations[step.organisation],
          role: step.role,
        })
      ).statusCode;
    case 'remove_membership': {
      const userId = at(step.target);
      const held = await env.database.db.select().from(memberships).where(eq(memberships.userId, userId));
      const membership = held[step.index % held.length]!;
      const url = `/api/v1/users/${userId}/memberships/${membership.id}`;
      return (await admin.request({ method: 'DELETE', url })).statusCode;
    }
    case 'account':
      return (await post(`/api/v1/users/${at(step.target)}/${step.action}`)).statusCode;
    case 'update_organisation': {
      const change = 'name' in step.change ? { name: `Renamed ${++counter}` } : step.change;
      const url = `/api/v1/organisations/${organisations[step.organisation]}`;
      return (await admin.request({ method: 'PATCH', url, payload: change })).statusCode;
    }
    case 'switch':
      return (await post('/api/v1/me/organisation', { organisationId: organisations[step.organisation] })).statusCode;
  }
}

/** What the administrator reaches now, as the API shows it, and whether that stays within their organisation. */
const WHOLE_ACCOUNT_EVENTS = ['account.user_deactivated', 'account.user_reactivated', 'account.two_factor_reset'];

async function widenedReach(): Promise<string[]> {
  const db = env.database.db;
  const problems: string[] = [];
  const me = (await admin.request({ method: 'GET', url: '/api/v1/me' })).json();
  if (me.organisation.kind === 'monitoring_centre') problems.push('acts for a monitoring centre');
  if (me.permissions.includes('audit:details')) problems.push('reads every organisation’s log details');
  if (me.memberships.some((m: { organisation: { id: string } }) => m.organisation.id !== organisations.own)) {
    problems.push('belongs to another organisation');
  }
  const members = new Set(
    (
      await env.database.db
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(eq(memberships.organisationId, organisations.own))
    ).map((m) => m.userId),
  );
  const listed = (await admin.request({ method: 'GET', url: '/api/v1/users' })).json() as { id: string }[];
  for (const user of listed) if (!members.has(user.id)) problems.push(`lists ${user.id}`);
  for (const userId of Object.values(outsiders)) {
    const read = await admin.request({ method: 'GET', url: `/api/v1/users/${userId}` });
    if (read.statusCode !== 404) problems.push(`reads an outsider: ${read.statusCode}`);
  }
  const act = await admin.request({ method: 'POST', url: `/api/v1/users/${outsiders.dormant}/deactivate` });
  if (act.statusCode !== 404) problems.push(`acts on an outsider: ${act.statusCode}`);
  // Through others: the organisation's reach, an auditor among its people, the shared person's whole account.
  const [organisation] = await db.select().from(organisationsTable).where(eq(organisationsTable.id, organisations.own));
  if (organisation!.kind !== 'civil_society' || organisation!.homeState !== 'QT') problems.push('organisation reach');
  const roles = await db.select().from(memberships).where(eq(memberships.organisationId, organisations.own));
  if (roles.some((m) => m.role === 'auditor')) problems.push('an auditor in the organisation');
  const onShared = await db
    .select()
    .from(auditEntries)
    .where(eq(auditEntries.subject, `user:${sharedId}`));
  const wholeAccount = onShared.filter((entry) => WHOLE_ACCOUNT_EVENTS.includes(entry.eventType));
  if (wholeAccount.length > 0) problems.push('acted on the whole account of a person shared with another organisation');
  return problems;
}

describe("an administrator's own actions", () => {
  it('never widen what they reach beyond their own organisation', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 6 }), async (steps) => {
        await freshWorld();
        const answers: number[] = [];
        for (const step of steps) {
          answers.push(await perform(step));
          expect(answers.filter((status) => status >= 500)).toEqual([]);
        }
        expect(await widenedReach()).toEqual([]);
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});
