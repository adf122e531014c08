import { type Command, Option } from 'commander';
import { sql } from 'drizzle-orm';
import { DEMO_SCALES, type DemoLoadOptions, type DemoLoadResult, type DemoScale, loadDemo } from '../demo/load.ts';
import { DEMO_STATES } from '../demo/region.ts';
import { signCheckpoint } from '../platform/audit/checkpoint.ts';
import { listTables, quoteIdent } from '../platform/backup/tables.ts';
import { type Keyring, openKeyring } from '../platform/crypto/keyring.ts';
import type { Database } from '../platform/db/client.ts';
import { counted } from '../platform/i18n/plural.ts';
import type { DemoZonesSummary } from '../zones/demo.ts';
import { commandConfig, withDatabase } from './support.ts';

interface DemoOptions {
  scale: DemoScale;
  reset?: boolean;
  json?: boolean;
}

/** The summary's line on the return zones. */
export function zonesLine(zones: DemoZonesSummary): string {
  const published = zones.published;
  const months =
    published.length === 0
      ? 'no month published'
      : `${counted(published.length, 'month', 'months')} published (${published[0]} to ${published.at(-1)})`;
  const waiting = counted(zones.awaitingVerification, 'observation waits', 'observations wait');
  const assessed = zones.assessed ? `; ${zones.assessed} assessed, not published` : '';
  return (
    `Return zones: ${counted(zones.zones, 'zone', 'zones')} of Marenland (${counted(zones.returnZones, 'location', 'locations')} classified), ` +
    `${counted(zones.observations, 'observation', 'observations')}, ${months}${assessed}: ${waiting} for a verifier.`
  );
}

/** What `--json` prints: the accounts as before, and the zones' summary beside them. */
export function demoJson(scale: DemoScale, result: DemoLoadResult) {
  return { scale, accounts: result.accounts, zones: result.zones };
}

function printAccounts(result: DemoLoadResult): void {
  const states = DEMO_STATES.map((s) => `${s.name} (${s.code}, ${s.role === 'origin' ? 'origin' : 'asylum'})`);
  console.log(`Demo region loaded: ${states.join(', ')}.`);
  console.log(
    `Created ${counted(result.organisationsCreated, 'organisation', 'organisations')} and ${counted(result.accountsCreated, 'account', 'accounts')}` +
      (result.accountsCreated === 0 ? ' (all were already there).' : '.'),
  );
  console.log(zonesLine(result.zones));
  console.log(`\nDemo accounts (every password: ${result.accounts[0]?.password}):`);
  const rows = result.accounts.map((a) => [a.email, a.role, a.organisationName, a.totpSecret ?? '—']);
  const header = ['email', 'role', 'organisation', 'TOTP secret (add to an authenticator app)'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const row of [header, ...rows])
    console.log(`  ${row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')}`.trimEnd());
  console.log('\nAccounts whose role sees personal data sign in with a two-factor code from their TOTP secret.');
}

/**
 * Loads the demo, then signs a checkpoint if the log grew, so that a visitor to a fresh demo finds one at once
 * rather than after the server's first interval.
 */
export async function loadDemoAndSign(
  db: Database,
  keyring: Keyring,
  scale: DemoScale,
  options: DemoLoadOptions & { pinnedKeyId?: string | undefined } = {},
): Promise<DemoLoadResult> {
  const loaded = await loadDemo(db, keyring, scale, options);
  await signCheckpoint(db, keyring, { pinnedKeyId: options.pinnedKeyId });
  return loaded;
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('load the fictional demo region and print the demo accounts (the same on every load)')
    .addOption(
      new Option(
        '--scale <scale>',
        'size of the demo region: small (200 zones, seconds) or regional (2,000 zones, minutes); a year of months either way',
      )
        .choices(DEMO_SCALES)
        .default('small'),
    )
    .option('--reset', 'erase everything in the database first')
    .option('--json', 'print the accounts as JSON, for scripts')
    .action(async (options: DemoOptions, command: Command) => {
      const config = commandConfig(command);
      const keyring = await openKeyring(config);
      const result = await withDatabase(config, async ({ db }) => {
        if (options.reset) {
          const tables = await listTables(db);
          await db.execute(sql.raw(`TRUNCATE ${tables.map((t) => quoteIdent(t.name)).join(', ')} CASCADE`));
        }
        await keyring.prepare(db);
        return loadDemoAndSign(db, keyring, options.scale, { pinnedKeyId: config.auditSigningKeyId });
      });
      if (options.json) console.log(JSON.stringify(demoJson(options.scale, result), null, 2));
      else printAccounts(result);
    });
}
