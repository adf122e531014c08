import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { Keyring } from '../platform/crypto/keyring.ts';
import type { Database } from '../platform/db/client.ts';
import { AppError } from '../platform/http/errors.ts';
import { count, counted } from '../platform/i18n/plural.ts';
import { bufferPoolFor, CliError, commandConfig, withDatabase } from './support.ts';

/**
 * `homeward import <kind> FILE`: a gazetteer (CSV/XLSX), zone shapes (GeoJSON) or observations (CSV/XLSX),
 * each all-or-nothing and idempotent. The import modules (exceljs among them) load only when the command runs.
 */

export const IMPORT_KINDS = ['gazetteer', 'shapes', 'observations'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportOptions {
  org?: string;
  /** Check the file and print the summary, writing nothing. */
  dryRun?: boolean;
  /** Gazetteer workbooks: the sheets to read, rather than every admin level sheet. */
  sheet?: string[];
}

/** What a gazetteer import read, as the command line prints it under its first line. */
interface GazetteerSummary {
  levels: Partial<Record<string, number>>;
  sheets: { sheet: string | null; rows: number; levels: Partial<Record<string, number>> }[];
  ignored: { sheet: string; reason: string }[];
  columnsNotRead: { sheet: string | null; columns: string[] }[];
}

const levelsText = (levels: Partial<Record<string, number>>) =>
  Object.entries(levels)
    .map(([level, n]) => `${count(n ?? 0)} ${level}`)
    .join(', ') || 'no units';

/** The lines under a gazetteer import's first line: each sheet (or the file) read, and each sheet not read. */
export function gazetteerSummaryLines(file: string, summary: GazetteerSummary): string[] {
  const lines = summary.sheets.map(
    ({ sheet, rows, levels }) =>
      `  read ${sheet === null ? path.basename(file) : `sheet ${sheet}`}: ${counted(rows, 'row', 'rows')}, ${levelsText(levels)}`,
  );
  if (summary.sheets.length > 1) lines.push(`  in all: ${levelsText(summary.levels)}`);
  for (const { sheet, reason } of summary.ignored) lines.push(`  not read: sheet ${sheet} (${reason})`);
  for (const { sheet, columns } of summary.columnsNotRead) {
    lines.push(
      `  not read: ${counted(columns.length, 'column', 'columns')}${sheet === null ? '' : ` of sheet ${sheet}`} ` +
        `that a gazetteer has no use for (${columns.join(', ')})`,
    );
  }
  return lines;
}

/** Warnings, each on its own line: they never stop an import, and are always shown. */
export const warningLines = (warnings: readonly string[]): string[] => warnings.map((warning) => `warning: ${warning}`);

/** Reports how far an import has read. */
export interface ImportProgress {
  /** The import starts reading. */
  begin(): void;
  update(rowsRead: number, bytesRead: number, totalBytes: number): void;
  /** Ends the report: `done` when the import succeeded. */
  end(done: boolean): void;
}

export function parseImportKind(kind: string): ImportKind {
  if ((IMPORT_KINDS as readonly string[]).includes(kind)) return kind as ImportKind;
  throw new CliError(`Unknown import kind "${kind}". Kinds: ${IMPORT_KINDS.join(', ')}.`, 2);
}

/** Refuses a file that cannot be read before any database is opened. */
export function checkReadable(file: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
    fs.accessSync(file, fs.constants.R_OK);
  } catch (error) {
    throw new CliError(`Cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'}).`);
  }
  if (!stat.isFile()) throw new CliError(`${file} is not a file.`);
}

/** A refused file: what the person reads, one problem a line, each naming its line (or feature) and field. */
export function refusalMessage(file: string, error: AppError): string {
  const errors = error.errors ?? [];
  const total = Number(error.params.problems ?? errors.length);
  const truncated = error.params.truncated === 1;
  const listed = `the first ${count(errors.length)} are listed`;
  const problems = !truncated
    ? counted(total, 'problem', 'problems')
    : total > errors.length
      ? `${count(total)} problems; ${listed}`
      : `at least ${count(total)} problems; ${listed}`;
  return [
    `Nothing was imported from ${file} (${problems}). Fix the file and import it again.`,
    ...errors.map((e) => `  ${e.field}: ${e.message}`),
  ].join('\n');
}

