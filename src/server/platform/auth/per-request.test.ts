import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../../test/support/app.ts';
import { countStatements } from '../../../../test/support/statements.ts';
import { organisations, users } from '../accounts/schema.ts';
import { createTestAccount, signIn, type TestClient } from './test-support.ts';

/** What every staff screen asks first (/me) and before every write (a CSRF token), read no more than once. */
let env: TestEnvironment;
beforeAll(async () => {
  env = await createTestEnvironment();
});
afterAll(() => env.close());

const createOrganisation = (client: TestClient, csrf: string, name: string) =>
  client.request({
    method: 'POST',
    url: '/api/v1/organisations',
    payload: { name, kind: 'donor', homeState: 'QO' },
    csrf,
  });

describe('/me', () => {
  it('shows the person and organisations as they are now, read with the session in one statement', async () => {
    const account = await createTestAccount(env.app, { roles: ['verifier'] });
    const client = await signIn(env.app, account);
    expect((await client.request({ method: 'GET', url: '/api/v1/me' })).json().user.displayName).toBe('Test Person');

    // Changed behind the session's back: the next request sees it, nothing is kept from an earlier one.
    const db = env.database.db;
    await db.update(users).set({ displayName: 'Renamed Person' }).where(eq(users.id, account.userId));
    await db.update(organisations).set({ name: 'Renamed Office' }).where(eq(organisations.id, account.organisationId));
    let me: { user: { displayName: string }; organisation: { name: string } } | undefined;
    const statements = await countStatements(env.database, async () => {
      me = (await client.request({ method: 'GET', url: '/api/v1/me' })).json();
    });
    expect(me?.user.displayName).toBe('Renamed Person');
    expect(me?.organisation.name).toBe('Renamed Office');
    if (statements !== undefined) expect(statements).toBe(1);

    await db.update(users).set({ active: false }).where(eq(users.id, account.userId));
    const after = await client.request({ method: 'GET', url: '/api/v1/me' });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('session_expired');
  });
});

describe('CSRF tokens', () => {
  it('are issued in one statement beyond the session’s, and each works once', async () => {
    const client = await signIn(env.app, await createTestAccount(env.app, { roles: ['administrator'] }));
    let token = '';
    const statements = await countStatements(env.database, async () => {
      token = await client.csrfToken();
    });
    if (statements !== undefined) expect(statements).toBe(2);
    expect((await createOrganisation(client, token, 'Once Fund')).statusCode).toBe(201);
    expect((await createOrganisation(client, token, 'Twice Fund')).json().code).toBe('csrf_failed');
  });

  it('stay good for the fifty newest of a session; an older one is refused', async () => {
    const client = await signIn(env.app, await createTestAccount(env.app, { roles: ['administrator'] }));
    const tokens: string[] = [];
    for (let i = 0; i < 51; i++) tokens.push(await client.csrfToken());
    const oldest = await createOrganisation(client, tokens[0]!, 'Oldest Token Fund');
    expect(oldest.statusCode).toBe(403);
    expect(oldest.json().code).toBe('csrf_failed');
    expect((await createOrganisation(client, tokens[1]!, 'Fiftieth Token Fund')).statusCode).toBe(201);
    expect((await createOrganisation(client, tokens[50]!, 'Newest Token Fund')).statusCode).toBe(201);
  });
});
