import fs from 'node:fs';
import { and, eq, getTableName, inArray, or } from 'drizzle-orm';
import type { ServiceLevels } from '../config.ts';
import { findOrganisationById } from '../platform/accounts/provisioning.ts';
import { inTransaction } from '../platform/audit/head.ts';
import { type AuditActor, appendAudit } from '../platform/audit/log.ts';
import type { Keyring } from '../platform/crypto/keyring.ts';
import type { Database } from '../platform/db/client.ts';
import { newId } from '../platform/db/columns.ts';
import { copyField, copyRowsInto } from '../platform/db/copy.ts';
import { notFound } from '../platform/http/errors.ts';
import { ImportProblems } from '../zones/files/import-problems.ts';
import { ObservationWriter } from '../zones/observation-writer.ts';
import { openDecisions } from './decisions.ts';
import { type ImportedHousehold, readHouseholds } from './files/households-csv.ts';
import { sealPerson } from './person-fields.ts';
import { hashStatusCode, newCaseReference, newStatusCode } from './references.ts';
import { caseHouseholds, casePeople, casePersonIndexes } from './tables.ts';
import './events.ts';

/**
 * Importing households from a registration export (CSV or XLSX; files/households-csv.ts reads it): each
 * household registered as the registration screen registers one (its members sealed by sealPerson, a case
 * reference, a status code kept only as its keyed hash, its registration decision opened), all in one
 * transaction: a file with any problem writes nothing. The status codes leave the process once, in the slips
 * file. Written in batches of households: with COPY on the embedded database (as the observations import), else
 * with multi-row statements; see docs/cases.md, "Importing households".
 */

/** Households sealed and written together. */
const HOUSEHOLDS_PER_BATCH = 500;
/** Rows per insert statement, below PostgreSQL's 65,535 parameters for the widest table. */
const ROWS_PER_STATEMENT = 2000;

export interface HouseholdImportOptions {
  /** The registering organisation: it owns the households and decides their registration. */
  organisationId: string;
  /** The service levels that set the registration decisions' due dates (config.serviceLevels). */
  levels: ServiceLevels;
  actor?: AuditActor | null;
  registeredBy?: string | null;
  /** Checks every row and household and answers the counts, writing nothing. */
  dryRun?: boolean;
  /**
   * Where to write the slips (household key, reference, status code), created with mode 0600: the only place the
   * codes are ever output. A file already there is refused rather than overwritten. Removed if the import fails.
   */
  slipsFile?: string;
  now?: Date;
  onProgress?: (households: number, bytesRead: number, totalBytes: number) => void;
}

export interface HouseholdImportResult {
  households: number;
  people: number;
  /** Households flagged as possible duplicates of another (same document, or same name and date of birth); null on a dry run, which seals nothing to compare. */
  possibleDuplicates: number | null;
  dryRun: boolean;
  /** Columns of the file that are no field of a household export, by their header. */
  columnsNotRead: string[];
  /**
   * Where the time went, in milliseconds: reading and checking the file, sealing, looking for possible
   * duplicates, writing the households, opening and logging their decisions.
   */
  timings: { read: number; seal: number; duplicates: number; write: number; decisions: number };
}

/** The slip's code as printed, in two groups of five digits. */
const slipCode = (code: string) => `${code.slice(0, 5)} ${code.slice(5)}`;
const csvCell = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** The slips file, written as households are sealed, removed unless the import commits. */
class SlipsFile {
  private readonly fd: number;
  private readonly file: string;
  constructor(file: string) {
    this.file = file;
    // `wx`: never follow or overwrite what is already there.
    this.fd = fs.openSync(file, 'wx', 0o600);
    fs.fchmodSync(this.fd, 0o600);
    fs.writeSync(this.fd, 'household,reference,status_code\n');
  }
  write(slips: readonly { key: string; reference: string; code: string }[]): void {
    if (slips.length === 0) return;
    fs.writeSync(
      this.fd,
      slips.map(({ key, reference, code }) => `${csvCell(key)},${reference},${slipCode(code)}\n`).join(''),
    );
  }
  close(keep: boolean): void {
    if (keep) fs.fsyncSync(this.fd);
    fs.closeSync(this.fd);
    if (!keep) fs.rmSync(this.file, { force: true });
  }
}

