import { and, desc, eq, ne } from 'drizzle-orm';
import type {
  CorrectObservationRequest,
  EvidenceFile,
  Observation,
  ObservationHistory,
  ObservationVersion,
} from '../../shared/zones/schemas.ts';
import { recordAccess } from '../platform/audit/access.ts';
import { inTransaction } from '../platform/audit/head.ts';
import { appendAudit } from '../platform/audit/log.ts';
import type { RequestContext } from '../platform/context.ts';
import { AppError, notFound } from '../platform/http/errors.ts';
import { authorize } from '../platform/policy/policy.ts';
import { listEvidenceFiles } from './evidence-files.ts';
import { activeFramework } from './frameworks.ts';
import { getObservation, seesEvidence } from './observations.ts';
import { checkValue, indicatorsOf } from './rules/framework.ts';
import { auditActorOf } from './support.ts';
import { zoneObservations, zoneObservationVersions } from './tables.ts';
import './events.ts';
import './permissions.ts';

/**
 * Corrections. The submitting organisation corrects its own value, in any state: the correction is the next
 * version of the same observation (its id, and so every link to it, stays), goes back to the verification
 * queue, and counts only once a verifier of another organisation confirms it, as the first version did. A
 * confirmed value that is corrected therefore stops counting until the correction is verified: a value nobody
 * checked never replaces one somebody did. The version it replaces is kept as it was, with the decisions made
 * on it, and the correction is in the audit log. A rejected value corrected comes back unless the organisation
 * has since given another value for the same zone, indicator and month.
 */
export async function correctObservation(
  ctx: RequestContext,
  id: string,
  correction: CorrectObservationRequest,
): Promise<Observation> {
  const actor = authorize(ctx, 'observation:create');
  await inTransaction(ctx.db, async (tx) => {
    const [row] = await tx.select().from(zoneObservations).where(eq(zoneObservations.id, id)).for('update');
    if (!row || row.organisationId !== actor.organisationId) throw notFound('observation');
    const indicator = indicatorsOf((await activeFramework(tx)).definition).get(row.indicator);
    const outOfRange = indicator ? checkValue(indicator, correction.value) : undefined;
    if (outOfRange) {
      throw new AppError('validation_failed', {
        errors: [{ field: 'body.value', code: 'range', message: outOfRange }],
      });
    }
    const notes = correction.evidenceNotes?.trim() ? correction.evidenceNotes.trim() : undefined;
    const currentNotes =
      notes !== undefined && row.evidenceNotes
        ? await ctx.platform.keyring.decrypt(tx, row.evidenceNotes, 'narrative')
        : undefined;
    if (
      row.value === correction.value &&
      row.source === correction.source &&
      row.method === correction.method &&
      (notes === undefined || notes === currentNotes)
    ) {
      throw new AppError('validation_failed', {
        errors: [
          {
            field: 'body.value',
            code: 'unchanged',
            message: 'the correction changes nothing: give the corrected value, source, method or notes',
          },
        ],
      });
    }
    if (row.status === 'rejected') {
      const [live] = await tx
        .select({ id: zoneObservations.id })
        .from(zoneObservations)
        .where(
          and(
            eq(zoneObservations.pcode, row.pcode),
            eq(zoneObservations.indicator, row.indicator),
            eq(zoneObservations.period, row.period),
            eq(zoneObservations.organisationId, row.organisationId),
            ne(zoneObservations.status, 'rejected'),
          ),
        );
      if (live) {
        throw new AppError('conflict', {
          params: { reason: 'duplicate_observation' },
          existing: { id: live.id, href: `/api/v1/observations/${live.id}` },
        });
      }
    }
    const now = new Date();
    await tx.insert(zoneObservationVersions).values({
      observationId: row.id,
      version: row.version,
      stateCode: row.stateCode,
      value: row.value,
      source: row.source,
      method: row.method,
      evidenceNotes: row.evidenceNotes,
      status: row.status,
      correctionReason: row.correctionReason,
      submittedBy: row.submittedBy,
      submittedAt: row.submittedAt,
      replacedBy: actor.userId,
      replacedAt: now,
    });
    await tx
      .update(zoneObservations)
      .set({
        value: correction.value,
        source: correction.source,
        method: correction.method,
        ...(notes !== undefined ? { evidenceNotes: await ctx.platform.keyring.encrypt(tx, 'narrative', notes) } : {}),
        status: 'pending',
        decidedAt: null,
        version: row.version + 1,
        correctionReason: correction.reason,
        submittedBy: actor.userId,
        submittedAt: now,
      })
      .where(eq(zoneObservations.id, id));
    await appendAudit(tx, {
      type: 'zones.observation_corrected',
      actor: auditActorOf(actor),
      subject: `observation:${id}`,
      details: {
        observationId: id,
        version: row.version + 1,
        previousStatus: row.status as Observation['status'],
        organisationId: actor.organisationId,
      },
    });
  });
  return getObservation(ctx, id);
}

/**
 * Every version of an observation, newest first, each with the verifiers' decisions made while it was current,
 * and its evidence files. Notes and files only for the submitting organisation and verifiers, each reading
 * logged.
 */
export async function observationHistory(ctx: RequestContext, id: string): Promise<ObservationHistory> {
  const actor = authorize(ctx, 'zone:read');
  const observation = await getObservation(ctx, id);
  const [row] = await ctx.db.select().from(zoneObservations).where(eq(zoneObservations.id, id));
  if (!row) throw notFound('observation');
  const sees = seesEvidence(actor, row);
  const earlier = await ctx.db
    .select()
    .from(zoneObservationVersions)
    .where(eq(zoneObservationVersions.observationId, id))
    .orderBy(desc(zoneObservationVersions.version));
  if (sees && earlier.some((version) => version.evidenceNotes)) {
    await recordAccess(ctx.db, {
      actor: auditActorOf(actor),
      recordType: 'observation_evidence',
      recordId: id,
      purpose: 'zone_verification',
    });
  }
  const decidedWhile = (from: Date, to: Date | null) =>
    observation.verifications.filter((v) => {
      const at = Date.parse(v.decidedAt);
      return at >= from.getTime() && (to === null || at < to.getTime());
    });
  const versions: ObservationVersion[] = [
    {
      version: row.version,
      current: true,
      value: row.value,
      source: observation.source,
      method: row.method,
      status: observation.status,
      correctionReason: row.correctionReason,
      evidenceNotes: observation.evidenceNotes ?? null,
      submittedAt: row.submittedAt.toISOString(),
      replacedAt: null,
      verifications: decidedWhile(row.submittedAt, null),
    },
  ];
  for (const version of earlier) {
    versions.push({
      version: version.version,
      current: false,
      value: version.value,
      source: version.source as ObservationVersion['source'],
      method: version.method,
      status: version.status as ObservationVersion['status'],
      correctionReason: version.correctionReason,
      evidenceNotes:
        sees && version.evidenceNotes
          ? await ctx.platform.keyring.decrypt(ctx.db, version.evidenceNotes, 'narrative')
          : null,
      submittedAt: version.submittedAt.toISOString(),
      replacedAt: version.replacedAt.toISOString(),
      verifications: decidedWhile(version.submittedAt, version.replacedAt),
    });
  }
  const files: EvidenceFile[] = sees ? await listEvidenceFiles(ctx, id) : [];
  return { observation, versions, seesEvidence: sees, files };
}
