import { createHash, type Hash } from 'node:crypto';
import { and, eq, getTableName, inArray, ne, sql } from 'drizzle-orm';
import { OBSERVATION_SOURCES, type ObservationInput, PCODE } from '../../shared/zones/schemas.ts';
import { canonicalJson } from '../platform/audit/canonical.ts';
import type { Keyring } from '../platform/crypto/keyring.ts';
import { type Database, queryRows } from '../platform/db/client.ts';
import { newId } from '../platform/db/columns.ts';
import { type CopyRows, copyField, copyRowsInto } from '../platform/db/copy.ts';
import { AppError, type FieldError } from '../platform/http/errors.ts';
import { checkValue, indicatorsOf } from './rules/framework.ts';
import type { zoneFrameworks } from './tables.ts';
import { zoneObservations, zones } from './tables.ts';

const ROWS_PER_STATEMENT = 1000;
/**
 * Rows staged per COPY in a file import on the embedded database: enough that a statement's fixed cost
 * vanishes, few enough that memory stays flat however long the file.
 */
const ROWS_PER_COPY = 20_000;
const STAGE = 'zone_observations_stage';
/** PostgreSQL's SQLSTATE for a unique key two rows share. */
const UNIQUE_VIOLATION = '23505';
const COLUMNS = [
  'id',
  'pcode',
  'state_code',
  'indicator',
  'period',
  'value',
  'source',
  'method',
  'evidence_notes',
  'status',
  'organisation_id',
  'submitted_by',
] as const;
/** An import stops collecting problems after this many: the file is refused whole either way. */
export const MAX_REPORTED_PROBLEMS = 50;
const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A row as the table stores it, by column. */
type StoredRow = Record<(typeof COLUMNS)[number], string | number | null>;

/** Where a row came from, to name it in problems: `body.observations.3` or `line 17`. */
export type RowLabel = (field: string) => string;

interface Pending {
  id: string;
  input: ObservationInput;
  label: RowLabel;
}

/**
 * Writes observations in multi-row statements (with COPY for a file on the embedded database) inside the
 * caller's transaction, checking each against the gazetteer and the framework. A value the same organisation
 * already gave (same zone, indicator and period) is left as it is when it is identical, so a repeated import is
 * harmless, and refused as a duplicate when it differs. Problems are collected and thrown together by `finish`,
 * so the caller's transaction rolls back and nothing is written.
 */
export class ObservationWriter {
  readonly problems: FieldError[] = [];
  created = 0;
  unchanged = 0;
  private pending: Pending[] = [];
  /**
   * The indicator and month of each row so far, by zone, as small integers (a row costs some 16 bytes, not the
   * few hundred of a string key: a file of millions of rows is read without its keys filling the memory).
   */
  private readonly seen = new Map<string, Set<number>>();
  private readonly indicatorNumbers: Map<string, number>;
  private readonly contentHash: Hash = createHash('sha256');
  private readonly indicators: ReturnType<typeof indicatorsOf>;
  /** No value can be observed for a month that has not begun (UTC). */
  private readonly currentMonth = new Date().toISOString().slice(0, 7);

  private readonly tx: Database;
  private readonly keyring: Keyring;
  private readonly knownPcodes: ReadonlySet<string>;
  private readonly organisationId: string;
  private readonly submittedBy: string | null;
  /** COPY, for a file import on the embedded database (see `flushCopied`). */
  private readonly copy: CopyRows | undefined;
  private staged = false;

  constructor(options: {
    tx: Database;
    keyring: Keyring;
    framework: typeof zoneFrameworks.$inferSelect;
    knownPcodes: ReadonlySet<string>;
    organisationId: string;
    submittedBy: string | null;
    /** Many rows (a file): stage them with COPY where the database allows it. */
    bulk?: boolean;
  }) {
    this.tx = options.tx;
    this.copy = options.bulk ? copyRowsInto(options.tx) : undefined;
    this.keyring = options.keyring;
    this.knownPcodes = options.knownPcodes;
    this.organisationId = options.organisationId;
    this.submittedBy = options.submittedBy;
    this.indicators = indicatorsOf(options.framework.definition);
    this.indicatorNumbers = new Map([...this.indicators.keys()].map((code, i) => [code, i]));
  }

  static async loadPcodes(db: Database, pcodes?: readonly string[]): Promise<Set<string>> {
    const rows = await db
      .select({ pcode: zones.pcode })
      .from(zones)
      .where(pcodes ? inArray(zones.pcode, [...pcodes]) : undefined);
    return new Set(rows.map((row) => row.pcode));
  }

  get failed(): boolean {
    return this.problems.length > 0;
  }

