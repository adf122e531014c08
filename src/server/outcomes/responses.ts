import { and, desc, eq } from 'drizzle-orm';
import { DEFAULT_INSTRUMENT_FORM_ID, type ResponseSource } from '../../shared/outcomes/constants.ts';
import type { Answers, FormDefinition } from '../../shared/outcomes/form.ts';
import { checkAnswers } from '../../shared/outcomes/form-engine.ts';
import type {
  InstrumentForm,
  RecordedResponse,
  RecordFollowUpResponse,
  RecordResidentResponse,
} from '../../shared/outcomes/schemas/responses.ts';
import { inTransaction } from '../platform/audit/head.ts';
import { appendAudit } from '../platform/audit/log.ts';
import type { Actor, RequestContext } from '../platform/context.ts';
import type { Keyring } from '../platform/crypto/keyring.ts';
import type { Database } from '../platform/db/client.ts';
import { newId } from '../platform/db/columns.ts';
import { AppError, type FieldError } from '../platform/http/errors.ts';
import { authorize } from '../platform/policy/policy.ts';
import { zoneStateCode } from '../zones/gazetteer.ts';
import { completeFollowUp, dayOf, followUpForRecording, reachableFollowUps } from './follow-ups.ts';
import { headAgeGroupOf, writeResponses } from './response-writer.ts';
import { outcomeFollowUps, outcomeInstruments } from './tables.ts';
import './events.ts';
import './problems.ts';

/**
 * Recording one answered round: a returned household's follow-up (by phone or visit, typed by the worker; or by
 * the household itself through its link, link-page.ts), and a resident household's round for the comparison.
 * The answers are checked against the instrument's form first (a problem is a 400 naming `body.answers.<field>`,
 * nothing written), then written through the one writer of answered rounds with the follow-up marked done, in
 * one transaction with the audit entry.
 */

export type InstrumentRow = typeof outcomeInstruments.$inferSelect;

/** The instrument named, or the latest imported version of the default one; 409/404 when there is none. */
export async function instrumentFor(db: Database, instrumentId?: string): Promise<InstrumentRow> {
  if (instrumentId) {
    const [row] = await db.select().from(outcomeInstruments).where(eq(outcomeInstruments.id, instrumentId));
    if (!row) throw new AppError('not_found', { params: { reason: 'outcome_instrument' } });
    return row;
  }
  const [latest] = await db
    .select()
    .from(outcomeInstruments)
    .where(eq(outcomeInstruments.formId, DEFAULT_INSTRUMENT_FORM_ID))
    .orderBy(desc(outcomeInstruments.importedAt), desc(outcomeInstruments.version))
    .limit(1);
  if (!latest) throw new AppError('conflict', { params: { reason: 'follow_up_no_instrument' } });
  return latest;
}

const refuseAnswers = (errors: FieldError[]) => new AppError('validation_failed', { errors });

/** The answers as the form checks them, or a 400 naming each problem's field under `prefix`. */
export function checkedAnswers(
  form: FormDefinition,
  answers: Answers,
  today: string,
  prefix = 'body.answers',
): Answers {
  const checked = checkAnswers(form, answers, { today });
  if (checked.problems.length > 0) {
    throw refuseAnswers(
      checked.problems.map((problem) => ({
        field: `${prefix}.${problem.field}`,
        code: problem.code,
        message: problem.message,
      })),
    );
  }
  return checked.answers;
}

function checkCollectedOn(collectedOn: string, today: string): void {
  if (collectedOn > today) {
    throw refuseAnswers([{ field: 'body.collectedOn', code: 'future', message: 'must not be after today' }]);
  }
}

const present = (
  id: string,
  instrumentId: string,
  followUpId: string | null,
  population: 'returnee' | 'resident',
  collectedOn: string,
): RecordedResponse => ({ id, instrumentId, followUpId, population, collectedOn });

/**
 * Writes a returned household's answers for its follow-up and marks the follow-up done (the cases schedule too),
 * in the caller's transaction, with the audit entry. The follow-up is locked and checked by the caller.
 */
async function writeFollowUpResponse(
  tx: Database,
  keyring: Keyring,
  followUp: typeof outcomeFollowUps.$inferSelect,
  instrument: InstrumentRow,
  answers: Answers,
  input: { collectedOn: string; source: ResponseSource; actor: Actor | null },
): Promise<string> {
  const submissionId = newId();
  const { created } = await writeResponses(tx, keyring, [
    {
      instrumentId: instrument.id,
      submissionId,
      population: 'returnee',
      followUpId: followUp.id,
      householdId: followUp.householdId,
      organisationId: followUp.assignedOrganisationId ?? followUp.organisationId,
      pcode: followUp.pcode,
      stateCode: followUp.stateCode,
      cohort: followUp.cohort,
      round: followUp.round,
      collectedOn: input.collectedOn,
      source: input.source,
      answers,
      headSex: followUp.headSex,
      headAgeGroup: followUp.headAgeGroup as ReturnType<typeof headAgeGroupOf>,
      disability: followUp.disability,
      recordedBy: input.actor?.userId ?? null,
    },
  ]);
  const responseId = created[0]!.id;
  await completeFollowUp(tx, followUp, responseId);
  await appendAudit(tx, {
    type: 'outcomes.response_recorded',
    actor: input.actor ? { userId: input.actor.userId, organisationId: input.actor.organisationId } : null,
    subject: `outcome_follow_up:${followUp.id}`,
    details: {
      responseId,
      instrumentId: instrument.id,
      population: 'returnee',
      source: input.source,
      followUpId: followUp.id,
    },
  });
  return responseId;
}

