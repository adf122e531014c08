import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { inArray } from 'drizzle-orm';
import type { ObservationInput, ObservationSource, ZoneLevel } from '../../shared/zones/schemas.ts';
import { findOrganisationById } from '../platform/accounts/provisioning.ts';
import { canonicalJson } from '../platform/audit/canonical.ts';
import { inTransaction } from '../platform/audit/head.ts';
import { type AuditActor, appendAudit } from '../platform/audit/log.ts';
import type { Keyring } from '../platform/crypto/keyring.ts';
import type { Database } from '../platform/db/client.ts';
import { AppError, notFound } from '../platform/http/errors.ts';
import {
  chooseGazetteerSheets,
  GazetteerReader,
  gazetteerColumn,
  isGazetteerField,
  levelCounts,
  plannedChanges,
  resolveGazetteer,
  type SheetChoice,
  type StoredZone,
} from './files/gazetteer-file.ts';
import { ImportProblems, ImportWarnings, refuseFile } from './files/import-problems.ts';
import { readShapes } from './files/shapes-file.ts';
import { readRows } from './files/tabular.ts';
import { activeFramework } from './frameworks.ts';
import { setShapes, upsertZones } from './gazetteer.ts';
import { MAX_REPORTED_PROBLEMS, ObservationWriter } from './observation-writer.ts';
import { indicatorsOf } from './rules/framework.ts';
import { zones } from './tables.ts';
import './events.ts';

/**
 * File imports of the return-zones module: the gazetteer (CSV/XLSX), zone shapes (GeoJSON) and observations
 * (CSV/XLSX). Each file is imported whole or not at all: every row is checked, every problem is reported as
 * `line N, field` with what is wrong, and nothing is written while any remains. Importing the same file again
 * changes nothing. See docs/zones-import.md.
 */

const SHAPES_FILE_MAX_BYTES = 512 * 1024 * 1024;
const ROWS_PER_QUERY = 500;
const PROGRESS_EVERY_ROWS = 1000;

export interface GazetteerImportResult {
  /** Units in the file. */
  zones: number;
  created: number;
  updated: number;
  unchanged: number;
  fileHash: string;
  /** Whether the file was only checked (--dry-run): the counts are what an import would do. */
  dryRun: boolean;
  /** Units by level, outermost first. */
  levels: Partial<Record<ZoneLevel, number>>;
  /** What was read: the file, or each sheet of a workbook, with its rows and units by level. */
  sheets: { sheet: string | null; rows: number; levels: Partial<Record<ZoneLevel, number>> }[];
  /** Workbook sheets not read, and why. */
  ignored: { sheet: string; reason: string }[];
  /** Columns of the file (or of a sheet) that are no field of a gazetteer, by their header. */
  columnsNotRead: { sheet: string | null; columns: string[] }[];
  /** What was read one way rather than another, and what is doubtful but not refused. Always shown. */
  warnings: string[];
}

export interface GazetteerImportOptions {
  actor?: AuditActor | null;
  /** Checks the file and answers what an import would do, writing nothing. */
  dryRun?: boolean;
  /** The workbook sheets to read (by name), rather than every admin level sheet. */
  sheets?: readonly string[];
}

export interface ShapesImportResult {
  /** Features in the file. */
  features: number;
  /** Shapes set (new or different). */
  shapes: number;
  unchanged: number;
  fileHash: string;
}

export interface ObservationsImportResult {
  rows: number;
  created: number;
  unchanged: number;
  contentHash: string;
}

export interface ObservationsImportOptions {
  /** The organisation that gives the observations (a verifier of another organisation confirms them). */
  organisationId: string;
  /** The account submitting them, if any (null from the command line). */
  submittedBy?: string | null;
  actor?: AuditActor | null;
  onProgress?: (rowsRead: number, bytesRead: number, totalBytes: number) => void;
  /** Checks every row as an import would, then rolls back: nothing is written. */
  dryRun?: boolean;
  /** Inside a dry run's transaction: no audit entry. */
  checkOnly?: boolean;
}

/** Carries a dry run's result out of the transaction it rolls back. */
class DryRunRollback<T> extends Error {
  readonly result: T;
  constructor(result: T) {
    super('dry run');
    this.result = result;
  }
}

async function storedZones(db: Database): Promise<Map<string, StoredZone>> {
  const rows = await db
    .select({
      pcode: zones.pcode,
      parentPcode: zones.parentPcode,
      level: zones.level,
      names: zones.names,
      population: zones.population,
    })
    .from(zones);
  return new Map(rows.map((row) => [row.pcode, row]));
}

