import { and, eq, sql } from 'drizzle-orm';
import type {
  CaseStage,
  CoercionIndicator,
  VoluntarinessFileStatus,
  VoluntarinessStep,
} from '../../shared/cases/constants.ts';
import type {
  HouseholdVoluntariness,
  RecordCounsellingRequest,
  RecordGoAndSeeRequest,
  RecordIntentionRequest,
  RecordZoneInformationRequest,
  SignDeclarationRequest,
  WithdrawRequest,
} from '../../shared/cases/schemas.ts';
import { recordAccess } from '../platform/audit/access.ts';
import { inTransaction } from '../platform/audit/head.ts';
import { appendAudit } from '../platform/audit/log.ts';
import type { Actor, RequestContext } from '../platform/context.ts';
import type { Database } from '../platform/db/client.ts';
import { AppError, notFound } from '../platform/http/errors.ts';
import { authorize } from '../platform/policy/policy.ts';
import { sniffMediaType } from '../zones/files/image-metadata.ts';
import { currentZoneClass, publicZoneDetail } from '../zones/public-zones.ts';
import { type HouseholdRow, reachableHousehold } from './access.ts';
import { openDecision } from './decisions.ts';
import { adultBirthYear, dayOf } from './eligibility.ts';
import { readVoluntariness } from './presenters/voluntariness.ts';
import { raiseFlag } from './protection-flags.ts';
import { coolingOffEndsOn, nextStep } from './rules/voluntariness.ts';
import {
  caseCounsellingSessions,
  caseDecisions,
  caseGoAndSeeVisits,
  caseHouseholds,
  casePeople,
  caseVoluntarinessFiles,
  caseZoneInformation,
} from './tables.ts';
import './events.ts';
import './permissions.ts';

/**
 * The voluntariness file of each adult and each unaccompanied child (UNHCR Handbook on Voluntary Repatriation):
 * the return intention, counselling sessions, the information given about the intended zone, an optional
 * go-and-see visit, the signed declaration and the cooling-off period, in that order. Each step is refused out of
 * order, and the household's stage follows the files (registered → counselling → declared). A person may
 * withdraw at any time before departure; a withdrawn person may later express a new intention, which opens the
 * same file again from its first step: the earlier sessions and information stay in its history but count only
 * for the intention they followed (they are dated before it), and nothing else remembers the withdrawal.
 */

type FileRow = typeof caseVoluntarinessFiles.$inferSelect;

/** Stages in which the voluntariness file may change: an open case before departure, or a withdrawn one. */
const FILE_STAGES: readonly CaseStage[] = [
  'registered',
  'counselling',
  'declared',
  'eligible',
  'not_eligible',
  'departure_scheduled',
  'withdrawn',
];

const auditActor = (actor: Actor) => ({ userId: actor.userId, organisationId: actor.organisationId });
const stepOutOfOrder = (step: VoluntarinessStep, missing: VoluntarinessStep) =>
  new AppError('conflict', { params: { reason: 'step_out_of_order', step, missing } });

/** The household, reachable by the actor, whose files may still change. */
async function fileHousehold(ctx: RequestContext, householdId: string): Promise<HouseholdRow> {
  const household = await reachableHousehold(ctx, householdId);
  if (household.stage === 'departed' || household.stage === 'arrived') {
    throw new AppError('conflict', { params: { reason: 'already_departed' } });
  }
  if (household.closedAt !== null || !FILE_STAGES.includes(household.stage as CaseStage)) {
    throw new AppError('conflict', { params: { reason: 'case_closed' } });
  }
  return household;
}

/** Whether a member needs a file of their own: adults (by birth year, as eligibility counts them) and unaccompanied children. */
async function requiredMember(tx: Database, householdId: string, personId: string, now: Date) {
  const [person] = await tx
    .select({ id: casePeople.id, birthYear: casePeople.birthYear, unaccompanied: casePeople.unaccompanied })
    .from(casePeople)
    .where(and(eq(casePeople.id, personId), eq(casePeople.householdId, householdId)));
  if (!person) throw notFound('person');
  if (person.birthYear > adultBirthYear(now) && !person.unaccompanied) {
    throw new AppError('conflict', { params: { reason: 'no_file_for_child' } });
  }
  return person;
}

async function fileOf(tx: Database, personId: string): Promise<FileRow | undefined> {
  const [file] = await tx.select().from(caseVoluntarinessFiles).where(eq(caseVoluntarinessFiles.personId, personId));
  return file;
}

