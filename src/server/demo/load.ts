import { findUserByEmail } from '../platform/accounts/directory.ts';
import { createOrganisation, createUser, findOrganisationByName } from '../platform/accounts/provisioning.ts';
import type { Keyring } from '../platform/crypto/keyring.ts';
import type { Database } from '../platform/db/client.ts';
import { DEMO_ACCOUNTS, DEMO_ORGANISATIONS, DEMO_PASSWORD, type DemoAccount } from './region.ts';

export const DEMO_SCALES = ['small', 'regional'] as const;
export type DemoScale = (typeof DEMO_SCALES)[number];

export interface DemoLoadResult {
  organisationsCreated: number;
  accountsCreated: number;
  accounts: (DemoAccount & { organisationName: string; password: string })[];
}

/**
 * Loads the fictional demo region. Idempotent: what already exists is kept, what is missing is created, and
 * the accounts printed are the same on every load (fixed password, TOTP secrets derived from the email).
 */
export async function loadDemo(db: Database, keyring: Keyring, _scale: DemoScale): Promise<DemoLoadResult> {
  const organisationIds = new Map<string, string>();
  let organisationsCreated = 0;
  for (const organisation of DEMO_ORGANISATIONS) {
    const existing = await findOrganisationByName(db, organisation.name);
    const row =
      existing ??
      (await createOrganisation(
        db,
        { name: organisation.name, kind: organisation.kind, homeState: organisation.homeState },
        null,
      ));
    if (!existing) organisationsCreated++;
    organisationIds.set(organisation.key, row.id);
  }

  let accountsCreated = 0;
  for (const account of DEMO_ACCOUNTS) {
    if (await findUserByEmail(db, account.email)) continue;
    await createUser(
      db,
      keyring,
      {
        email: account.email,
        displayName: account.displayName,
        password: DEMO_PASSWORD,
        memberships: [{ organisationId: organisationIds.get(account.organisation)!, role: account.role }],
        totpSecret: account.totpSecret ?? undefined,
      },
      null,
    );
    accountsCreated++;
  }

  const names = new Map(DEMO_ORGANISATIONS.map((o) => [o.key, o.name]));
  return {
    organisationsCreated,
    accountsCreated,
    accounts: DEMO_ACCOUNTS.map((account) => ({
      ...account,
      organisationName: names.get(account.organisation)!,
      password: DEMO_PASSWORD,
    })),
  };
}