/** A zone's state: its P-code's two letters, as the zones module stores it. */
const stateOf = (pcode: string) => pcode.slice(0, 2);

const HOUSEHOLD_COLUMNS = [
  'id',
  'reference',
  'status_code_hash',
  'organisation_id',
  'asylum_state_code',
  'intended_pcode',
  'state_code',
  'stage',
  'possible_duplicate_of',
  'duplicate_review',
  'member_count',
  'registered_by',
  'registered_at',
  'updated_at',
];
const householdLine = (row: typeof caseHouseholds.$inferInsert) =>
  [
    row.id!,
    row.reference,
    row.statusCodeHash,
    row.organisationId,
    row.asylumStateCode,
    row.intendedPcode,
    row.stateCode,
    row.stage,
    row.possibleDuplicateOf ?? null,
    row.duplicateReview ?? null,
    row.memberCount,
    row.registeredBy ?? null,
    row.registeredAt!.toISOString(),
    row.updatedAt!.toISOString(),
  ]
    .map(copyField)
    .join('\t');
const PERSON_COLUMNS = [
  'id',
  'household_id',
  'position',
  'relationship',
  'sex',
  'birth_year',
  'name_enc',
  'date_of_birth_enc',
  'documents_enc',
  'phones_enc',
  'document_status',
  'needs_enc',
  'needs_without_plan',
  'has_specific_needs',
  'unaccompanied',
  'created_at',
];
const personLine = (row: typeof casePeople.$inferInsert) =>
  [
    row.id!,
    row.householdId,
    row.position,
    row.relationship,
    row.sex,
    row.birthYear,
    row.nameEnc,
    row.dateOfBirthEnc,
    row.documentsEnc,
    row.phonesEnc,
    row.documentStatus,
    row.needsEnc,
    row.needsWithoutPlan ?? 0,
    String(row.hasSpecificNeeds ?? false),
    String(row.unaccompanied ?? false),
    row.createdAt!.toISOString(),
  ]
    .map(copyField)
    .join('\t');

/** Multi-row inserts, where COPY is not to be had (PostgreSQL through its driver). */
async function insertRows<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) await insert(rows.slice(i, i + ROWS_PER_STATEMENT));
}

/**
 * Imports the households of a file for one organisation, all or nothing. Problems are reported as
 * `line N, field` (AppError `validation_failed`, as the zones imports); nothing is written while any remains.
 */
