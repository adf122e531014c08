import { createHash } from 'node:crypto';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { DEFAULT_INSTRUMENT_FORM_ID, type Population, ROUNDS } from '../../shared/outcomes/constants.ts';
import type { Answers, FormDefinition } from '../../shared/outcomes/form.ts';
import { checkAnswers } from '../../shared/outcomes/form-engine.ts';
import { householdsByReference } from '../cases/reference-lookup.ts';
import { normaliseReference } from '../cases/references.ts';
import { inTransaction } from '../platform/audit/head.ts';
import { type AuditActor, appendAudit } from '../platform/audit/log.ts';
import type { RequestContext } from '../platform/context.ts';
import type { Keyring } from '../platform/crypto/keyring.ts';
import type { Database } from '../platform/db/client.ts';
import { AppError, type FieldError } from '../platform/http/errors.ts';
import { authorize } from '../platform/policy/policy.ts';
import { zoneStateCode } from '../zones/gazetteer.ts';
import { type AnswerFile, type ResponseRow, readResponses } from './files/responses.ts';
import { tellCasesWhereFollowUpsStand } from './follow-ups.ts';
import { headAgeGroupOf, type NewResponse, storedSubmissionIds, writeResponses } from './response-writer.ts';
import { outcomeFollowUps, outcomeInstruments } from './tables.ts';
import './events.ts';
import './permissions.ts';

/**
 * Imports answers exported from KoboToolbox or ODK Central (files/responses.ts), all or nothing: every row is
 * checked against the instrument's form, given its submission id, and matched to a returned household's open
 * follow-up (by the `case_reference` it answered) or, for residents, to a known zone. A file with any refused row
 * stores nothing and lists every problem, each naming its line and field. Rows already stored (the same
 * submission id for the instrument) are counted unchanged, so importing a file twice changes nothing.
 *
 * Rows are checked and written a chunk at a time inside one transaction, so that memory holds a chunk and the
 * submission ids seen, not the file; the first refused row stops the writing, the rest is still checked, and the
 * transaction is rolled back.
 */

/** At most this many problems are listed; the refusal says how many there were. */
export const MAX_LISTED_PROBLEMS = 200;
/** Rows checked, matched and written together. */
const CHUNK = 2000;

export interface ImportResponsesInput {
  /** The instrument's form id (`homeward_reintegration`), and its version (the latest imported when absent). */
  formId: string;
  version?: string;
  fileName: string;
  /** The export: a CSV, XLSX or JSON file, or ODK Central's zip (its main CSV and a CSV per repeat). */
  bytes: Buffer;
  /** ODK Central's repeat CSVs (`<form>-<repeat>.csv`) given beside its main CSV in `bytes`. */
  repeatFiles?: readonly AnswerFile[];
  /** At most this many bytes unzipped from a zip (the reader's limit by default). */
  maxUnzippedBytes?: number;
  /** `returnee` (default): returned households' follow-ups; `resident`: the comparison households. */
  population?: Population;
  /** Returnees: the follow-up round (months after arrival); residents: the round they sit beside (required). */
  round?: number;
  /** How far the import has read: rows, bytes read, bytes in all. */
  onProgress?: (rows: number, bytesRead: number, totalBytes: number) => void;
}

export interface ImportResponsesResult {
  instrumentId: string;
  formId: string;
  version: string;
  population: Population;
  /** Rows read, rejected rows (not approved in the tool) included. */
  rows: number;
  created: number;
  unchanged: number;
  /** Rows the tool marks as rejected (Kobo "Not approved", ODK Central "Rejected"): not imported. */
  skipped: number;
  fileHash: string;
}

/** Imports an answers file for the signed-in person's organisation (`response:import`). */
export async function importResponses(
  ctx: RequestContext,
  input: ImportResponsesInput,
): Promise<ImportResponsesResult> {
  const actor = authorize(ctx, 'response:import');
  return importResponseFile(ctx.db, ctx.platform.keyring, input, {
    organisationId: actor.organisationId,
    actor: { userId: actor.userId, organisationId: actor.organisationId },
  });
}

/**
 * Problems of the file, the first MAX_LISTED_PROBLEMS found kept, listed in file order (a row's household is
 * matched after the rows that follow it are read, with its chunk).
 */
class Problems {
  private readonly listed: { error: FieldError; order: number }[] = [];
  total = 0;

