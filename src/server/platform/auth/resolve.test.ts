import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../../test/support/app.ts';
import { memberships, organisations } from '../accounts/schema.ts';
import { resolveSession } from './resolve.ts';
import { createTestAccount, createTestOrganisation, signIn } from './test-support.ts';

let env: TestEnvironment;
beforeAll(async () => {
  env = await createTestEnvironment();
});
afterAll(() => env.close());

/** A person in two active organisations (two roles in one) and in one that was deactivated. */
async function personInThreeOrganisations() {
  const db = env.database.db;
  const suffix = randomUUID().slice(0, 8);
  const first = await createTestOrganisation(env.app, { name: `Beta monitors ${suffix}`, kind: 'independent_monitor' });
  const second = await createTestOrganisation(env.app, { name: `Alpha network ${suffix}`, kind: 'civil_society' });
  const closed = await createTestOrganisation(env.app, { name: `Closed office ${suffix}`, kind: 'civil_society' });
  const account = await createTestAccount(env.app, { roles: ['verifier', 'field_monitor'], organisationId: first.id });
  await db.insert(memberships).values([
    { userId: account.userId, organisationId: second.id, role: 'civil_society_watchdog' },
    { userId: account.userId, organisationId: closed.id, role: 'field_monitor' },
  ]);
  await db.update(organisations).set({ active: false }).where(eq(organisations.id, closed.id));
  return { account, first, second };
}

describe('the session on every request', () => {
  it('acts in the session organisation, knowing every active membership and none of a closed one', async () => {
    const { account, first, second } = await personInThreeOrganisations();
    const client = await signIn(env.app, account);
    const me = (await client.request({ method: 'GET', url: '/api/v1/me' })).json();
    expect([first.id, second.id]).toContain(me.organisation.id);
    expect(
      me.memberships.map((m: { organisation: { name: string }; roles: string[] }) => [m.organisation.name, m.roles]),
    ).toEqual([
      [second.name, ['civil_society_watchdog']],
      [first.name, ['field_monitor', 'verifier']],
    ]);
  });

  // On the embedded database every statement waits its turn behind every other request's (bench/mixed.ts).
  it('is read in one statement on the embedded database', async ({ skip }) => {
    const pglite = env.database.pglite;
    if (!pglite) return skip('PostgreSQL answers statements side by side');
    const { account } = await personInThreeOrganisations();
    const client = await signIn(env.app, account);
    const exclusive = pglite._runExclusiveQuery.bind(pglite);
    let statements = 0;
    pglite._runExclusiveQuery = (statement) => {
      statements++;
      return exclusive(statement);
    };
    try {
      const resolved = await resolveSession(env.database.db, env.config, client.cookie, new Date());
      expect(resolved.auth.state).toBe('signed_in');
      expect(resolved.actor?.memberships).toHaveLength(2);
    } finally {
      pglite._runExclusiveQuery = exclusive;
    }
    expect(statements).toBe(1);
  });
});
