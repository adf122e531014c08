import { and, asc, count, desc, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  Observation,
  ObservationInput,
  ObservationListQuery,
  ObservationPage,
  VerificationDecision,
} from '../../shared/zones/schemas.ts';
import { organisationNameOf } from '../platform/accounts/directory.ts';
import { recordAccess } from '../platform/audit/access.ts';
import { inTransaction } from '../platform/audit/head.ts';
import { appendAudit } from '../platform/audit/log.ts';
import type { Actor, RequestContext } from '../platform/context.ts';
import type { Database } from '../platform/db/client.ts';
import { countOf } from '../platform/db/count.ts';
import { AppError, type FieldError, notFound } from '../platform/http/errors.ts';
import { authorize, can } from '../platform/policy/policy.ts';
import { activeFramework } from './frameworks.ts';
import { ObservationWriter } from './observation-writer.ts';
import { auditActorOf } from './support.ts';
import { zoneEvidenceFiles, zoneObservations, zones, zoneVerifications } from './tables.ts';
import './events.ts';
import './permissions.ts';

type ObservationRow = typeof zoneObservations.$inferSelect;

const STATUS_AFTER: Record<VerificationDecision, ObservationRow['status']> = {
  confirm: 'confirmed',
  reject: 'rejected',
  request_evidence: 'more_evidence',
};

/** Records one observation for the caller's organisation; it waits for a verifier of another organisation. */
export async function recordObservation(ctx: RequestContext, input: ObservationInput): Promise<Observation> {
  const actor = authorize(ctx, 'observation:create');
  const id = await inTransaction(ctx.db, async (tx) => {
    const writer = await openWriter(ctx, tx, actor, [input.pcode]);
    const queued = await writer.add(input, (field) => `body.${field}`);
    try {
      await writer.finish();
    } catch (error) {
      if (error instanceof AppError && error.errors?.some((e) => e.code === 'duplicate_observation')) {
        throw await duplicateOf(tx, actor, input, error.errors);
      }
      throw error;
    }
    if (writer.unchanged > 0) throw await duplicateOf(tx, actor, input);
    // Neither refused nor already there: written under the id it was queued with (no need to read it back).
    const written = queued!;
    await appendAudit(tx, {
      type: 'zones.observation_recorded',
      actor: auditActorOf(actor),
      subject: `observation:${written}`,
      details: {
        observationId: written,
        pcode: input.pcode,
        indicator: input.indicator,
        period: input.period,
        source: input.source,
        organisationId: actor.organisationId,
      },
    });
    return written;
  });
  return getObservation(ctx, id);
}

/** Records a batch all-or-nothing; values the organisation already gave identically count as unchanged. */
export async function recordObservationBatch(
  ctx: RequestContext,
  observations: readonly ObservationInput[],
): Promise<{ created: number; unchanged: number }> {
  const actor = authorize(ctx, 'observation:create');
  return inTransaction(ctx.db, async (tx) => {
    const writer = await openWriter(
      ctx,
      tx,
      actor,
      observations.map((o) => o.pcode),
    );
    for (const [index, input] of observations.entries()) {
      await writer.add(input, (field) => `body.observations.${index}.${field}`);
    }
    const result = await writer.finish();
    if (result.created > 0) {
      await appendAudit(tx, {
        type: 'zones.observations_imported',
        actor: auditActorOf(actor),
        subject: `organisation:${actor.organisationId}`,
        details: { ...result, organisationId: actor.organisationId },
      });
    }
    return { created: result.created, unchanged: result.unchanged };
  });
}

/**
 * The refusal of a value the organisation already gave for the zone, indicator and month: it names the value
 * that is there (`existing` in the problem), so that the screen can link to it.
 */
async function duplicateOf(
  tx: Database,
  actor: Actor,
  input: ObservationInput,
  errors?: FieldError[],
): Promise<AppError> {
  const [existing] = await tx
    .select({ id: zoneObservations.id })
    .from(zoneObservations)
    .where(
      and(
        eq(zoneObservations.pcode, input.pcode),
        eq(zoneObservations.indicator, input.indicator),
        eq(zoneObservations.period, input.period),
        eq(zoneObservations.organisationId, actor.organisationId),
        ne(zoneObservations.status, 'rejected'),
      ),
    );
  return new AppError('conflict', {
    params: { reason: 'duplicate_observation' },
    ...(errors ? { errors } : {}),
    ...(existing ? { existing: { id: existing.id, href: `/api/v1/observations/${existing.id}` } } : {}),
  });
}

