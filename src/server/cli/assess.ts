import type { Command } from 'commander';
import { ZONE_CLASSES } from '../../shared/zones/schemas.ts';
import type { Database } from '../platform/db/client.ts';
import { CliError, commandConfig, withDatabase } from './support.ts';

/** `homeward assess --period YYYY-MM`: recomputes every zone's class for the period and prints the counts. */

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;
const count = (n: number) => n.toLocaleString('en');

export function parsePeriod(value: string): string {
  if (PERIOD.test(value)) return value;
  throw new CliError(`"${value}" is not a period: give a month as YYYY-MM (e.g. 2026-03).`, 2);
}

/** Assesses the period (logged in the transparency log, by the system) and answers the lines to print. */
export async function assessFromCli(db: Database, period: string): Promise<string[]> {
  await import('../zones/problems.ts');
  const { assessPeriod, countByClass } = await import('../zones/assessments.ts');
  const { frameworkVersion, results } = await assessPeriod(db, parsePeriod(period), null);
  const counts = countByClass(results.map((result) => result.classification));
  const labels = ZONE_CLASSES.map((zoneClass) => zoneClass.replaceAll('_', ' '));
  const width = Math.max(...labels.map((label) => label.length));
  const numbers = ZONE_CLASSES.map((zoneClass) => count(counts[zoneClass]));
  const numberWidth = Math.max(...numbers.map((n) => n.length));
  return [
    `Assessed ${count(results.length)} ${results.length === 1 ? 'zone' : 'zones'} for ${period} ` +
      `(framework version ${frameworkVersion}):`,
    ...labels.map((label, i) => `  ${label.padEnd(width)}  ${numbers[i]!.padStart(numberWidth)}`),
  ];
}

export function registerAssess(program: Command): void {
  program
    .command('assess')
    .description("recompute every zone's class for a period, from the verified observations")
    .requiredOption('--period <YYYY-MM>', 'the month to assess')
    .action(async (options: { period: string }, command: Command) => {
      const period = parsePeriod(options.period);
      const config = commandConfig(command);
      const lines = await withDatabase(config, ({ db }) => assessFromCli(db, period));
      for (const line of lines) console.log(line);
    });
}