/** What of the file counts for its current intention: the steps dated on or after it. */
async function stepsDone(tx: Database, file: FileRow) {
  const since = file.intentionOn ?? '9999-12-31';
  const [counselled] = await tx
    .select({ on: sql<string | null>`max(${caseCounsellingSessions.heldOn})::text` })
    .from(caseCounsellingSessions)
    .where(and(eq(caseCounsellingSessions.fileId, file.id), sql`${caseCounsellingSessions.heldOn} >= ${since}`));
  const [informed] = await tx
    .select({ on: sql<string | null>`max(${caseZoneInformation.givenOn})::text` })
    .from(caseZoneInformation)
    .where(and(eq(caseZoneInformation.fileId, file.id), sql`${caseZoneInformation.givenOn} >= ${since}`));
  return { counselledOn: counselled?.on ?? null, informedOn: informed?.on ?? null };
}

/** The file of a member whose file is under way (not withdrawn), for the steps after the intention. */
async function activeFile(tx: Database, personId: string, step: VoluntarinessStep): Promise<FileRow> {
  const file = await fileOf(tx, personId);
  if (!file || file.intentionOn === null) throw stepOutOfOrder(step, 'intention');
  if (file.status === 'withdrawn') throw new AppError('conflict', { params: { reason: 'file_withdrawn' } });
  return file;
}

function checkDay(day: string, today: string, after: string | null): void {
  if (day > today) throw new AppError('validation_failed', { params: { reason: 'date_in_future' } });
  if (after !== null && day < after) {
    throw new AppError('validation_failed', { params: { reason: 'date_before_previous_step', after } });
  }
}

/**
 * The stage the household's files put it in, from registration to declaration: declared when every member who
 * needs a file has signed, withdrawn when every file begun was withdrawn, counselling otherwise once a file is
 * begun. A scheduled departure changes only when everyone withdraws; later stages and closed cases never do.
 */
async function followFiles(
  tx: Database,
  ctx: RequestContext,
  actor: Actor,
  household: HouseholdRow,
  now: Date,
): Promise<void> {
  const stage = household.stage as CaseStage;
  if (!FILE_STAGES.includes(stage)) return;
  const [required] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(casePeople)
    .where(
      and(
        eq(casePeople.householdId, household.id),
        sql`(${casePeople.birthYear} <= ${adultBirthYear(now)} or ${casePeople.unaccompanied})`,
      ),
    );
  const files = await tx
    .select({ status: caseVoluntarinessFiles.status })
    .from(caseVoluntarinessFiles)
    .where(eq(caseVoluntarinessFiles.householdId, household.id));
  const statuses = files.map((file) => file.status as VoluntarinessFileStatus);
  let next: CaseStage = stage;
  if (statuses.length > 0 && statuses.every((status) => status === 'withdrawn')) next = 'withdrawn';
  // Once a departure is scheduled, only a withdrawal of everyone moves the stage; the movement's checks do the rest.
  else if (stage === 'departure_scheduled') return;
  else if (statuses.length >= (required?.n ?? 0) && statuses.every((status) => status === 'complete')) {
    if (['registered', 'counselling', 'withdrawn'].includes(stage)) next = 'declared';
  } else if (statuses.length > 0) {
    if (stage !== 'counselling') next = 'counselling';
  }
  if (next === stage) return;
  await tx.update(caseHouseholds).set({ stage: next, updatedAt: now }).where(eq(caseHouseholds.id, household.id));
  if (next === 'declared') {
    // The file is complete: the eligibility decision is opened, once, for the household's organisation.
    const [pending] = await tx
      .select({ id: caseDecisions.id })
      .from(caseDecisions)
      .where(
        and(
          eq(caseDecisions.householdId, household.id),
          eq(caseDecisions.kind, 'eligibility'),
          eq(caseDecisions.status, 'pending'),
        ),
      );
    if (!pending) {
      await openDecision(tx, {
        household,
        kind: 'eligibility',
        organisationId: household.organisationId,
        levels: ctx.platform.config.serviceLevels,
        actor: auditActor(actor),
        now,
      });
    }
  }
}

/** The household's files, flags and destination class, as the household page and the counselling form show them. */
export async function getVoluntariness(ctx: RequestContext, householdId: string): Promise<HouseholdVoluntariness> {
  const actor = authorize(ctx, 'case:read');
  const household = await reachableHousehold(ctx, householdId);
  return readVoluntariness(ctx, actor, household);
}