export async function importHouseholds(
  db: Database,
  keyring: Keyring,
  file: string,
  options: HouseholdImportOptions,
): Promise<HouseholdImportResult> {
  const { size: totalBytes } = await fs.promises.stat(file);
  const now = options.now ?? new Date();
  const dryRun = options.dryRun === true;
  if (!(await findOrganisationById(db, options.organisationId))) throw notFound('organisation');
  const pcodes = await ObservationWriter.loadPcodes(db);
  const problems = new ImportProblems();
  const columnsNotRead: string[] = [];
  const timings = { read: 0, seal: 0, duplicates: 0, write: 0, decisions: 0 };
  let bytesRead = 0;
  let households = 0;
  let people = 0;
  let possibleDuplicates = 0;

  const read = (tx: Database | undefined, slips: SlipsFile | undefined) =>
    (async () => {
      let batch: ImportedHousehold[] = [];
      let mark = performance.now();
      for await (const household of readHouseholds(file, problems, {
        isZone: (pcode) => pcodes.has(pcode),
        today: now.toISOString().slice(0, 10),
        onChunk: (chunk) => {
          bytesRead += chunk.length;
        },
        onColumnsNotRead: (columns) => columnsNotRead.push(...columns),
      })) {
        households++;
        people += household.members.length;
        // Once the file is known to be refused, the rest is only read for its problems.
        if (!tx || problems.size > 0) continue;
        batch.push(household);
        if (batch.length < HOUSEHOLDS_PER_BATCH) continue;
        timings.read += performance.now() - mark;
        possibleDuplicates += await writeBatch(tx, keyring, batch, slips, options, now, timings);
        options.onProgress?.(households, bytesRead, totalBytes);
        batch = [];
        mark = performance.now();
      }
      timings.read += performance.now() - mark;
      if (households === 0 && problems.size === 0) {
        problems.add('file', 'empty', 'the file has no rows under its header');
      }
      problems.throwIfAny({ mayHaveMore: problems.full });
      if (tx && batch.length > 0) {
        possibleDuplicates += await writeBatch(tx, keyring, batch, slips, options, now, timings);
      }
      options.onProgress?.(households, bytesRead, totalBytes);
    })();

  if (dryRun) {
    await read(undefined, undefined);
    return { households, people, possibleDuplicates: null, dryRun, columnsNotRead, timings };
  }
  const slips = options.slipsFile ? new SlipsFile(options.slipsFile) : undefined;
  let committed = false;
  try {
    await inTransaction(db, async (tx) => {
      await read(tx, slips);
      await appendAudit(tx, {
        type: 'cases.households_imported',
        actor: options.actor ?? null,
        subject: `organisation:${options.organisationId}`,
        details: { organisationId: options.organisationId, households, people, possibleDuplicates },
      });
    });
    committed = true;
  } finally {
    slips?.close(committed);
  }
  return { households, people, possibleDuplicates, dryRun, columnsNotRead, timings };
}

/** References not yet taken, one per household (a clash, about one in 30 million per pair, draws again). */
async function freshReferences(tx: Database, count: number): Promise<string[]> {
  const references = new Set<string>();
  while (references.size < count) {
    const drawn = Array.from({ length: count - references.size }, () => newCaseReference()).filter(
      (reference) => !references.has(reference),
    );
    const taken = new Set(
      (
        await tx
          .select({ reference: caseHouseholds.reference })
          .from(caseHouseholds)
          .where(inArray(caseHouseholds.reference, drawn))
      ).map((row) => row.reference),
    );
    for (const reference of drawn) if (!taken.has(reference)) references.add(reference);
  }
  return [...references];
}

/**
 * Seals and writes one batch of households; answers how many were flagged as possible duplicates (a document or
 * a name with its date of birth that a household already registered, or an earlier one of the file, has).
 */
