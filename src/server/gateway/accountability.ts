import { asc, eq, ne, sql } from 'drizzle-orm';
import type { AccountabilityStatus } from '../../shared/gateway/constants.ts';
import type { AccountabilityStep, AccountabilityTracker, Incident } from '../../shared/gateway/schemas.ts';
import { inTransaction } from '../platform/audit/head.ts';
import { appendAudit } from '../platform/audit/log.ts';
import type { RequestContext } from '../platform/context.ts';
import { AppError, conflict, type FieldError } from '../platform/http/errors.ts';
import { authorize } from '../platform/policy/policy.ts';
import { auditActor, incidentRows, lockOwnIncident, readIncident } from './incidents.ts';
import { countByStatus, type IncidentRow, presentIncidentSummary, referralWait } from './presenters/incidents.ts';
import { gatewayIncidentHistory, gatewayIncidents } from './tables.ts';
import './events.ts';
import './permissions.ts';
import './problems.ts';

/**
 * Following an incident to accountability, in order: referred to a body (which, and when), the body's answer,
 * a sanction if one was imposed, then closed (with or without a sanction). Each step is a history entry and an
 * audit entry; the body's answer, the sanction and a closing note are encrypted (they may name people).
 */

/** The statuses each step may follow. */
const FOLLOWS: Record<AccountabilityStep['step'], readonly AccountabilityStatus[]> = {
  referred: ['documented'],
  answered: ['referred'],
  sanctioned: ['answered'],
  closed: ['referred', 'answered', 'sanctioned'],
};

const today = (now: Date) => now.toISOString().slice(0, 10);

function checkDays(step: AccountabilityStep, row: IncidentRow, now: Date): void {
  const errors: FieldError[] = [];
  const check = (name: string, day: string, notBefore: string | null) => {
    if (day > today(now))
      errors.push({ field: `body.${name}`, code: 'future_date', message: 'must not be in the future' });
    else if (notBefore && day < notBefore)
      errors.push({ field: `body.${name}`, code: 'before_previous_step', message: `must not be before ${notBefore}` });
  };
  if (step.step === 'referred') check('referredOn', step.referredOn, row.occurredOn);
  if (step.step === 'closed') check('closedOn', step.closedOn, row.referredOn ?? row.occurredOn);
  if (errors.length > 0) throw new AppError('validation_failed', { errors });
}

/** Takes an incident of the actor's organisation one step further; a step out of order is a 409 naming why. */
export async function recordAccountabilityStep(
  ctx: RequestContext,
  id: string,
  step: AccountabilityStep,
): Promise<Incident> {
  const actor = authorize(ctx, 'incident:follow');
  const now = new Date();
  const keyring = ctx.platform.keyring;
  const text =
    step.step === 'answered'
      ? step.response
      : step.step === 'sanctioned'
        ? step.sanction
        : step.step === 'closed'
          ? step.note
          : undefined;
  const textEnc = text ? await keyring.encrypt(ctx.db, 'narrative', text) : null;
  await inTransaction(ctx.db, async (tx) => {
    const row = await lockOwnIncident(tx, actor, id);
    if (row.accountability === 'closed') throw conflict('incident_closed');
    if (!FOLLOWS[step.step].includes(row.accountability as AccountabilityStatus)) {
      throw conflict('incident_accountability_order');
    }
    checkDays(step, row, now);
    const changes: Partial<IncidentRow> = { accountability: step.step, updatedAt: now };
    if (step.step === 'referred') Object.assign(changes, { referredTo: step.referredTo, referredOn: step.referredOn });
    if (step.step === 'answered') changes.responseEnc = textEnc;
    if (step.step === 'sanctioned') changes.sanctionEnc = textEnc;
    if (step.step === 'closed') changes.closedOn = step.closedOn;
    await tx.update(gatewayIncidents).set(changes).where(eq(gatewayIncidents.id, id));
    await tx.insert(gatewayIncidentHistory).values({
      incidentId: id,
      entry: step.step,
      accountId: actor.userId,
      noteEnc: step.step === 'closed' ? textEnc : null,
      at: now,
    });
    await appendAudit(tx, {
      type: 'gateway.incident_accountability',
      actor: auditActor(actor),
      subject: `incident:${id}`,
      details: { incidentId: id, type: row.type as never, status: step.step },
    });
  });
  return readIncident(ctx, actor, id);
}

/**
 * The accountability tracker: how many incidents stand at each status, and the open ones (not closed), those
 * waiting longest for the body's answer first, with the days since referral and whether that is overdue.
 */
export async function accountabilityTracker(ctx: RequestContext): Promise<AccountabilityTracker> {
  authorize(ctx, 'incident:read');
  const responseDays = ctx.platform.config.incidentResponseDays;
  const counts = await ctx.db
    .select({ status: gatewayIncidents.accountability, n: sql<number>`count(*)::int` })
    .from(gatewayIncidents)
    .groupBy(gatewayIncidents.accountability);
  const { rows, codes } = await incidentRows(ctx.db, ne(gatewayIncidents.accountability, 'closed'), {
    limit: 500,
    offset: 0,
    order: [
      sql`${gatewayIncidents.referredOn} asc nulls last`,
      asc(gatewayIncidents.occurredOn),
      asc(gatewayIncidents.id),
    ],
  });
  const now = new Date();
  return {
    responseDays,
    counts: countByStatus(counts),
    items: rows.map((row) => ({
      ...presentIncidentSummary(row, codes, ctx.language),
      ...referralWait(row.incident, responseDays, now),
    })),
  };
}