const SCAN_EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};

/**
 * The scanned copy of a person's signed declaration, decrypted, for whoever may read the household (another
 * organisation's household is 404, as everywhere). The scan is stored as the base64 of the file the counsellor
 * chose, without its type: the type is read from its first bytes (PDF, JPEG, PNG, WebP), otherwise it is sent
 * as plain bytes. 404 `no_declaration_scan` when the person's file has none. The opening is access-logged.
 */
export async function readDeclarationScan(
  ctx: RequestContext,
  householdId: string,
  personId: string,
): Promise<{ fileName: string; mediaType: string; bytes: Buffer }> {
  const actor = authorize(ctx, 'case:read');
  const household = await reachableHousehold(ctx, householdId);
  return inTransaction(ctx.db, async (tx) => {
    const [file] = await tx
      .select({ id: caseVoluntarinessFiles.id, scanEnc: caseVoluntarinessFiles.declarationScanEnc })
      .from(caseVoluntarinessFiles)
      .where(and(eq(caseVoluntarinessFiles.householdId, household.id), eq(caseVoluntarinessFiles.personId, personId)));
    if (!file?.scanEnc) throw new AppError('not_found', { params: { reason: 'no_declaration_scan' } });
    const bytes = Buffer.from(await ctx.platform.keyring.decrypt(tx, file.scanEnc, 'person'), 'base64');
    await recordAccess(tx, {
      actor: auditActor(actor),
      recordType: 'case_declaration_scan',
      recordId: personId,
      purpose: 'case_management',
    });
    const mediaType = sniffMediaType(bytes) ?? 'application/octet-stream';
    const extension = SCAN_EXTENSIONS[mediaType] ?? 'bin';
    return { fileName: `declaration-${household.reference}.${extension}`, mediaType, bytes };
  });
}

/**
 * Runs one step in a transaction: the household (reachable, files still open), the member (who needs a file),
 * then the step, then the stage; answers the household's voluntariness after it.
 */
async function step(
  ctx: RequestContext,
  householdId: string,
  personId: string,
  work: (tx: Database, actor: Actor, household: HouseholdRow, now: Date) => Promise<void>,
): Promise<HouseholdVoluntariness> {
  const actor = authorize(ctx, 'case:counsel');
  const now = new Date();
  await inTransaction(ctx.db, async (tx) => {
    const household = await fileHousehold({ ...ctx, db: tx }, householdId);
    await requiredMember(tx, household.id, personId, now);
    await work(tx, actor, household, now);
    const [after] = await tx.select().from(caseHouseholds).where(eq(caseHouseholds.id, household.id));
    await followFiles(tx, ctx, actor, after!, now);
  });
  return readVoluntariness(ctx, actor, await reachableHousehold(ctx, householdId));
}

const subject = (household: HouseholdRow) => `household:${household.id}`;
const about = (household: HouseholdRow) => ({ householdId: household.id, reference: household.reference });

/** The return intention: opens the file, or opens it again after a withdrawal. */
export function recordIntention(
  ctx: RequestContext,
  householdId: string,
  personId: string,
  body: RecordIntentionRequest,
) {
  return step(ctx, householdId, personId, async (tx, actor, household, now) => {
    checkDay(body.on, dayOf(now), null);
    const existing = await fileOf(tx, personId);
    if (existing && existing.status !== 'withdrawn') {
      throw new AppError('conflict', { params: { reason: 'intention_recorded' } });
    }
    const intentionEnc = body.words ? await ctx.platform.keyring.encrypt(tx, 'person', body.words) : null;
    const fresh = {
      status: 'open',
      intentionOn: body.on,
      intentionEnc,
      declarationSignedOn: null,
      declarationWitnessEnc: null,
      declarationLanguage: null,
      declarationScanEnc: null,
      coolingOffDays: ctx.platform.config.coolingOffDays,
      coolingOffEndsOn: null,
      updatedAt: now,
    };
    let fileId: string;
    if (existing) {
      // A new intention after a withdrawal starts the file over; the last withdrawal stays recorded.
      if (existing.withdrawnAt !== null && body.on < dayOf(existing.withdrawnAt)) {
        throw new AppError('validation_failed', {
          params: { reason: 'date_before_previous_step', after: dayOf(existing.withdrawnAt) },
        });
      }
      await tx.update(caseVoluntarinessFiles).set(fresh).where(eq(caseVoluntarinessFiles.id, existing.id));
      fileId = existing.id;
    } else {
      const [row] = await tx
        .insert(caseVoluntarinessFiles)
        .values({ householdId: household.id, personId, ...fresh })
        .returning({ id: caseVoluntarinessFiles.id });
      fileId = row!.id;
    }
    await appendAudit(tx, {
      type: 'cases.intention_recorded',
      actor: auditActor(actor),
      subject: subject(household),
      details: { ...about(household), fileId, personId },
    });
  });
}