/**
 * Imports a gazetteer spreadsheet (one row per unit, the OCHA COD layouts or the global P-code list; from a
 * workbook, every admin level sheet): creates the units that are new and updates those that differ, in one
 * transaction with one audit entry (none when nothing changed). A file with any problem writes nothing; a
 * dry run writes nothing either and answers the same summary.
 */
export async function importGazetteer(
  db: Database,
  file: string,
  options: GazetteerImportOptions = {},
): Promise<GazetteerImportResult> {
  const problems = new ImportProblems();
  const warnings = new ImportWarnings();
  const notes: string[] = [];
  const reader = new GazetteerReader(problems);
  const hash = createHash('sha256');
  let choice: SheetChoice | undefined;
  const rowsBySheet = new Map<string | null, number>();
  const columnsNotRead: GazetteerImportResult['columnsNotRead'] = [];
  let columns: readonly { field: string; label: string }[] = [];
  let rows = 0;
  let readable = true;
  for await (const row of readRows(file, {
    sheets: (sheets) => {
      choice = chooseGazetteerSheets(sheets, options.sheets, problems);
      return choice.read;
    },
    isField: isGazetteerField,
    rename: gazetteerColumn,
    onHeader: (fields, line, sheet) => {
      reader.header(fields, line, sheet);
      // One row per unit reads no admin columns (the global P-code list's country code, say).
      const unitRows = fields.includes('pcode');
      const unknown = columns
        .filter(({ field }) => field !== '' && (!isGazetteerField(field) || (unitRows && /^admin[0-9]/.test(field))))
        .map(({ label }) => label);
      if (unknown.length > 0) columnsNotRead.push({ sheet: sheet ?? null, columns: unknown });
      rowsBySheet.set(sheet ?? null, 0);
      if (!reader.hasPcodeColumn) readable = false;
    },
    onColumns: (found) => {
      columns = found;
    },
    onNote: (note) => notes.push(note),
    onChunk: (chunk) => hash.update(chunk),
  })) {
    if (!reader.hasPcodeColumn) continue;
    rows++;
    rowsBySheet.set(row.sheet ?? null, (rowsBySheet.get(row.sheet ?? null) ?? 0) + 1);
    reader.read(row);
  }
  if (!readable) problems.throwIfAny();
  if (options.sheets && options.sheets.length > 0 && !choice) {
    problems.add('file', 'sheet', '--sheet names a sheet of a workbook, and this file is not a workbook');
  }
  if (rows === 0) problems.add('file', 'empty', 'the file has no rows under its header');
  for (const [sheet, count] of rowsBySheet) {
    if (count === 0 && sheet !== null && rows > 0) {
      problems.add('file', 'empty', `sheet ${sheet} has no rows under its header`);
    }
  }
  // A sheet chosen but empty (not even a header) has nothing to read: the summary says so.
  const emptySheets = (choice?.read ?? [])
    .filter((sheet) => !rowsBySheet.has(sheet))
    .map((sheet) => ({ sheet, reason: 'empty' }));
  const fileHash = hash.digest('hex');
  return inTransaction(db, async (tx) => {
    const stored = await storedZones(tx);
    const resolved = resolveGazetteer(reader.units, stored, problems, warnings, { hasEnglish: reader.hasEnglish });
    problems.throwIfAny();
    const summary = {
      zones: resolved.length,
      fileHash,
      dryRun: options.dryRun === true,
      levels: levelCounts(resolved),
      sheets: [...rowsBySheet].map(([sheet, count]) => ({
        sheet,
        rows: count,
        levels: levelCounts(resolved.filter((row) => (reader.units.get(row.pcode)?.sheet ?? null) === sheet)),
      })),
      ignored: [...(choice?.ignored ?? []), ...emptySheets],
      columnsNotRead,
      warnings: [...notes, ...reader.notes, ...warnings.list()],
    };
    if (options.dryRun) return { ...summary, ...plannedChanges(resolved, stored) };
    const counts = await upsertZones(tx, resolved);
    if (counts.created + counts.updated > 0) {
      await appendAudit(tx, {
        type: 'zones.gazetteer_imported',
        actor: options.actor ?? null,
        subject: `gazetteer:${fileHash}`,
        details: { ...counts, shapes: 0, fileHash },
      });
    }
    return { ...summary, ...counts };
  });
}

/**
 * Imports zone shapes from a GeoJSON FeatureCollection: every feature names a zone already in the gazetteer.
 * Sets the shapes that are new or different, in one transaction with one audit entry.
 */