  /**
   * Checks one row and queues it; writes a full batch. Answers the id the row is written under, unless a
   * problem was found (a row the organisation already gave keeps its stored id: see `unchanged`).
   */
  async add(input: ObservationInput, label: RowLabel): Promise<string | undefined> {
    if (this.problems.length >= MAX_REPORTED_PROBLEMS) return undefined;
    const rowProblems = this.check(input, label);
    if (rowProblems.length > 0) {
      this.problems.push(...rowProblems);
      return undefined;
    }
    // Checked above: a known zone and indicator, and a YYYY-MM month.
    const month = Number(input.period.slice(0, 4)) * 12 + Number(input.period.slice(5, 7)) - 1;
    const key = this.indicatorNumbers.get(input.indicator)! * 120_000 + month;
    let seenInZone = this.seen.get(input.pcode);
    if (!seenInZone) {
      seenInZone = new Set();
      this.seen.set(input.pcode, seenInZone);
    }
    if (seenInZone.has(key)) {
      this.problems.push({
        field: label('indicator'),
        code: 'duplicate',
        message: `${input.pcode} ${input.indicator} ${input.period} is given twice`,
      });
      return undefined;
    }
    seenInZone.add(key);
    const id = newId();
    this.pending.push({ id, input, label });
    if (this.pending.length >= (this.copy ? ROWS_PER_COPY : ROWS_PER_STATEMENT)) await this.flush();
    return id;
  }

  /** Writes what is queued; throws every problem found (the caller's transaction then rolls back). */
  async finish(): Promise<{ created: number; unchanged: number; contentHash: string }> {
    // Written even when problems were found, so the last rows are compared too and every problem is named;
    // the caller's transaction rolls back all of it.
    await this.flush();
    if (this.failed) throw new AppError('validation_failed', { errors: this.problems });
    return { created: this.created, unchanged: this.unchanged, contentHash: this.contentHash.digest('hex') };
  }

  private check(input: ObservationInput, label: RowLabel): FieldError[] {
    const problems: FieldError[] = [];
    const problem = (field: string, code: string, message: string) =>
      problems.push({ field: label(field), code, message });
    if (!PCODE.test(input.pcode)) problem('pcode', 'format', 'must be a P-code (e.g. QM0101)');
    else if (!this.knownPcodes.has(input.pcode)) problem('pcode', 'unknown', `no zone ${input.pcode} in the gazetteer`);
    if (!PERIOD.test(input.period)) problem('period', 'format', 'must be a month, YYYY-MM');
    else if (input.period > this.currentMonth) problem('period', 'future', `must not be after ${this.currentMonth}`);
    if (!(OBSERVATION_SOURCES as readonly string[]).includes(input.source)) {
      problem('source', 'enum', `must be one of ${OBSERVATION_SOURCES.join(', ')}`);
    }
    if (input.method.trim() === '') problem('method', 'required', 'say how the value was obtained');
    const indicator = this.indicators.get(input.indicator);
    if (!indicator) {
      problem('indicator', 'unknown', `no indicator ${input.indicator} in the criteria framework in use`);
    } else if (!Number.isFinite(input.value)) {
      problem('value', 'number', 'must be a number');
    } else {
      const outOfRange = checkValue(indicator, input.value);
      if (outOfRange) problem('value', 'range', outOfRange);
    }
    return problems;
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    const rows = await this.rows(batch);
    const insertedIds = this.copy ? await this.flushCopied(this.copy, rows) : await this.flushAsJson(rows);
    this.created += insertedIds === 'all' ? batch.length : insertedIds.size;
    const created = insertedIds === 'all' ? batch : batch.filter((row) => insertedIds.has(row.id));
    for (const { input } of created) {
      this.contentHash.update(`${canonicalJson({ ...input, evidenceNotes: undefined })}\n`);
    }
    if (insertedIds !== 'all') {
      const skipped = batch.filter((row) => !insertedIds.has(row.id));
      if (skipped.length > 0) await this.compareWithStored(skipped);
    }
  }

  /** The queued rows as the table stores them (evidence notes encrypted; only those rows wait for it). */
  private async rows(batch: Pending[]): Promise<StoredRow[]> {
    const encrypting: Promise<void>[] = [];
    const rows = batch.map(({ id, input }) => {
      const row: StoredRow = {
        id,
        pcode: input.pcode,
        state_code: input.pcode.slice(0, 2),
        indicator: input.indicator,
        period: input.period,
        value: input.value,
        source: input.source,
        method: input.method,
        evidence_notes: null,
        status: 'pending',
        organisation_id: this.organisationId,
        submitted_by: this.submittedBy,
      };
      if (input.evidenceNotes) {
        encrypting.push(
          this.keyring.encrypt(this.tx, 'narrative', input.evidenceNotes).then((sealed) => {
            row.evidence_notes = sealed;
          }),
        );
      }
      return row;
    });
    await Promise.all(encrypting);
    return rows;
  }