/** A bar on a terminal; otherwise one line at the end (logs and scripts get no control characters). */
export async function progressReporter(stream: NodeJS.WriteStream = process.stderr): Promise<ImportProgress> {
  let started = Date.now();
  let last = { rows: 0, bytes: 0 };
  if (!stream.isTTY) {
    return {
      begin() {
        started = Date.now();
      },
      update(rows, bytes) {
        last = { rows, bytes };
      },
      end(done) {
        if (!done) return;
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        stream.write(`read ${counted(last.rows, 'row', 'rows')} (${size(last.bytes)}) in ${seconds} s\n`);
      },
    };
  }
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar(
    {
      format: 'observations [{bar}] {percentage}% | {rows} rows | {read} of {size} | ETA {eta_formatted}',
      stream,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let running = false;
  return {
    begin() {},
    update(rows, bytes, total) {
      const payload = { rows: count(rows), read: size(bytes), size: size(total) };
      if (!running) {
        bar.start(Math.max(total, 1), bytes, payload);
        running = true;
      } else bar.update(bytes, payload);
    },
    end() {
      if (running) bar.stop();
    },
  };
}

const size = (bytes: number) =>
  bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Runs one import and answers its summary (and warnings). Refused files become a CliError listing every problem. */
export async function importFromCli(
  db: Database,
  kind: ImportKind,
  file: string,
  options: ImportOptions & { keyring?: Keyring; progress?: ImportProgress },
): Promise<{ summary: string; warnings: string[] }> {
  const { importGazetteer, importObservations, importShapes } = await import('../zones/imports.ts');
  const dryRun = options.dryRun === true;
  try {
    if (kind === 'gazetteer') {
      const result = await importGazetteer(db, file, {
        dryRun,
        ...(options.sheet && options.sheet.length > 0 ? { sheets: options.sheet } : {}),
      });
      const first = dryRun
        ? `checked the gazetteer, nothing written: ${counted(result.zones, 'zone', 'zones')} ` +
          `(an import would create ${count(result.created)}, update ${count(result.updated)}, ` +
          `leave ${count(result.unchanged)} unchanged)`
        : `imported the gazetteer: ${counted(result.zones, 'zone', 'zones')} ` +
          `(${count(result.created)} created, ${count(result.updated)} updated, ${count(result.unchanged)} unchanged)`;
      return {
        summary: [first, ...gazetteerSummaryLines(file, result)].join('\n'),
        warnings: warningLines(result.warnings),
      };
    }
    if (kind === 'shapes') {
      const result = await importShapes(db, file, { dryRun });
      return {
        summary: dryRun
          ? `checked ${counted(result.features, 'shape', 'shapes')}, nothing written ` +
            `(an import would set ${count(result.shapes)}, leave ${count(result.unchanged)} unchanged)`
          : `imported ${counted(result.shapes, 'shape', 'shapes')} (${count(result.unchanged)} unchanged)`,
        warnings: [],
      };
    }
    const { findOrganisation } = await import('../platform/accounts/provisioning.ts');
    const organisation = await findOrganisation(db, options.org ?? '');
    if (!organisation) throw new CliError(`No organisation has the name or id "${options.org}".`);
    if (!options.keyring) throw new Error('importing observations needs the keyring (evidence notes are encrypted)');
    let done = false;
    options.progress?.begin();
    try {
      const result = await importObservations(db, options.keyring, file, {
        organisationId: organisation.id,
        dryRun,
        ...(options.progress ? { onProgress: options.progress.update } : {}),
      });
      done = true;
      return {
        summary: dryRun
          ? `checked ${counted(result.rows, 'row', 'rows')} for ${organisation.name}, nothing written ` +
            `(an import would create ${count(result.created)}, leave ${count(result.unchanged)} unchanged)`
          : `imported ${counted(result.created, 'observation', 'observations')} (${count(result.unchanged)} unchanged) ` +
            `for ${organisation.name}`,
        warnings: [],
      };
    } finally {
      options.progress?.end(done);
    }
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation_failed') {
      throw new CliError(refusalMessage(file, error));
    }
    throw error;
  }
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description(
      'import a file, all or nothing (importing it again changes nothing): ' +
        'gazetteer (CSV/XLSX), shapes (GeoJSON) or observations (CSV/XLSX, with --org)',
    )
    .argument('<kind>', `what the file holds: ${IMPORT_KINDS.join(', ')}`)
    .argument('<file>', 'the file to import')
    .option('--org <organisation>', 'observations: the organisation that gives them, by name or id')
    .option('--dry-run', 'check the file and print what an import would do, writing nothing')
    .option(
      '--sheet <name>',
      'gazetteer workbooks: read this sheet rather than every admin level sheet (repeat for several)',
      (name: string, names: string[] = []) => [...names, name],
    )
    .action(async (kindName: string, file: string, options: ImportOptions, command: Command) => {
      const kind = parseImportKind(kindName);
      if (kind === 'observations' && !options.org) {
        throw new CliError('Importing observations needs --org: the organisation that gives them, by name or id.', 2);
      }
      if (kind !== 'observations' && options.org) throw new CliError('--org applies only to observations.', 2);
      if (kind !== 'gazetteer' && options.sheet) throw new CliError('--sheet applies only to a gazetteer.', 2);
      checkReadable(file);
      const config = commandConfig(command);
      const { summary, warnings } = await withDatabase(
        config,
        async ({ db }) => {
          if (kind !== 'observations') return importFromCli(db, kind, file, options);
          const { openKeyring } = await import('../platform/crypto/keyring.ts');
          const keyring = await openKeyring(config);
          await keyring.prepare(db);
          return importFromCli(db, kind, file, { ...options, keyring, progress: await progressReporter() });
        },
        { bufferPool: bufferPoolFor(file) },
      );
      console.log(summary);
      for (const warning of warnings) console.error(warning);
    });
}