export async function importShapes(
  db: Database,
  file: string,
  options: { actor?: AuditActor | null; dryRun?: boolean } = {},
): Promise<ShapesImportResult> {
  const { size } = await fs.promises.stat(file);
  if (size > SHAPES_FILE_MAX_BYTES) {
    throw refuseFile([
      {
        field: 'file',
        code: 'too_large',
        message: `is larger than ${SHAPES_FILE_MAX_BYTES / 1024 / 1024} MB: simplify the shapes or split the file`,
      },
    ]);
  }
  const bytes = await fs.promises.readFile(file);
  const fileHash = createHash('sha256').update(bytes).digest('hex');
  const problems = new ImportProblems();
  const features = readShapes(bytes.toString('utf8'), problems);
  return inTransaction(db, async (tx) => {
    const changed = new Map<string, unknown>();
    for (let i = 0; i < features.length; i += ROWS_PER_QUERY) {
      const chunk = features.slice(i, i + ROWS_PER_QUERY);
      const stored = new Map(
        (
          await tx
            .select({ pcode: zones.pcode, shape: zones.shape })
            .from(zones)
            .where(
              inArray(
                zones.pcode,
                chunk.map((feature) => feature.pcode),
              ),
            )
        ).map((row) => [row.pcode, row.shape]),
      );
      for (const feature of chunk) {
        if (!stored.has(feature.pcode)) {
          problems.add(
            feature.field,
            'unknown',
            `no zone ${feature.pcode} in the gazetteer: import the gazetteer first`,
          );
        } else if (canonicalJson(stored.get(feature.pcode) ?? null) !== canonicalJson(feature.shape)) {
          changed.set(feature.pcode, feature.shape);
        }
      }
    }
    problems.throwIfAny();
    if (options.dryRun)
      return { features: features.length, shapes: changed.size, unchanged: features.length - changed.size, fileHash };
    const shapes = await setShapes(tx, changed);
    if (shapes > 0) {
      await appendAudit(tx, {
        type: 'zones.gazetteer_imported',
        actor: options.actor ?? null,
        subject: `gazetteer:${fileHash}`,
        details: { created: 0, updated: 0, unchanged: features.length - shapes, shapes, fileHash },
      });
    }
    return { features: features.length, shapes, unchanged: features.length - shapes, fileHash };
  });
}

const OBSERVATION_FIELDS = ['pcode', 'indicator', 'period', 'value', 'source', 'method', 'evidence_notes'];
const REQUIRED_OBSERVATION_FIELDS = OBSERVATION_FIELDS.filter((field) => field !== 'evidence_notes');
const METHOD_MAX = 500;
const EVIDENCE_NOTES_MAX = 4000;

function observationColumn(header: string): string {
  if (['p_code', 'p-code'].includes(header)) return 'pcode';
  const admin = /^adm(?:in)?_?([0-9])_?p_?-?code$/.exec(header);
  if (admin) return `admin${admin[1]}pcode`;
  if (['indicator_code', 'indicator_id'].includes(header)) return 'indicator';
  if (['month'].includes(header)) return 'period';
  if (['notes', 'evidence', 'evidence_note'].includes(header)) return 'evidence_notes';
  return header;
}

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i;
const YES_NO: Record<string, number> = { yes: 1, no: 0, true: 1, false: 0, oui: 1, non: 0 };

/**
 * One row as the ObservationWriter takes it, or undefined when the row cannot be given to it (it checks the
 * rest: zone, indicator, period, source, value against the indicator's unit).
 */
function observationOfRow(
  line: number,
  values: Record<string, string>,
  pcodeField: string,
  units: ReadonlyMap<string, { unit: string }>,
  problems: ImportProblems,
): ObservationInput | undefined {
  const indicator = (values.indicator ?? '').toLowerCase();
  const method = values.method ?? '';
  const evidenceNotes = values.evidence_notes ?? '';
  const before = problems.size;
  if (indicator === '') problems.at(line, 'indicator', 'required', 'give the indicator code');
  if (method.length > METHOD_MAX) problems.at(line, 'method', 'too_long', `at most ${METHOD_MAX} characters`);
  if (evidenceNotes.length > EVIDENCE_NOTES_MAX) {
    problems.at(line, 'evidence_notes', 'too_long', `at most ${EVIDENCE_NOTES_MAX} characters`);
  }
  if (problems.size > before) return undefined;
  const rawValue = values.value ?? '';
  const yesNo = units.get(indicator)?.unit === 'yes_no' ? YES_NO[rawValue.toLowerCase()] : undefined;
  // A value that is not a number reaches the writer as NaN, which it reports beside the row's other problems.
  const value = yesNo ?? (NUMBER.test(rawValue) ? Number(rawValue) : Number.NaN);
  const period = /^\d{4}-\d{2}-\d{2}$/.test(values.period ?? '') ? values.period!.slice(0, 7) : (values.period ?? '');
  return {
    pcode: (values[pcodeField] ?? '').toUpperCase(),
    indicator,
    period,
    value,
    source: (values.source ?? '').toLowerCase().replace(/[\s-]+/g, '_') as ObservationSource,
    method,
    ...(evidenceNotes !== '' ? { evidenceNotes } : {}),
  };
}