  /** Inserts the rows, sent as one JSON parameter; answers the ids inserted (the others were already there). */
  private async flushAsJson(rows: StoredRow[]): Promise<Set<string>> {
    // The query builder spends more on a thousand rows of parameters than the database spends inserting them.
    const inserted = await queryRows<{ id: string }>(
      this.tx,
      sql`insert into ${zoneObservations} (id, pcode, state_code, indicator, period, value, source, method,
          evidence_notes, status, organisation_id, submitted_by)
        select * from json_to_recordset(${JSON.stringify(rows)}::json) as r(id uuid, pcode text, state_code text,
          indicator text, period text, value double precision, source text, method text, evidence_notes text,
          status text, organisation_id uuid, submitted_by uuid)
        on conflict (pcode, indicator, period, organisation_id) where status <> 'rejected' do nothing
        returning id`,
    );
    return new Set(inserted.map((row) => row.id));
  }

  /**
   * The rows (already checked) loaded with COPY, which spares the parsing and binding of a statement per
   * thousand rows (they cost the import more than the inserting). Straight into the table while none of the
   * organisation's rows is there already, which COPY cannot skip: it then fails on the unique key, the savepoint
   * undoes it, and from then on the rows go through a staging table of the transaction, inserted from it in one
   * statement that skips those already there. Either way a refused file leaves nothing.
   * Answers 'all' when every row was inserted, else the ids inserted.
   */
  private async flushCopied(copy: CopyRows, rows: StoredRow[]): Promise<Set<string> | 'all'> {
    // Every field but the method and the notes was checked against a pattern, a list or a number.
    const lines = rows.map(
      (row) =>
        `${row.id}\t${row.pcode}\t${row.state_code}\t${row.indicator}\t${row.period}\t${row.value}\t${row.source}\t` +
        `${copyField(row.method)}\t${copyField(row.evidence_notes)}\t${row.status}\t${row.organisation_id}\t` +
        copyField(row.submitted_by),
    );
    if (!this.staged) {
      await this.tx.execute(sql`savepoint observations_copy`);
      try {
        await copy(`${getTableName(zoneObservations)} (${COLUMNS.join(', ')})`, lines);
        await this.tx.execute(sql`release savepoint observations_copy`);
        return 'all';
      } catch (error) {
        if ((error as { code?: unknown }).code !== UNIQUE_VIOLATION) throw error;
        await this.tx.execute(sql`rollback to savepoint observations_copy`);
      }
      await this.tx.execute(
        sql.raw(`create temporary table ${STAGE} on commit drop as
          select ${COLUMNS.join(', ')} from ${getTableName(zoneObservations)} with no data`),
      );
      this.staged = true;
    }
    await copy(`${STAGE} (${COLUMNS.join(', ')})`, lines);
    const [result] = await queryRows<{ inserted: number }>(
      this.tx,
      sql`with inserted as (
          insert into ${zoneObservations} (${sql.raw(COLUMNS.join(', '))})
          select ${sql.raw(COLUMNS.join(', '))} from ${sql.raw(STAGE)}
          on conflict (pcode, indicator, period, organisation_id) where status <> 'rejected' do nothing
          returning 1)
        select count(*)::int as inserted from inserted`,
    );
    let answer: Set<string> | 'all' = 'all';
    if (Number(result?.inserted) !== rows.length) {
      // Which rows were inserted: the others the table already had.
      const inserted = await queryRows<{ id: string }>(
        this.tx,
        sql`select s.id from ${sql.raw(STAGE)} s join ${zoneObservations} o on o.id = s.id`,
      );
      answer = new Set(inserted.map((row) => row.id));
    }
    await this.tx.execute(sql.raw(`truncate ${STAGE}`));
    return answer;
  }

  /** Rows the same organisation already gave: identical ones are unchanged, others are duplicates. */
  private async compareWithStored(skipped: Pending[]): Promise<void> {
    const stored = await this.tx
      .select()
      .from(zoneObservations)
      .where(
        and(
          eq(zoneObservations.organisationId, this.organisationId),
          ne(zoneObservations.status, 'rejected'),
          inArray(zoneObservations.pcode, [...new Set(skipped.map((row) => row.input.pcode))]),
          inArray(zoneObservations.period, [...new Set(skipped.map((row) => row.input.period))]),
        ),
      );
    const byKey = new Map(stored.map((row) => [`${row.pcode}\u0000${row.indicator}\u0000${row.period}`, row]));
    for (const { input, label } of skipped) {
      const existing = byKey.get(`${input.pcode}\u0000${input.indicator}\u0000${input.period}`);
      if (
        existing &&
        existing.value === input.value &&
        existing.source === input.source &&
        existing.method === input.method
      ) {
        this.unchanged++;
      } else if (this.problems.length < MAX_REPORTED_PROBLEMS) {
        this.problems.push({
          field: label('value'),
          code: 'duplicate_observation',
          message: `your organisation already gave ${existing?.value ?? 'a value'} for ${input.pcode} ${input.indicator} ${input.period}`,
        });
      }
    }
  }
}
