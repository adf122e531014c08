import { findUserByEmail } from '../platform/accounts/directory.ts';
import { createOrganisation, createUser, findOrganisationByName } from '../platform/accounts/provisioning.ts';
import type { Keyring } from '../platform/crypto/keyring.ts';
import type { Database } from '../platform/db/client.ts';
import { DEMO_ACCOUNTS, DEMO_ORGANISATIONS, DEMO_PASSWORD, type DemoAccount } from './region.ts';
import { type DemoZonesSummary, loadDemoZones, summariseDemoZones } from './zones.ts';

export const DEMO_SCALES = ['small', 'regional'] as const;
export type DemoScale = (typeof DEMO_SCALES)[number];

export interface DemoLoadResult {
  organisationsCreated: number;
  accountsCreated: number;
  accounts: (DemoAccount & { organisationName: string; password: string })[];
  zones: DemoZonesSummary;
}

export interface DemoLoadOptions {
  /** The clock the story's months follow (default: now). */
  now?: Date;
  /** Load the return zones and their year of observations and publications (default: true). */
  zones?: boolean;
}

/**
 * Loads the fictional demo region: organisations, accounts, and Marenland's return zones with a year of
 * verified observations and published classes (demo/zones.ts). Idempotent: what already exists is kept,
 * what is missing is created, and the accounts printed are the same on every load (fixed password, TOTP
 * secrets derived from the email).
 */
export async function loadDemo(
  db: Database,
  keyring: Keyring,
  scale: DemoScale,
  options: DemoLoadOptions = {},
): Promise<DemoLoadResult> {
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
  const userIds = new Map<string, string>();
  for (const account of DEMO_ACCOUNTS) {
    const found = await findUserByEmail(db, account.email);
    if (found) {
      userIds.set(account.role, found.id);
      continue;
    }
    const created = await createUser(
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
    userIds.set(account.role, created.user.id);
    accountsCreated++;
  }

  const person = (role: DemoAccount['role']) => {
    const account = DEMO_ACCOUNTS.find((a) => a.role === role)!;
    return { userId: userIds.get(role)!, organisationId: organisationIds.get(account.organisation)! };
  };
  const zones = await (options.zones === false
    ? summariseDemoZones(db)
    : loadDemoZones(
        db,
        keyring,
        scale,
        {
          coordinator: person('coordinator'),
          fieldMonitor: person('field_monitor'),
          verifier: person('verifier'),
          organisations: {
            jmc: organisationIds.get('jmc')!,
            cso: organisationIds.get('cso')!,
            un: organisationIds.get('un')!,
          },
        },
        options.now,
      ));

  const names = new Map(DEMO_ORGANISATIONS.map((o) => [o.key, o.name]));
  return {
    organisationsCreated,
    accountsCreated,
    accounts: DEMO_ACCOUNTS.map((account) => ({
      ...account,
      organisationName: names.get(account.organisation)!,
      password: DEMO_PASSWORD,
    })),
    zones,
  };
}