/** A counselling session, by the actor's organisation; any coercion indicator raises a protection flag. */
export function recordCounselling(
  ctx: RequestContext,
  householdId: string,
  personId: string,
  body: RecordCounsellingRequest,
) {
  return step(ctx, householdId, personId, async (tx, actor, household, now) => {
    const file = await activeFile(tx, personId, 'counselling');
    checkDay(body.heldOn, dayOf(now), file.intentionOn);
    const indicators = [...new Set(body.coercionIndicators ?? [])] as CoercionIndicator[];
    const [session] = await tx
      .insert(caseCounsellingSessions)
      .values({
        fileId: file.id,
        heldOn: body.heldOn,
        organisationId: actor.organisationId,
        counsellorId: actor.userId,
        language: body.language,
        private: body.private,
        notesEnc: body.notes ? await ctx.platform.keyring.encrypt(tx, 'narrative', body.notes) : null,
        coercionIndicators: indicators,
      })
      .returning({ id: caseCounsellingSessions.id });
    await appendAudit(tx, {
      type: 'cases.counselling_recorded',
      actor: auditActor(actor),
      subject: subject(household),
      details: {
        ...about(household),
        fileId: file.id,
        sessionId: session!.id,
        private: body.private,
        coercionIndicators: indicators,
      },
    });
    if (indicators.length > 0) await raiseFlag(tx, actor, household, personId, indicators);
  });
}

/**
 * The information given about the intended zone: its current published class and explanation, as the public
 * zone page shows them that day, stored as shown (class, period, publication, framework version, the deciding
 * reasons the page words in the person's language, and its English summary). The screen says which publication
 * it showed; if another has come into force meanwhile, the step is refused so that the person hears the current one.
 */
export function recordZoneInformation(
  ctx: RequestContext,
  householdId: string,
  personId: string,
  body: RecordZoneInformationRequest,
) {
  return step(ctx, householdId, personId, async (tx, actor, household, now) => {
    const file = await activeFile(tx, personId, 'zone_information');
    const done = await stepsDone(tx, file);
    if (done.counselledOn === null) throw stepOutOfOrder('zone_information', 'counselling');
    const zone = await currentZoneClass(tx, household.intendedPcode, {
      freshMonths: ctx.platform.config.zoneClassFreshMonths,
      now,
    });
    if (zone.publicationId !== body.publicationId) {
      throw new AppError('conflict', { params: { reason: 'zone_information_changed' } });
    }
    const detail = zone.period === null ? null : (await publicZoneDetail(tx, household.intendedPcode)).current;
    const shown = {
      class: zone.class,
      period: zone.period,
      publicationId: zone.publicationId,
      fresh: zone.fresh,
      frameworkVersion: detail?.publication.frameworkVersion ?? null,
      deciding: detail?.classification.deciding ?? [],
      criteria: detail?.classification.criteria ?? [],
      summary: detail?.classification.summary ?? null,
      language: body.language,
    };
    const givenOn = dayOf(now);
    await tx.insert(caseZoneInformation).values({
      fileId: file.id,
      givenOn,
      pcode: household.intendedPcode,
      zoneClass: zone.class,
      period: zone.period,
      publicationId: zone.publicationId,
      shown,
      language: body.language,
      givenBy: actor.userId,
    });
    await appendAudit(tx, {
      type: 'cases.zone_information_given',
      actor: auditActor(actor),
      subject: subject(household),
      details: {
        ...about(household),
        fileId: file.id,
        pcode: household.intendedPcode,
        zoneClass: zone.class,
        publicationId: zone.publicationId,
      },
    });
  });
}

