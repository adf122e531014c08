import { MODULES } from '../modules.ts';
import { findUserByEmail } from '../platform/accounts/directory.ts';
import { createOrganisation, createUser, findOrganisationByName } from '../platform/accounts/provisioning.ts';
import type { Keyring } from '../platform/crypto/keyring.ts';
import type { Database } from '../platform/db/client.ts';
import type { DemoContext } from '../platform/module.ts';
import type { DemoZonesSummary } from '../zones/demo.ts';
import { DEMO_ACCOUNTS, DEMO_ORGANISATIONS, DEMO_PASSWORD, type DemoAccount } from './region.ts';

export const DEMO_SCALES = ['small', 'regional'] as const;
export type DemoScale = (typeof DEMO_SCALES)[number];

export interface DemoLoadResult {
  organisationsCreated: number;
  accountsCreated: number;
  accounts: (DemoAccount & { organisationName: string; password: string })[];
  /** What each module's demo loader says it holds, by module name. */
  modules: Record<string, unknown>;
  zones: DemoZonesSummary;
}

export interface DemoLoadOptions {
  /** The clock the story's months follow (default: now). */
  now?: Date;
  /** Load each module's part (the return zones and their year of observations and publications; default: true). */
  modules?: boolean;
}

/**
 * Loads the fictional demo region: organisations, accounts, and Marenland's return zones with a year of
 * verified observations and published classes (each module's demo loader, zones/demo.ts). Idempotent: what already exists is kept,
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
      userIds.set(account.key, found.id);
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
    userIds.set(account.key, created.user.id);
    accountsCreated++;
  }

  const person = (account: DemoAccount) => ({
    userId: userIds.get(account.key)!,
    organisationId: organisationIds.get(account.organisation)!,
  });
  const context: DemoContext = {
    db,
    keyring,
    scale,
    now: options.now ?? new Date(),
    // A role's account is the one keyed by the role itself (the first of the role, as listed).
    people: Object.fromEntries(
      DEMO_ACCOUNTS.filter((account) => account.key === account.role).map((account) => [account.role, person(account)]),
    ),
    accounts: Object.fromEntries(DEMO_ACCOUNTS.map((account) => [account.key, person(account)])),
    organisations: Object.fromEntries(organisationIds),
  };
  // Each module loads its part of the region in the order modules.ts lists them (or only says what is there).
  const modules: Record<string, unknown> = {};
  for (const module of MODULES) {
    if (!module.demo) continue;
    modules[module.name] = await (options.modules === false ? module.demo.summarise(db) : module.demo.load(context));
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
    modules,
    zones: modules.zones as DemoZonesSummary,
  };
}
