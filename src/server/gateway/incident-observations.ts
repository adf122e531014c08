import { and, eq, inArray, isNotNull, ne, or, sql } from 'drizzle-orm';
import type { IncidentSource, IncidentType } from '../../shared/gateway/constants.ts';
import type { IncidentObservation } from '../../shared/gateway/schemas.ts';
import type { ObservationSource } from '../../shared/zones/constants.ts';
import { inTransaction } from '../platform/audit/head.ts';
import { appendAudit } from '../platform/audit/log.ts';
import type { RequestContext } from '../platform/context.ts';
import { conflict } from '../platform/http/errors.ts';
import { authorize } from '../platform/policy/policy.ts';
import { findZone } from '../zones/gazetteer.ts';
import { correctObservation } from '../zones/observation-versions.ts';
import { listObservations, recordObservation } from '../zones/observations.ts';
import { auditActor, lockOwnIncident } from './incidents.ts';
import { gatewayIncidentHistory, gatewayIncidents } from './tables.ts';
import './events.ts';
import './permissions.ts';
import './problems.ts';

/**
 * The zones feed. A verified or corroborated incident is entered, by the organisation that recorded it, as an
 * observation of its zone's safety indicators through the zones module's own service, so that it waits for a
 * zones verifier of another organisation like any other value and counts only once confirmed:
 *
 * - denial of access to monitors is a `monitor_access` observation of "no" (0) for the month;
 * - every other type (violence, arbitrary detention, extortion, coercion to return, document confiscation) is
 *   counted in `security_incidents`, per 10,000 residents of the zone: the organisation's verified or
 *   corroborated incidents of those types in the zone that month. A second incident in the same month corrects
 *   the organisation's value (the next version, back in the verification queue) rather than adding another.
 *
 * The person entering it needs the zones module's `observation:create` as well (a field monitor or coordinator
 * of the recording organisation); the observation is attributed to that organisation.
 */

export const MONITOR_ACCESS_INDICATOR = 'monitor_access';
export const SECURITY_INCIDENTS_INDICATOR = 'security_incidents';

export const indicatorOf = (type: IncidentType): string =>
  type === 'denial_of_monitor_access' ? MONITOR_ACCESS_INDICATOR : SECURITY_INCIDENTS_INDICATOR;

const OBSERVATION_SOURCE: Record<IncidentSource, ObservationSource> = {
  gateway_submission: 'key_informant_interview',
  direct_testimony: 'key_informant_interview',
  monitoring_visit: 'monitoring_visit',
  partner_report: 'partner_report',
  media_report: 'partner_report',
};

const ESTABLISHED = ['verified', 'corroborated'] as const;

export async function enterIncidentObservation(ctx: RequestContext, id: string): Promise<IncidentObservation> {
  const actor = authorize(ctx, 'incident:record');
  authorize(ctx, 'observation:create');
  return inTransaction(ctx.db, async (tx) => {
    const zonesCtx: RequestContext = { ...ctx, db: tx };
    const row = await lockOwnIncident(tx, actor, id);
    if (!(ESTABLISHED as readonly string[]).includes(row.verification)) throw conflict('incident_not_verified');
    if (row.observationId) throw conflict('incident_already_observed');
    if (!row.pcode) throw conflict('incident_no_zone');
    const pcode = row.pcode;
    const type = row.type as IncidentType;
    const indicator = indicatorOf(type);
    const period = row.occurredOn.slice(0, 7);
    let value = 0;
    if (indicator === SECURITY_INCIDENTS_INDICATOR) {
      const zone = await findZone(tx, pcode);
      if (!zone?.population) throw conflict('incident_zone_population_unknown');
      const [counted] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(gatewayIncidents)
        .where(
          and(
            eq(gatewayIncidents.organisationId, actor.organisationId),
            eq(gatewayIncidents.pcode, pcode),
            ne(gatewayIncidents.type, 'denial_of_monitor_access'),
            inArray(gatewayIncidents.verification, [...ESTABLISHED]),
            sql`to_char(${gatewayIncidents.occurredOn}, 'YYYY-MM') = ${period}`,
            or(isNotNull(gatewayIncidents.observationId), eq(gatewayIncidents.id, id)),
          ),
        );
      value = Math.round(((counted?.n ?? 1) * 10_000 * 100) / zone.population) / 100;
    }
    const source = OBSERVATION_SOURCE[row.source as IncidentSource];
    const method =
      indicator === MONITOR_ACCESS_INDICATOR
        ? 'Denial of access to monitors documented in the community gateway incident register, verified'
        : 'Verified or corroborated incidents in the community gateway incident register, per 10,000 residents';
    const page = await listObservations(zonesCtx, { pcode, indicator, period, limit: 500, offset: 0 });
    const existing = page.items.find(
      (item) => item.organisation.id === actor.organisationId && item.status !== 'rejected',
    );
    const observation = !existing
      ? await recordObservation(zonesCtx, { pcode, indicator, period, value, source, method })
      : existing.value === value
        ? existing
        : await correctObservation(zonesCtx, existing.id, {
            value,
            source,
            method,
            reason: `Another verified incident in the month (${row.reference})`,
          });
    const now = new Date();
    await tx
      .update(gatewayIncidents)
      .set({ observationId: observation.id, updatedAt: now })
      .where(eq(gatewayIncidents.id, id));
    await tx
      .insert(gatewayIncidentHistory)
      .values({ incidentId: id, entry: 'observed', accountId: actor.userId, at: now });
    await appendAudit(tx, {
      type: 'gateway.incident_observed',
      actor: auditActor(actor),
      subject: `incident:${id}`,
      details: { incidentId: id, type, observationId: observation.id, indicator },
    });
    return {
      incidentId: id,
      observationId: observation.id,
      indicator,
      pcode,
      period,
      value: observation.value,
      status: observation.status,
    };
  });
}