async function openWriter(ctx: RequestContext, tx: Database, actor: Actor, pcodes: string[]) {
  const framework = await activeFramework(tx);
  const known = await ObservationWriter.loadPcodes(tx, [...new Set(pcodes)]);
  return new ObservationWriter({
    tx,
    keyring: ctx.platform.keyring,
    framework,
    knownPcodes: known,
    organisationId: actor.organisationId,
    submittedBy: actor.userId,
  });
}

export async function listObservations(
  ctx: RequestContext,
  query: z.infer<typeof ObservationListQuery>,
): Promise<z.infer<typeof ObservationPage>> {
  const actor = authorize(ctx, 'zone:read');
  const o = zoneObservations;
  const conditions: (SQL | undefined)[] = [
    query.pcode ? eq(o.pcode, query.pcode) : undefined,
    query.indicator ? eq(o.indicator, query.indicator) : undefined,
    query.period ? eq(o.period, query.period) : undefined,
    query.status ? eq(o.status, query.status) : undefined,
  ];
  if (query.queue === 'verify') {
    authorize(ctx, 'observation:verify');
    conditions.push(eq(o.status, 'pending'), ne(o.organisationId, actor.organisationId));
  }
  const where = and(...conditions);
  // The total comes with the page.
  const rows = await selectPresentable(ctx.db, countOf(o, where))
    .where(where)
    .orderBy(query.queue === 'verify' ? asc(o.submittedAt) : desc(o.period), asc(o.pcode), asc(o.indicator))
    .limit(query.limit)
    .offset(query.offset);
  const total =
    rows[0]?.total ?? (query.offset > 0 ? ((await ctx.db.select({ n: count() }).from(o).where(where))[0]?.n ?? 0) : 0);
  return { total, items: await presentObservations(ctx, actor, rows) };
}

export async function getObservation(ctx: RequestContext, id: string): Promise<Observation> {
  const actor = authorize(ctx, 'zone:read');
  const [row] = await selectPresentable(ctx.db).where(eq(zoneObservations.id, id));
  if (!row) throw notFound('observation');
  return (await presentObservations(ctx, actor, [row]))[0]!;
}

/**
 * A verifier of another organisation confirms, rejects (with a reason) or asks for more evidence. Nobody
 * verifies their own organisation's data, and a decided observation stays decided.
 */
export async function verifyObservation(
  ctx: RequestContext,
  id: string,
  decision: VerificationDecision,
  reason: string | undefined,
): Promise<Observation> {
  const actor = authorize(ctx, 'observation:verify');
  await inTransaction(ctx.db, async (tx) => {
    const [row] = await tx.select().from(zoneObservations).where(eq(zoneObservations.id, id)).for('update');
    if (!row) throw notFound('observation');
    if (row.organisationId === actor.organisationId) {
      throw new AppError('forbidden', { params: { reason: 'own_organisation' } });
    }
    if (row.status === 'confirmed' || row.status === 'rejected') {
      throw new AppError('conflict', { params: { reason: 'already_decided' } });
    }
    const decidedAt = new Date();
    await tx.insert(zoneVerifications).values({
      observationId: id,
      decision,
      reason: reason ?? null,
      verifierId: actor.userId,
      verifierOrganisationId: actor.organisationId,
      decidedAt,
    });
    await tx
      .update(zoneObservations)
      .set({ status: STATUS_AFTER[decision], decidedAt: decision === 'request_evidence' ? null : decidedAt })
      .where(eq(zoneObservations.id, id));
    await appendAudit(tx, {
      type: 'zones.observation_verified',
      actor: auditActorOf(actor),
      subject: `observation:${id}`,
      details: {
        observationId: id,
        decision,
        verifierOrganisationId: actor.organisationId,
        submitterOrganisationId: row.organisationId,
      },
    });
  });
  return getObservation(ctx, id);
}

