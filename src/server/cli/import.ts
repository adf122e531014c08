import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { ServiceLevels } from '../config.ts';
import type { Keyring } from '../platform/crypto/keyring.ts';
import type { Database } from '../platform/db/client.ts';
import { AppError } from '../platform/http/errors.ts';
import { count, counted } from '../platform/i18n/plural.ts';
import { checkResponsesOptions, type ResponsesOptions } from './import-responses.ts';
import { bufferPoolFor, CliError, commandConfig, withDatabase } from './support.ts';

/**
 * `homeward import <kind> FILE`: a gazetteer (CSV/XLSX), zone shapes (GeoJSON) or observations (CSV/XLSX),
 * each all-or-nothing and idempotent; or households (CSV/XLSX registration exports), all-or-nothing, each
 * household registered once with its slip. The import modules (exceljs among them) load only when the command
 * runs.
 */

export const IMPORT_KINDS = ['gazetteer', 'shapes', 'observations', 'households', 'form', 'responses'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportOptions extends ResponsesOptions {
  org?: string;
  /** The same as --org, spelled out. */
  organisation?: string;
  /** Households: where to write the slips (household key, case reference, status code). */
  slips?: string;
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
export async function progressReporter(
  stream: NodeJS.WriteStream = process.stderr,
  what: { label: string; one: string; many: string } = { label: 'observations', one: 'row', many: 'rows' },
): Promise<ImportProgress> {
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
        stream.write(`read ${counted(last.rows, what.one, what.many)} (${size(last.bytes)}) in ${seconds} s\n`);
      },
    };
  }
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar(
    {
      format: `${what.label} [{bar}] {percentage}% | {rows} ${what.many} | {read} of {size} | ETA {eta_formatted}`,
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

/** Households: registered for the organisation, their slips written to the --slips file. */
async function importHouseholdsFromCli(
  db: Database,
  file: string,
  organisation: { id: string; name: string },
  options: ImportOptions & { keyring?: Keyring; progress?: ImportProgress; levels?: ServiceLevels },
): Promise<{ summary: string; warnings: string[] }> {
  const { importHouseholds } = await import('../cases/imports.ts');
  if (!options.keyring || !options.levels) {
    throw new Error('importing households needs the keyring and the service levels');
  }
  let done = false;
  options.progress?.begin();
  try {
    const result = await importHouseholds(db, options.keyring, file, {
      organisationId: organisation.id,
      levels: options.levels,
      dryRun: options.dryRun === true,
      ...(options.slips ? { slipsFile: options.slips } : {}),
      ...(options.progress ? { onProgress: options.progress.update } : {}),
    });
    done = true;
    const households = `${counted(result.households, 'household', 'households')} (${counted(result.people, 'person', 'people')})`;
    const lines = result.dryRun
      ? [`checked ${households} for ${organisation.name}, nothing written`]
      : [
          `imported ${households} for ${organisation.name}, each with its registration decision open`,
          `  ${counted(result.possibleDuplicates ?? 0, 'household', 'households')} flagged as possible duplicates for review`,
          `  slips written to ${options.slips} (readable by you only): hand each household its own, then destroy the file`,
        ];
    if (result.columnsNotRead.length > 0) {
      lines.push(
        `  not read: ${counted(result.columnsNotRead.length, 'column', 'columns')} that a household export has no use for ` +
          `(${result.columnsNotRead.join(', ')})`,
      );
    }
    return { summary: lines.join('\n'), warnings: [] };
  } finally {
    options.progress?.end(done);
  }
}

/** An XLSForm workbook as a survey instrument: stored once per form id and version. */
async function importFormFromCli(
  db: Database,
  file: string,
  dryRun: boolean,
): Promise<{ summary: string; warnings: string[] }> {
  const { importInstrumentFile, readInstrumentFile } = await import('../outcomes/instruments.ts');
  try {
    if (dryRun) {
      const form = await readInstrumentFile(file);
      return {
        summary:
          `checked the form ${form.formId} version ${form.version}, nothing written: ` +
          `${counted(form.questions, 'question', 'questions')} in ${form.languages.join(', ')}`,
        warnings: [],
      };
    }
    const { row, created, questions } = await importInstrumentFile(db, file);
    const what = `the form ${row.formId} version ${row.version} (${counted(questions, 'question', 'questions')} in ${row.languages.join(', ')})`;
    return {
      summary: created
        ? `imported ${what} as instrument ${row.id}`
        : `${what} was already imported from this file, as instrument ${row.id}: nothing changed`,
      warnings: [],
    };
  } catch (error) {
    if (error instanceof AppError && error.code === 'conflict') {
      throw new CliError(
        `Nothing was imported from ${file}: version ${error.params.version} of the form ${error.params.formId} was ` +
          `imported from another file (instrument ${error.existing?.id}). Give the changed form a new version in ` +
          'its settings sheet, then import it again.',
      );
    }
    if (error instanceof AppError && error.code === 'payload_too_large') {
      throw new CliError(
        `Nothing was imported from ${file}: a form workbook is at most ${Number(error.params.limit) / 1024} kB.`,
      );
    }
    throw error;
  }
}

/** Runs one import and answers its summary (and warnings). Refused files become a CliError listing every problem. */
export async function importFromCli(
  db: Database,
  kind: ImportKind,
  file: string,
  options: ImportOptions & { keyring?: Keyring; progress?: ImportProgress; levels?: ServiceLevels },
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
    if (kind === 'form') return await importFormFromCli(db, file, dryRun);
    const { findOrganisation } = await import('../platform/accounts/provisioning.ts');
    const named = options.organisation ?? options.org ?? '';
    const organisation = await findOrganisation(db, named);
    if (!organisation) throw new CliError(`No organisation has the name or id "${named}".`);
    if (kind === 'households') return await importHouseholdsFromCli(db, file, organisation, options);
    if (kind === 'responses') {
      if (!options.keyring) throw new Error('importing responses needs the keyring (answers are encrypted)');
      const { importResponsesFromCli } = await import('./import-responses.ts');
      return await importResponsesFromCli(db, options.keyring, file, organisation, options);
    }
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
      'import a file, all or nothing: gazetteer (CSV/XLSX), shapes (GeoJSON) or observations (CSV/XLSX, with ' +
        '--org), each changing nothing when imported again; or households (CSV/XLSX registration exports, with ' +
        '--organisation and --slips); or a form (an XLSForm workbook from Kobo or ODK, as a survey instrument); or ' +
        "responses (answers exported from KoboToolbox or ODK Central: CSV, XLSX, JSON, Central's zip, with --org and " +
        '--form), each ' +
        'submission stored once',
    )
    .argument('<kind>', `what the file holds: ${IMPORT_KINDS.join(', ')}`)
    .argument('<file>', 'the file to import')
    .option('--org <organisation>', 'observations and households: the organisation that gives them, by name or id')
    .option('--organisation <organisation>', 'the same as --org')
    .option(
      '--slips <file>',
      "households: write each household's case reference and status code to this new file (mode 0600)",
    )
    .option('--form <id>', 'responses: the form id of the instrument the answers were collected with')
    .option('--form-version <version>', 'responses: the instrument version (default: the latest imported)')
    .option('--population <population>', 'responses: returnee (default) or resident')
    .option('--round <months>', 'responses: the round, 1, 3, 6 or 12 (residents: required)')
    .option(
      '--repeat <file>',
      "responses: an ODK Central repeat CSV (<form>-<repeat>.csv) of the main CSV's submissions (repeat for several)",
      (file: string, files: string[] = []) => [...files, file],
    )
    .option('--dry-run', 'check the file and print what an import would do, writing nothing')
    .option(
      '--sheet <name>',
      'gazetteer workbooks: read this sheet rather than every admin level sheet (repeat for several)',
      (name: string, names: string[] = []) => [...names, name],
    )
    .action(async (kindName: string, file: string, options: ImportOptions, command: Command) => {
      const kind = parseImportKind(kindName);
      checkImportOptions(kind, options);
      checkReadable(file);
      const config = commandConfig(command);
      const { summary, warnings } = await withDatabase(
        config,
        async (database) => {
          const { db } = database;
          if (kind !== 'observations' && kind !== 'households' && kind !== 'responses') {
            return importFromCli(db, kind, file, options);
          }
          const { openKeyring } = await import('../platform/crypto/keyring.ts');
          const keyring = await openKeyring(config);
          await keyring.prepare(db);
          const progress = await progressReporter(
            process.stderr,
            kind === 'households'
              ? { label: 'households', one: 'household', many: 'households' }
              : kind === 'responses'
                ? { label: 'answers', one: 'row', many: 'rows' }
                : undefined,
          );
          const done = await importFromCli(db, kind, file, {
            ...options,
            keyring,
            progress,
            levels: config.serviceLevels,
          });
          if (kind !== 'households' || options.dryRun) return done;
          // A region's households at once: tidy up as a server's autovacuum would, so that searches stay fast.
          const { tidyAfterBulkWrite } = await import('../platform/db/maintenance.ts');
          const tidied = await tidyAfterBulkWrite(database);
          if (tidied === null) return done;
          return { ...done, summary: `${done.summary}\n  database tidied after the import in ${tidied.toFixed(1)} s` };
        },
        { bufferPool: bufferPoolFor(file) },
      );
      console.log(summary);
      for (const warning of warnings) console.error(warning);
    });
}

/** Refuses options that do not go with the kind of file, before anything is read. */
export function checkImportOptions(kind: ImportKind, options: ImportOptions): void {
  const organisation = options.organisation ?? options.org;
  if (options.org && options.organisation) throw new CliError('Give --org or --organisation, not both.', 2);
  if (kind === 'responses') {
    if (!organisation) {
      throw new CliError(
        'Importing responses needs --organisation: the organisation that collected them, by name or id.',
        2,
      );
    }
    if (options.dryRun) throw new CliError('--dry-run does not apply to responses.', 2);
    checkResponsesOptions(options);
  } else if (options.form || options.formVersion || options.population || options.round || options.repeat) {
    throw new CliError('--form, --form-version, --population, --round and --repeat apply only to responses.', 2);
  }
  if ((kind === 'observations' || kind === 'households') && !organisation) {
    throw new CliError(`Importing ${kind} needs --organisation: the organisation that gives them, by name or id.`, 2);
  }
  if (kind !== 'observations' && kind !== 'households' && kind !== 'responses' && organisation) {
    throw new CliError('--org applies only to observations, households and responses.', 2);
  }
  if (kind !== 'gazetteer' && options.sheet) throw new CliError('--sheet applies only to a gazetteer.', 2);
  if (kind !== 'households' && options.slips) throw new CliError('--slips applies only to households.', 2);
  if (kind === 'households' && !options.dryRun && !options.slips) {
    throw new CliError(
      "Importing households needs --slips <file>: each household's status code is written there and nowhere " +
        'else (use --dry-run to check the file without it).',
      2,
    );
  }
  if (options.slips && fs.existsSync(options.slips)) {
    throw new CliError(`${options.slips} already exists: give --slips a new file (slips are never overwritten).`, 2);
  }
}