/** The optional go-and-see visit to the zone, after the person was told its class. */
export function recordGoAndSee(
  ctx: RequestContext,
  householdId: string,
  personId: string,
  body: RecordGoAndSeeRequest,
) {
  return step(ctx, householdId, personId, async (tx, actor, household, now) => {
    const file = await activeFile(tx, personId, 'go_and_see');
    const done = await stepsDone(tx, file);
    if (done.counselledOn === null) throw stepOutOfOrder('go_and_see', 'counselling');
    if (done.informedOn === null) throw stepOutOfOrder('go_and_see', 'zone_information');
    checkDay(body.visitedOn, dayOf(now), file.intentionOn);
    await tx.insert(caseGoAndSeeVisits).values({
      fileId: file.id,
      visitedOn: body.visitedOn,
      pcode: household.intendedPcode,
      notesEnc: body.notes ? await ctx.platform.keyring.encrypt(tx, 'narrative', body.notes) : null,
      recordedBy: actor.userId,
    });
    await appendAudit(tx, {
      type: 'cases.go_and_see_recorded',
      actor: auditActor(actor),
      subject: subject(household),
      details: { ...about(household), fileId: file.id, pcode: household.intendedPcode },
    });
  });
}

/**
 * The signed voluntary repatriation form: never without a witness. It completes the file and starts the
 * cooling-off period (`config.coolingOffDays`): no departure before the declaration's date plus those days.
 */
export function signDeclaration(
  ctx: RequestContext,
  householdId: string,
  personId: string,
  body: SignDeclarationRequest,
) {
  return step(ctx, householdId, personId, async (tx, actor, household, now) => {
    if (!body.witness) {
      throw new AppError('validation_failed', {
        params: { reason: 'declaration_without_witness' },
        errors: [{ field: 'body.witness', code: 'required', message: 'A declaration is signed before a witness.' }],
      });
    }
    const file = await activeFile(tx, personId, 'declaration');
    if (file.declarationSignedOn !== null) throw new AppError('conflict', { params: { reason: 'already_declared' } });
    const done = await stepsDone(tx, file);
    if (done.counselledOn === null) throw stepOutOfOrder('declaration', 'counselling');
    if (done.informedOn === null) throw stepOutOfOrder('declaration', 'zone_information');
    checkDay(body.signedOn, dayOf(now), done.informedOn);
    const days = ctx.platform.config.coolingOffDays;
    const endsOn = coolingOffEndsOn(body.signedOn, days);
    const keyring = ctx.platform.keyring;
    await tx
      .update(caseVoluntarinessFiles)
      .set({
        status: 'complete',
        declarationSignedOn: body.signedOn,
        declarationWitnessEnc: await keyring.encrypt(tx, 'person', body.witness),
        declarationLanguage: body.language,
        declarationScanEnc: body.scan ? await keyring.encrypt(tx, 'person', body.scan) : null,
        coolingOffDays: days,
        coolingOffEndsOn: endsOn,
        updatedAt: now,
      })
      .where(eq(caseVoluntarinessFiles.id, file.id));
    await appendAudit(tx, {
      type: 'cases.declaration_signed',
      actor: auditActor(actor),
      subject: subject(household),
      details: {
        ...about(household),
        fileId: file.id,
        signedOn: body.signedOn,
        coolingOffEndsOn: endsOn,
        scan: !!body.scan,
      },
    });
  });
}

/**
 * The person withdraws, at any step before departure, with a reason if they give one (encrypted). The household
 * is withdrawn when every file begun is; nothing of the withdrawal counts against a later intention.
 */
export function withdraw(ctx: RequestContext, householdId: string, personId: string, body: WithdrawRequest) {
  return step(ctx, householdId, personId, async (tx, actor, household, now) => {
    const file = await fileOf(tx, personId);
    if (!file || file.intentionOn === null) throw new AppError('conflict', { params: { reason: 'no_intention' } });
    if (file.status === 'withdrawn') throw new AppError('conflict', { params: { reason: 'already_withdrawn' } });
    const atStep = nextStep(file, await stepsDone(tx, file), dayOf(now));
    await tx
      .update(caseVoluntarinessFiles)
      .set({
        status: 'withdrawn',
        withdrawnAt: now,
        withdrawalEnc: body.reason ? await ctx.platform.keyring.encrypt(tx, 'person', body.reason) : null,
        updatedAt: now,
      })
      .where(eq(caseVoluntarinessFiles.id, file.id));
    await appendAudit(tx, {
      type: 'cases.voluntariness_withdrawn',
      actor: auditActor(actor),
      subject: subject(household),
      details: { ...about(household), fileId: file.id, atStep },
    });
  });
}