/** The submitting organisation answers a request for evidence; the observation goes back to the queue. */
export async function addEvidence(ctx: RequestContext, id: string, evidenceNotes: string): Promise<Observation> {
  const actor = authorize(ctx, 'observation:create');
  await inTransaction(ctx.db, async (tx) => {
    const [row] = await tx.select().from(zoneObservations).where(eq(zoneObservations.id, id)).for('update');
    if (!row || row.organisationId !== actor.organisationId) throw notFound('observation');
    if (row.status !== 'more_evidence') throw new AppError('conflict', { params: { reason: 'no_evidence_requested' } });
    // The notes as the submitter now gives them (the screen starts from the earlier notes, to build on them).
    await tx
      .update(zoneObservations)
      .set({ status: 'pending', evidenceNotes: await ctx.platform.keyring.encrypt(tx, 'narrative', evidenceNotes) })
      .where(eq(zoneObservations.id, id));
    await appendAudit(tx, {
      type: 'zones.evidence_added',
      actor: auditActorOf(actor),
      subject: `observation:${id}`,
      details: { observationId: id },
    });
  });
  return getObservation(ctx, id);
}

/**
 * Evidence (notes and files) is shown to the submitting organisation and to verifiers, and each reading is
 * logged.
 */
export const seesEvidence = (actor: Actor, row: ObservationRow) =>
  row.organisationId === actor.organisationId || can(actor, 'observation:verify');

/**
 * Observations with their zone's names and their organisation's name, read with them, and `total` (a list's
 * count): a list or one observation is then two statements with the verifications. On the embedded
 * database each statement waits its turn behind every other request's (bench/mixed.ts).
 */
function selectPresentable(db: Database, total: SQL<number> = sql<number>`1`.mapWith(Number)) {
  return db
    .select({
      observation: zoneObservations,
      zoneNames: zones.names,
      organisationName: organisationNameOf(zoneObservations.organisationId),
      evidenceFiles:
        sql<number>`(select count(*) from ${zoneEvidenceFiles} where ${zoneEvidenceFiles.observationId} = ${zoneObservations.id})`.mapWith(
          Number,
        ),
      total,
    })
    .from(zoneObservations)
    .leftJoin(zones, eq(zones.pcode, zoneObservations.pcode))
    .$dynamic();
}

type PresentableRow = Awaited<ReturnType<ReturnType<typeof selectPresentable>['execute']>>[number];

async function presentObservations(
  ctx: RequestContext,
  actor: Actor,
  presentable: PresentableRow[],
): Promise<Observation[]> {
  if (presentable.length === 0) return [];
  const rows = presentable.map((row) => row.observation);
  const verifications = await ctx.db
    .select({
      observationId: zoneVerifications.observationId,
      decision: zoneVerifications.decision,
      reason: zoneVerifications.reason,
      decidedAt: zoneVerifications.decidedAt,
      organisationId: zoneVerifications.verifierOrganisationId,
      organisationName: organisationNameOf(zoneVerifications.verifierOrganisationId),
    })
    .from(zoneVerifications)
    .where(
      inArray(
        zoneVerifications.observationId,
        rows.map((row) => row.id),
      ),
    )
    .orderBy(asc(zoneVerifications.decidedAt));
  const organisation = (id: string, name: string | null) => ({ id, name: name ?? '' });
  const withNotes = rows.filter((row) => row.evidenceNotes && seesEvidence(actor, row));
  if (withNotes.length > 0) {
    await recordAccess(ctx.db, {
      actor: auditActorOf(actor),
      recordType: 'observation_evidence',
      recordId: withNotes.map((row) => row.id),
      purpose: 'zone_verification',
    });
  }
  return Promise.all(
    presentable.map(async ({ observation: row, zoneNames, organisationName, evidenceFiles }) => ({
      id: row.id,
      pcode: row.pcode,
      zoneName: zoneNames ?? { en: row.pcode },
      indicator: row.indicator,
      period: row.period,
      value: row.value,
      source: row.source as Observation['source'],
      method: row.method,
      status: row.status as Observation['status'],
      organisation: organisation(row.organisationId, organisationName),
      submittedAt: row.submittedAt.toISOString(),
      evidenceNotes:
        row.evidenceNotes && seesEvidence(actor, row)
          ? await ctx.platform.keyring.decrypt(ctx.db, row.evidenceNotes, 'narrative')
          : null,
      verifications: verifications
        .filter((v) => v.observationId === row.id)
        .map((v) => ({
          decision: v.decision as VerificationDecision,
          reason: v.reason,
          decidedAt: v.decidedAt.toISOString(),
          verifierOrganisation: organisation(v.organisationId, v.organisationName),
        })),
      version: row.version,
      correctionReason: row.correctionReason,
      evidenceFiles: seesEvidence(actor, row) ? evidenceFiles : null,
    })),
  );
}