async function writeBatch(
  tx: Database,
  keyring: Keyring,
  batch: readonly ImportedHousehold[],
  slips: SlipsFile | undefined,
  options: HouseholdImportOptions,
  now: Date,
  timings: HouseholdImportResult['timings'],
): Promise<number> {
  let mark = performance.now();
  const references = await freshReferences(tx, batch.length);
  const householdRows: (typeof caseHouseholds.$inferInsert)[] = [];
  const personRows: (typeof casePeople.$inferInsert)[] = [];
  const indexRows: (typeof casePersonIndexes.$inferInsert)[] = [];
  const slipRows: { key: string; reference: string; code: string }[] = [];
  for (const [i, household] of batch.entries()) {
    const id = newId();
    const reference = references[i]!;
    const code = newStatusCode();
    slipRows.push({ key: household.key, reference, code });
    householdRows.push({
      id,
      reference,
      statusCodeHash: await hashStatusCode(tx, keyring, reference, code),
      organisationId: options.organisationId,
      asylumStateCode: household.asylumStateCode,
      intendedPcode: household.intendedPcode,
      stateCode: stateOf(household.intendedPcode),
      stage: 'registered',
      memberCount: household.members.length,
      registeredBy: options.registeredBy ?? null,
      registeredAt: now,
      updatedAt: now,
    });
    for (const [position, member] of household.members.entries()) {
      const personId = newId();
      const { indexes, ...sealed } = await sealPerson(tx, keyring, member.fields);
      personRows.push({
        id: personId,
        householdId: id,
        position,
        relationship: member.relationship,
        sex: member.sex,
        documentStatus: member.documentStatus,
        unaccompanied: member.unaccompanied,
        createdAt: now,
        ...sealed,
      });
      for (const index of indexes) indexRows.push({ personId, householdId: id, ...index });
    }
  }
  timings.seal += performance.now() - mark;
  mark = performance.now();
  const flagged = await flagPossibleDuplicates(tx, householdRows, indexRows);
  timings.duplicates += performance.now() - mark;
  mark = performance.now();
  const copy = copyRowsInto(tx);
  if (copy) {
    await copy(`${getTableName(caseHouseholds)} (${HOUSEHOLD_COLUMNS.join(', ')})`, householdRows.map(householdLine));
    await copy(`${getTableName(casePeople)} (${PERSON_COLUMNS.join(', ')})`, personRows.map(personLine));
    await copy(
      `${getTableName(casePersonIndexes)} (person_id, household_id, kind, value)`,
      indexRows.map((row) => `${row.personId}\t${row.householdId}\t${row.kind}\t${row.value}`),
    );
  } else {
    await insertRows(householdRows, (rows) => tx.insert(caseHouseholds).values(rows));
    await insertRows(personRows, (rows) => tx.insert(casePeople).values(rows));
    await insertRows(indexRows, (rows) => tx.insert(casePersonIndexes).values(rows));
  }
  timings.write += performance.now() - mark;
  mark = performance.now();
  await openDecisions(
    tx,
    householdRows.map((household) => ({
      household: { id: household.id!, reference: household.reference },
      kind: 'registration' as const,
      organisationId: options.organisationId,
      levels: options.levels,
      actor: options.actor ?? null,
      now,
    })),
  );
  slips?.write(slipRows);
  timings.decisions += performance.now() - mark;
  return flagged;
}

/**
 * Marks each household of the batch that looks like one registered before it (in the database, this import's
 * earlier batches included, or earlier in the batch) as a possible duplicate for review, as registration does.
 */
async function flagPossibleDuplicates(
  tx: Database,
  households: (typeof caseHouseholds.$inferInsert)[],
  indexes: readonly (typeof casePersonIndexes.$inferInsert)[],
): Promise<number> {
  const telling = indexes.filter((index) => index.kind === 'document' || index.kind === 'name_dob');
  const owner = new Map<string, string>();
  for (let i = 0; i < telling.length; i += ROWS_PER_STATEMENT) {
    const chunk = telling.slice(i, i + ROWS_PER_STATEMENT);
    const byKind = (kind: string) => chunk.filter((index) => index.kind === kind).map((index) => index.value);
    const conditions = (['document', 'name_dob'] as const)
      .filter((kind) => byKind(kind).length > 0)
      .map((kind) => and(eq(casePersonIndexes.kind, kind), inArray(casePersonIndexes.value, byKind(kind))));
    const found = await tx
      .select({
        kind: casePersonIndexes.kind,
        value: casePersonIndexes.value,
        householdId: casePersonIndexes.householdId,
      })
      .from(casePersonIndexes)
      .where(or(...conditions));
    for (const row of found) owner.set(`${row.kind}:${row.value}`, row.householdId);
  }
  const byId = new Map(households.map((household) => [household.id!, household]));
  let flagged = 0;
  for (const index of telling) {
    const key = `${index.kind}:${index.value}`;
    const other = owner.get(key);
    if (other === undefined) {
      owner.set(key, index.householdId);
      continue;
    }
    const household = byId.get(index.householdId)!;
    if (other === index.householdId || household.possibleDuplicateOf) continue;
    household.possibleDuplicateOf = other;
    household.duplicateReview = 'pending';
    flagged++;
  }
  return flagged;
}