/**
 * Imports observations for one organisation from a CSV or XLSX file, streamed row by row through the
 * ObservationWriter inside one transaction, with one audit entry (none when every row was already there).
 * A row the organisation already gave identically is unchanged; one that differs is refused as a duplicate.
 */
export async function importObservations(
  db: Database,
  keyring: Keyring,
  file: string,
  options: ObservationsImportOptions,
): Promise<ObservationsImportResult> {
  const { size: totalBytes } = await fs.promises.stat(file);
  if (options.dryRun) {
    // The rows go through the writer as in an import, inside a transaction (a savepoint within one) undone.
    try {
      await db.transaction(async (tx) => {
        throw new DryRunRollback(
          await importObservations(tx as unknown as Database, keyring, file, {
            ...options,
            dryRun: false,
            checkOnly: true,
          }),
        );
      });
    } catch (error) {
      if (error instanceof DryRunRollback) return error.result as ObservationsImportResult;
      throw error;
    }
    throw new Error('a dry run ends in its rollback');
  }
  return inTransaction(db, async (tx) => {
    if (!(await findOrganisationById(tx, options.organisationId))) throw notFound('organisation');
    const framework = await activeFramework(tx);
    const units = indicatorsOf(framework.definition);
    const writer = new ObservationWriter({
      tx,
      keyring,
      framework,
      knownPcodes: await ObservationWriter.loadPcodes(tx),
      organisationId: options.organisationId,
      submittedBy: options.submittedBy ?? null,
      bulk: true,
    });
    const problems = new ImportProblems();
    let rows = 0;
    let bytesRead = 0;
    const full = () => problems.size + writer.problems.length >= MAX_REPORTED_PROBLEMS;
    // Without a pcode column, the zones are those of the deepest admin P-code column (#adm2+code, admin1Pcode).
    let pcodeField = 'pcode';
    for await (const { line, values } of readRows(file, {
      sheet: ['observation'],
      isField: (field) => OBSERVATION_FIELDS.includes(field) || /^admin[0-9]pcode$/.test(field),
      rename: observationColumn,
      onHeader: (fields, headerLine) => {
        if (!fields.includes('pcode')) {
          pcodeField =
            fields
              .filter((field) => /^admin[0-9]pcode$/.test(field))
              .sort()
              .at(-1) ?? 'pcode';
        }
        const missing = REQUIRED_OBSERVATION_FIELDS.filter(
          (field) => !fields.includes(field === 'pcode' ? pcodeField : field),
        );
        for (const field of missing)
          problems.at(headerLine, field, 'missing_column', `the file has no ${field} column`);
        problems.throwIfAny();
      },
      onChunk: (chunk) => {
        bytesRead += chunk.length;
      },
    })) {
      rows++;
      const input = observationOfRow(line, values, pcodeField, units, problems);
      if (input) await writer.add(input, (field) => `line ${line}, ${field === 'pcode' ? pcodeField : field}`);
      if (full()) break;
      if (rows % PROGRESS_EVERY_ROWS === 0) options.onProgress?.(rows, bytesRead, totalBytes);
    }
    options.onProgress?.(rows, bytesRead, totalBytes);
    if (rows === 0) problems.add('file', 'empty', 'the file has no rows under its header');
    if (problems.size > 0) {
      problems.addAll(writer.problems);
      problems.throwIfAny({ mayHaveMore: full() });
    }
    let result: Awaited<ReturnType<ObservationWriter['finish']>>;
    try {
      result = await writer.finish();
    } catch (error) {
      if (error instanceof AppError && error.code === 'validation_failed') {
        throw refuseFile(error.errors ?? [], { mayHaveMore: full() });
      }
      throw error;
    }
    if (result.created > 0 && !options.checkOnly) {
      await appendAudit(tx, {
        type: 'zones.observations_imported',
        actor: options.actor ?? null,
        subject: `organisation:${options.organisationId}`,
        details: { ...result, organisationId: options.organisationId },
      });
    }
    return { rows, ...result };
  });
}