  /** `order`: the row's position in the file (0 for the file as a whole). */
  add(order: number, place: string, field: string, code: string, message: string): void {
    this.total++;
    if (this.listed.length < MAX_LISTED_PROBLEMS) {
      this.listed.push({ error: { field: `${place}, ${field}`, code, message }, order });
    }
  }

  throwIfAny(): void {
    if (this.total === 0) return;
    const errors = this.listed.sort((a, b) => a.order - b.order).map((p) => p.error);
    throw new AppError('validation_failed', {
      errors,
      params: { problems: this.total, truncated: this.total > errors.length ? 1 : 0 },
    });
  }
}

const fileRefusal = (field: string, code: string, message: string) =>
  new AppError('validation_failed', { errors: [{ field, code, message }], params: { problems: 1, truncated: 0 } });

/** The instrument of a form id (and version, else the latest imported). */
async function findInstrument(
  db: Database,
  formId: string,
  version: string | undefined,
): Promise<{ id: string; formId: string; version: string; definition: FormDefinition }> {
  const [row] = await db
    .select({
      id: outcomeInstruments.id,
      formId: outcomeInstruments.formId,
      version: outcomeInstruments.version,
      definition: outcomeInstruments.definition,
    })
    .from(outcomeInstruments)
    .where(
      version === undefined
        ? eq(outcomeInstruments.formId, formId)
        : and(eq(outcomeInstruments.formId, formId), eq(outcomeInstruments.version, version)),
    )
    .orderBy(desc(outcomeInstruments.importedAt))
    .limit(1);
  if (!row) throw new AppError('not_found', { params: { reason: 'outcome_instrument' } });
  return row;
}

interface Checked {
  /** The row's position in the file. */
  order: number;
  row: ResponseRow;
  submissionId: string;
  answers: Answers;
}

