import { type Command, Option } from 'commander';
import { sql } from 'drizzle-orm';
import type { DemoCasesSummary } from '../cases/demo.ts';
import { DEMO_SCALES, type DemoLoadOptions, type DemoLoadResult, type DemoScale, loadDemo } from '../demo/load.ts';
import { DEMO_STATES } from '../demo/region.ts';
import type { DemoGatewaySummary } from '../gateway/demo.ts';
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

/** The summary's line on the returnee cases. */
export function casesLine(cases: DemoCasesSummary): string {
  const stages = Object.entries(cases.stages)
    .map(([stage, n]) => `${n} ${stage.replaceAll('_', ' ')}`)
    .join(', ');
  return (
    `Returnee cases: ${counted(cases.households, 'household', 'households')} (${counted(cases.people, 'person', 'people')}): ${stages}; ` +
    `${counted(cases.movements, 'movement', 'movements')} (${cases.suspendedMovements} suspended), ${counted(cases.appeals, 'appeal', 'appeals')}, ` +
    `${counted(cases.openProtectionFlags, 'open protection flag', 'open protection flags')}.`
  );
}

/** The summary's line on the community gateway. */
export function gatewayLine(gateway: DemoGatewaySummary): string {
  const kinds = Object.entries(gateway.byKind)
    .map(([kind, n]) => `${n} ${kind.replaceAll('_', ' ')}${n === 1 ? '' : 's'}`)
    .join(', ');
  return (
    `Community gateway: ${counted(gateway.submissions, 'submission', 'submissions')} (${kinds}; ${gateway.byChannel.sms ?? 0} by SMS, ` +
    `${gateway.anonymous} anonymous), ${counted(gateway.replies, 'reply', 'replies')}, ${counted(gateway.incidents, 'incident', 'incidents')}.`
  );
}

const gatewayOf = (result: DemoLoadResult): DemoGatewaySummary | undefined =>
  result.modules.gateway as DemoGatewaySummary | undefined;

const casesOf = (result: DemoLoadResult): DemoCasesSummary | undefined =>
  result.modules.cases as DemoCasesSummary | undefined;

/** What `--json` prints: the accounts, the zones' and the cases' summaries, and sample households to try. */
export function demoJson(scale: DemoScale, result: DemoLoadResult) {
  const cases = casesOf(result);
  const gateway = gatewayOf(result);
  return {
    scale,
    accounts: result.accounts,
    zones: result.zones,
    cases,
    samples: cases?.samples ?? [],
    gateway,
    receipts: gateway?.samples ?? [],
  };
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const row of [header, ...rows])
    console.log(`  ${row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')}`.trimEnd());
}

function printAccounts(result: DemoLoadResult): void {
  const states = DEMO_STATES.map((s) => `${s.name} (${s.code}, ${s.role === 'origin' ? 'origin' : 'asylum'})`);
  console.log(`Demo region loaded: ${states.join(', ')}.`);
  console.log(
    `Created ${counted(result.organisationsCreated, 'organisation', 'organisations')} and ${counted(result.accountsCreated, 'account', 'accounts')}` +
      (result.accountsCreated === 0 ? ' (all were already there).' : '.'),
  );
  console.log(zonesLine(result.zones));
  const cases = casesOf(result);
  if (cases) console.log(casesLine(cases));
  const gateway = gatewayOf(result);
  if (gateway) console.log(gatewayLine(gateway));
  console.log(`\nDemo accounts (every password: ${result.accounts[0]?.password}):`);
  printTable(
    ['email', 'role', 'organisation', 'TOTP secret (add to an authenticator app)'],
    result.accounts.map((a) => [a.email, a.role, a.organisationName, a.totpSecret ?? '—']),
  );
  console.log('\nAccounts whose role sees personal data sign in with a two-factor code from their TOTP secret.');
  if (cases && cases.samples.length > 0) {
    console.log('\nSample households (search by name, document number or phone; check a slip on /cases/status):');
    printTable(
      ['reference', 'status code', 'stage', 'zone', 'name', 'document', 'phone'],
      cases.samples.map((sample) => [
        sample.reference,
        sample.statusCode,
        sample.stage,
        sample.zone,
        sample.name,
        sample.documentNumber ?? '—',
        sample.phone ?? '—',
      ]),
    );
  }
  if (gateway && gateway.samples.length > 0) {
    console.log('\nReceipt codes to try on /feedback/receipt (each opens one submission and its replies):');
    printTable(
      ['receipt code', 'kind', 'language', 'channel', 'status'],
      gateway.samples.map((sample) => [
        sample.receiptCode,
        sample.kind,
        sample.language,
        sample.channel,
        sample.status,
      ]),
    );
  }
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