/**
 * A worker records a returned household's answers for its follow-up (collected by phone or on a visit): the
 * organisation assigned only, the follow-up assigned and still to do. The follow-up becomes done.
 */
export async function recordFollowUpResponse(
  ctx: RequestContext,
  followUpId: string,
  input: RecordFollowUpResponse,
): Promise<RecordedResponse> {
  const actor = authorize(ctx, 'followup:record');
  const today = dayOf(new Date());
  return inTransaction(ctx.db, async (tx) => {
    const followUp = await followUpForRecording(tx, actor, followUpId);
    checkCollectedOn(input.collectedOn, today);
    const instrument = await instrumentFor(tx, input.instrumentId);
    const answers = checkedAnswers(instrument.definition, input.answers as Answers, today);
    const id = await writeFollowUpResponse(tx, ctx.platform.keyring, followUp, instrument, answers, {
      collectedOn: input.collectedOn,
      source: input.source,
      actor,
    });
    return present(id, instrument.id, followUp.id, 'returnee', input.collectedOn);
  });
}

/**
 * The household's own answers through its link (link-page.ts): checked, written with source `link`, and the
 * follow-up done, which ends the link. The caller found the follow-up by the link's hash; it is locked again here.
 */
export async function recordLinkResponse(
  ctx: Pick<RequestContext, 'db' | 'platform'>,
  followUpId: string,
  instrument: InstrumentRow,
  answers: Answers,
): Promise<string> {
  const today = dayOf(new Date());
  return inTransaction(ctx.db, async (tx) => {
    const [followUp] = await tx
      .select()
      .from(outcomeFollowUps)
      .where(eq(outcomeFollowUps.id, followUpId))
      .for('update');
    if (!followUp || followUp.status === 'done' || followUp.status === 'lost' || !followUp.linkTokenHash) {
      throw new AppError('not_found', { params: { reason: 'outcome_link' } });
    }
    const checked = checkedAnswers(instrument.definition, answers, today);
    return writeFollowUpResponse(tx, ctx.platform.keyring, followUp, instrument, checked, {
      collectedOn: today,
      source: 'link',
      actor: null,
    });
  });
}

const HEAD_SEXES = ['female', 'male'];

/**
 * A resident (non-displaced) household's answers for a round of the comparison, in a zone. The head of
 * household's sex, age group and disability come from the answers (`head_sex`, `head_age`, `head_disability`);
 * an age or sex missing is a 400 naming the answer.
 */
export async function recordResidentResponse(
  ctx: RequestContext,
  input: RecordResidentResponse,
): Promise<RecordedResponse> {
  const actor = authorize(ctx, 'followup:record');
  const today = dayOf(new Date());
  checkCollectedOn(input.collectedOn, today);
  const stateCode = await zoneStateCode(ctx.db, input.pcode);
  if (!stateCode) {
    throw refuseAnswers([{ field: 'body.pcode', code: 'unknown_zone', message: 'no zone has this P-code' }]);
  }
  const instrument = await instrumentFor(ctx.db, input.instrumentId);
  const answers = checkedAnswers(instrument.definition, input.answers as Answers, today);
  const sex = answers.head_sex;
  const age = answers.head_age;
  const missing: FieldError[] = [];
  if (typeof sex !== 'string' || !HEAD_SEXES.includes(sex)) {
    missing.push({ field: 'body.answers.head_sex', code: 'required', message: 'the head of household’s sex' });
  }
  if (typeof age !== 'number' || !Number.isFinite(age)) {
    missing.push({ field: 'body.answers.head_age', code: 'required', message: 'the head of household’s age' });
  }
  if (missing.length > 0) throw refuseAnswers(missing);
  return inTransaction(ctx.db, async (tx) => {
    const submissionId = newId();
    const { created } = await writeResponses(tx, ctx.platform.keyring, [
      {
        instrumentId: instrument.id,
        submissionId,
        population: 'resident',
        followUpId: null,
        householdId: null,
        organisationId: actor.organisationId,
        pcode: input.pcode,
        stateCode,
        cohort: null,
        round: input.round,
        collectedOn: input.collectedOn,
        source: 'web',
        answers,
        headSex: sex as string,
        headAgeGroup: headAgeGroupOf(age as number),
        disability: answers.head_disability === 'yes',
        recordedBy: actor.userId,
      },
    ]);
    const id = created[0]!.id;
    await appendAudit(tx, {
      type: 'outcomes.response_recorded',
      actor: { userId: actor.userId, organisationId: actor.organisationId },
      subject: `outcome_response:${id}`,
      details: { responseId: id, instrumentId: instrument.id, population: 'resident', source: 'web', followUpId: null },
    });
    return present(id, instrument.id, null, 'resident', input.collectedOn);
  });
}

/** The instrument a follow-up's answers are recorded with (the latest default one), for the answer screen. */
export async function followUpForm(
  ctx: RequestContext,
  followUpId: string,
  instrumentId?: string,
): Promise<InstrumentForm> {
  const actor = authorize(ctx, 'followup:record');
  const [row] = await ctx.db
    .select({ id: outcomeFollowUps.id })
    .from(outcomeFollowUps)
    .where(and(eq(outcomeFollowUps.id, followUpId), reachableFollowUps(actor)));
  if (!row) throw new AppError('not_found', { params: { reason: 'outcome_follow_up' } });
  const instrument = await instrumentFor(ctx.db, instrumentId);
  return {
    id: instrument.id,
    formId: instrument.formId,
    version: instrument.version,
    definition: instrument.definition,
  };
}