interface OpenFollowUp {
  id: string;
  householdId: string;
  organisationId: string;
  assignedOrganisationId: string | null;
  pcode: string;
  stateCode: string;
  cohort: string;
  round: number;
  dueOn: string;
  status: string;
  headSex: string;
  headAgeGroup: string;
  disability: boolean;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const daysBetween = (a: string, b: string) => Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`));

/**
 * Imports a file for an organisation: the service above for a signed-in person, and the command line, which
 * names the organisation (and no person) as the other imports do.
 */
export async function importResponseFile(
  db: Database,
  keyring: Keyring,
  input: ImportResponsesInput,
  by: { organisationId: string; actor: AuditActor | null },
): Promise<ImportResponsesResult> {
  const population: Population = input.population ?? 'returnee';
  if (input.round !== undefined && !(ROUNDS as readonly number[]).includes(input.round)) {
    throw fileRefusal('round', 'round', `must be one of ${ROUNDS.join(', ')} (months after arrival)`);
  }
  if (population === 'resident' && input.round === undefined) {
    throw fileRefusal(
      'round',
      'required',
      'resident answers need the round they sit beside (1, 3, 6 or 12 months after arrival)',
    );
  }
  const instrument = await findInstrument(db, input.formId || DEFAULT_INSTRUMENT_FORM_ID, input.version);
  // The file's hash, or with repeat CSVs, the hash of the files' hashes in the order given.
  const fileHash =
    input.repeatFiles && input.repeatFiles.length > 0
      ? createHash('sha256')
          .update([input.bytes, ...input.repeatFiles.map((f) => f.bytes)].map(sha256).join('\n'))
          .digest('hex')
      : sha256(input.bytes);
  const today = new Date().toISOString().slice(0, 10);
  const problems = new Problems();
  const seen = new Map<string, string>();
  const followUpsTaken = new Map<string, string>();
  const zoneStates = new Map<string, string | null>();
  let rows = 0;
  let created = 0;
  let unchanged = 0;
  let skipped = 0;
  let bytesRead = 0;

  const flush = async (tx: Database, chunk: readonly Checked[]) => {
    if (chunk.length === 0) return;
    const stored = await storedSubmissionIds(
      tx,
      instrument.id,
      chunk.map((c) => c.submissionId),
    );
    const fresh = chunk.filter((c) => !stored.has(c.submissionId));
    unchanged += chunk.length - fresh.length;
    if (fresh.length === 0) return;
    const prepared =
      population === 'returnee'
        ? await returneeRows(tx, fresh, by.organisationId)
        : await residentRows(tx, fresh, zoneStates);
    // Once a row is refused, the rest is only checked: the transaction is rolled back at the end.
    if (problems.total > 0) return;
    const written = await writeResponses(tx, keyring, prepared);
    created += written.created.length;
    unchanged += written.unchanged;
    const done = written.created.filter((r) => r.followUpId !== null);
    if (done.length > 0) {
      const pairs = JSON.stringify(done.map((r) => ({ id: r.followUpId, response_id: r.id })));
      await tx.execute(sql`
        update ${outcomeFollowUps}
        set status = 'done', response_id = v.response_id, completed_at = now(), updated_at = now()
        from json_to_recordset(${pairs}::json) as v(id uuid, response_id uuid)
        where ${outcomeFollowUps.id} = v.id`);
      await tellCasesWhereFollowUpsStand(
        tx,
        inArray(
          outcomeFollowUps.id,
          done.map((r) => r.followUpId!),
        ),
      );
    }
  };

  const common = (c: Checked) => ({
    instrumentId: instrument.id,
    submissionId: c.submissionId,
    population,
    organisationId: by.organisationId,
    collectedOn: c.row.collectedOn ?? today,
    source: 'import' as const,
    answers: c.answers,
    recordedBy: by.actor?.userId ?? null,
  });

  const returneeRows = async (tx: Database, chunk: readonly Checked[], organisationId: string) => {
    const references = chunk.map((c) => text(c.answers.case_reference)).filter((r) => r !== undefined);
    const households = await householdsByReference(tx, references);
    const householdIds = [...new Set([...households.values()].map((h) => h.id))];
    const followUps = new Map<string, OpenFollowUp[]>();
    if (householdIds.length > 0) {
      const found = await tx
        .select({
          id: outcomeFollowUps.id,
          householdId: outcomeFollowUps.householdId,
          organisationId: outcomeFollowUps.organisationId,
          assignedOrganisationId: outcomeFollowUps.assignedOrganisationId,
          pcode: outcomeFollowUps.pcode,
          stateCode: outcomeFollowUps.stateCode,
          cohort: outcomeFollowUps.cohort,
          round: outcomeFollowUps.round,
          dueOn: outcomeFollowUps.dueOn,
          status: outcomeFollowUps.status,
          headSex: outcomeFollowUps.headSex,
          headAgeGroup: outcomeFollowUps.headAgeGroup,
          disability: outcomeFollowUps.disability,
        })
        .from(outcomeFollowUps)
        .where(inArray(outcomeFollowUps.householdId, householdIds));
      for (const f of found) {
        const list = followUps.get(f.householdId) ?? [];
        list.push(f);
        followUps.set(f.householdId, list);
      }
    }
    const out: NewResponse[] = [];
    for (const c of chunk) {
      const place = c.row.place;
      const typed = text(c.answers.case_reference);
      if (typed === undefined) {
        problems.add(
          c.order,
          place,
          'case_reference',
          'required',
          "is empty: a returned household's answers name its case reference",
        );
        continue;
      }
      const household = households.get(normaliseReference(typed));
      // Households of other organisations read as unknown: an import does not tell whether they exist.
      const reachable = (followUps.get(household?.id ?? '') ?? []).filter(
        (f) => f.organisationId === organisationId || f.assignedOrganisationId === organisationId,
      );
      if (!household || (reachable.length === 0 && household.organisationId !== organisationId)) {
        problems.add(
          c.order,
          place,
          'case_reference',
          'unknown_household',
          'names no household your organisation follows up',
        );
        continue;
      }
      const open = reachable.filter((f) => f.status !== 'done' && f.status !== 'lost');
      const candidates = input.round === undefined ? open : open.filter((f) => f.round === input.round);
      const collectedOn = c.row.collectedOn ?? today;
      const followUp = candidates.sort(
        (a, b) => daysBetween(a.dueOn, collectedOn) - daysBetween(b.dueOn, collectedOn),
      )[0];
      if (!followUp) {
        const round = input.round === undefined ? '' : ` for round ${input.round}`;
        const closed = reachable.some(
          (f) => (input.round === undefined || f.round === input.round) && f.status === 'done',
        );
        problems.add(
          c.order,
          place,
          'case_reference',
          'no_open_follow_up',
          closed
            ? `the household's follow-up${round} is already done with other answers`
            : `the household has no open follow-up${round} yet: import the row once its follow-up is due`,
        );
        continue;
      }
      const other = followUpsTaken.get(followUp.id);
      if (other !== undefined) {
        problems.add(c.order, place, 'case_reference', 'duplicate_follow_up', `answers the same follow-up as ${other}`);
        continue;
      }
      followUpsTaken.set(followUp.id, place);
      out.push({
        ...common(c),
        followUpId: followUp.id,
        householdId: followUp.householdId,
        pcode: followUp.pcode,
        stateCode: followUp.stateCode,
        cohort: followUp.cohort,
        round: followUp.round,
        headSex: followUp.headSex,
        headAgeGroup: followUp.headAgeGroup as NewResponse['headAgeGroup'],
        disability: followUp.disability,
      });
    }
    return out;
  };

  const residentRows = async (tx: Database, chunk: readonly Checked[], states: Map<string, string | null>) => {
    const out: NewResponse[] = [];
    for (const c of chunk) {
      const place = c.row.place;
      const pcode = text(c.answers.zone)?.toUpperCase();
      if (pcode === undefined) {
        problems.add(
          c.order,
          place,
          'zone',
          'required',
          "is empty: a resident household's answers name the zone's P-code",
        );
        continue;
      }
      if (!states.has(pcode)) states.set(pcode, (await zoneStateCode(tx, pcode)) ?? null);
      const stateCode = states.get(pcode);
      if (!stateCode) {
        problems.add(c.order, place, 'zone', 'unknown_zone', 'is not the P-code of a zone in the gazetteer');
        continue;
      }
      const sex = text(c.answers.head_sex);
      const age = c.answers.head_age;
      if (sex !== 'female' && sex !== 'male') {
        problems.add(
          c.order,
          place,
          'head_sex',
          'required',
          'is needed (female or male) to compare resident households',
        );
        continue;
      }
      if (typeof age !== 'number') {
        problems.add(
          c.order,
          place,
          'head_age',
          'required',
          'is needed (a whole number) to compare resident households',
        );
        continue;
      }
      out.push({
        ...common(c),
        followUpId: null,
        householdId: null,
        pcode,
        stateCode,
        cohort: null,
        round: input.round!,
        headSex: sex,
        headAgeGroup: headAgeGroupOf(age),
        disability: text(c.answers.head_disability) === 'yes',
      });
    }
    return out;
  };

  return inTransaction(db, async (tx) => {
    let chunk: Checked[] = [];
    const reader = readResponses(input.bytes, instrument.definition, {
      onBytes: (read) => {
        bytesRead = read;
      },
      fileName: input.fileName,
      ...(input.repeatFiles ? { repeatFiles: input.repeatFiles } : {}),
      ...(input.maxUnzippedBytes === undefined ? {} : { maxUnzippedBytes: input.maxUnzippedBytes }),
    });
    for await (const row of reader) {
      rows++;
      if (rows % 1000 === 0) input.onProgress?.(rows, bytesRead, input.bytes.length);
      if (row.rejected) {
        skipped++;
        continue;
      }
      for (const p of row.problems) problems.add(rows, row.place, p.field, p.code, p.message);
      if (row.submissionId === null) {
        problems.add(rows, row.place, row.submissionIdField, 'required', 'is empty: every row needs its submission id');
        continue;
      }
      const first = seen.get(row.submissionId);
      if (first !== undefined) {
        problems.add(
          rows,
          row.place,
          row.submissionIdField,
          'duplicate_submission',
          `repeats the submission of ${first}: export each submission once`,
        );
        continue;
      }
      seen.set(row.submissionId, row.place);
      const checked = checkAnswers(instrument.definition, row.answers, { today });
      for (const p of checked.problems) problems.add(rows, row.place, p.field, p.code, p.message);
      if (row.problems.length > 0 || checked.problems.length > 0) continue;
      chunk.push({ order: rows, row, submissionId: row.submissionId, answers: checked.answers });
      if (chunk.length >= CHUNK) {
        await flush(tx, chunk);
        chunk = [];
      }
    }
    await flush(tx, chunk);
    input.onProgress?.(rows, input.bytes.length, input.bytes.length);
    if (rows === 0) problems.add(0, 'file', 'rows', 'empty', 'has a header but no submissions');
    problems.throwIfAny();
    if (created > 0) {
      await appendAudit(tx, {
        type: 'outcomes.responses_imported',
        actor: by.actor,
        subject: `instrument:${instrument.id}`,
        details: { instrumentId: instrument.id, created, unchanged, population, fileHash },
      });
    }
    return {
      instrumentId: instrument.id,
      formId: instrument.formId,
      version: instrument.version,
      population,
      rows,
      created,
      unchanged,
      skipped,
      fileHash,
    };
  });
}
