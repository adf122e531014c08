import { and, eq, sql } from 'drizzle-orm';
import {
  ZONE_FEED_INDICATORS,
  type ZoneFeedIndicator,
  type ZoneFeedRequest,
  type ZoneFeedResult,
} from '../../shared/outcomes/schemas/zone-feed.ts';
import type { Observation } from '../../shared/zones/schemas.ts';
import { inTransaction } from '../platform/audit/head.ts';
import { appendAudit } from '../platform/audit/log.ts';
import type { RequestContext } from '../platform/context.ts';
import { queryRows } from '../platform/db/client.ts';
import { AppError, notFound } from '../platform/http/errors.ts';
import { authorize } from '../platform/policy/policy.ts';
import { findZone } from '../zones/gazetteer.ts';
import { correctObservation } from '../zones/observation-versions.ts';
import { listObservations, recordObservation } from '../zones/observations.ts';
import { outcomeResponses, outcomeZoneEntries } from './tables.ts';
import './events.ts';
import './permissions.ts';
import './problems.ts';

/**
 * The zones feed. What returned households said in a month becomes, for their zone, an observation of the zones
 * framework's indicators that measure the same thing, entered through the zones module's own service so that it
 * waits for a zones verifier of another organisation like any other value. Only indicators whose definition the
 * answers honestly meet:
 *
 * | framework indicator | definition | from the answers |
 * | --- | --- | --- |
 * | `food_consumption` | households with acceptable food consumption (%) | households that reduced meals on fewer than 3 of the last 7 days (`food_insecure` = 0, from `food_days_reduced`) |
 * | `water_access` | households with access to safe drinking water (%) | households answering `water_access` = yes |
 * | `adequate_shelter` | returning households in adequate shelter (%) | households whose `housing` is their own or rented (hosted, damaged, a collective shelter or none are not adequate) |
 *
 * Left out because the answers do not measure them: `employment_rate` counts working-age adults in regular work,
 * while the instrument asks for the household's main source of income (casual work is not regular work, and one
 * earner says nothing of the other adults); `health_facilities` counts facilities that function, while the
 * instrument asks whether the household got care; `returnees_with_id` counts people, while the instrument asks
 * whether all, some or none of the household's members hold documents.
 *
 * The aggregate is of the returned households the entering organisation interviewed in the zone (and the zones
 * inside it) whose round was collected in the month; an indicator is entered only when at least the disclosure
 * threshold of households answered it. Entering the same zone and month again corrects the organisation's value
 * (the next version, back in the verification queue) rather than adding another.
 */

interface Measure {
  /** Households that answered the questions behind it. */
  answered: ReturnType<typeof sql>;
  /** Among them, those the indicator counts. */
  counted: ReturnType<typeof sql>;
  method: string;
}

const indicator = (key: string) => sql`${outcomeResponses.indicators}->${key}`;
const text = (key: string) => sql`${outcomeResponses.indicators}->>${key}`;

const MEASURES: Record<ZoneFeedIndicator, Measure> = {
  food_consumption: {
    answered: sql`(jsonb_typeof(${indicator('food_insecure')}) = 'number' or jsonb_typeof(${indicator('food_days_reduced')}) = 'number')`,
    counted: sql`(case when jsonb_typeof(${indicator('food_insecure')}) = 'number' then (${text('food_insecure')})::float8 = 0
                  else (${text('food_days_reduced')})::float8 < 3 end)`,
    method: 'Outcome monitoring of returned households: share that reduced meals on fewer than 3 of the last 7 days',
  },
  water_access: {
    answered: sql`(${text('water_access')} in ('yes', 'no'))`,
    counted: sql`(${text('water_access')} = 'yes')`,
    method: 'Outcome monitoring of returned households: share answering that they have access to drinking water',
  },
  adequate_shelter: {
    answered: sql`(${text('housing')} in ('own', 'rented', 'hosted', 'damaged', 'shelter', 'none'))`,
    counted: sql`(${text('housing')} in ('own', 'rented'))`,
    method: 'Outcome monitoring of returned households: share living in their own or a rented home',
  },
};

export async function enterZoneOutcomes(ctx: RequestContext, input: ZoneFeedRequest): Promise<ZoneFeedResult> {
  const actor = authorize(ctx, 'outcome:feed_zones');
  authorize(ctx, 'observation:create');
  const threshold = ctx.platform.config.disclosureThreshold;
  return inTransaction(ctx.db, async (tx) => {
    const zonesCtx: RequestContext = { ...ctx, db: tx };
    if (!(await findZone(tx, input.pcode))) throw notFound('zone');
    const r = outcomeResponses;
    const columns = ZONE_FEED_INDICATORS.map(
      (name) =>
        sql`count(*) filter (where ${MEASURES[name].answered})::int as ${sql.raw(`"a_${name}"`)},
            count(*) filter (where ${MEASURES[name].answered} and ${MEASURES[name].counted})::int as ${sql.raw(`"c_${name}"`)}`,
    );
    const [counts] = await queryRows<Record<string, number>>(
      tx,
      sql`select ${sql.join(columns, sql`, `)} from ${r}
          where ${r.population} = 'returnee' and ${r.organisationId} = ${actor.organisationId}
            and ${r.pcode} like ${`${input.pcode}%`}
            and ${r.collectedOn} >= ${`${input.period}-01`}::date
            and ${r.collectedOn} < (${`${input.period}-01`}::date + interval '1 month')`,
    );
    const entries: ZoneFeedResult['entries'] = [];
    const skipped: ZoneFeedResult['skipped'] = [];
    for (const name of ZONE_FEED_INDICATORS) {
      const respondents = Number(counts?.[`a_${name}`] ?? 0);
      if (respondents < threshold) {
        skipped.push({ indicator: name, respondents });
        continue;
      }
      const value = Math.round((Number(counts?.[`c_${name}`] ?? 0) * 1000) / respondents) / 10;
      entries.push(await enter(zonesCtx, actor, input, name, value, respondents));
    }
    if (entries.length === 0) {
      throw new AppError('conflict', {
        params: {
          reason: 'zone_feed_too_few',
          threshold,
          respondents: Math.max(0, ...skipped.map((s) => s.respondents)),
        },
      });
    }
    await appendAudit(tx, {
      type: 'outcomes.zone_outcomes_entered',
      actor: { userId: actor.userId, organisationId: actor.organisationId },
      subject: `zone:${input.pcode}`,
      // The event's codes are lower case (auditCode): the P-code is written so, and reads back upper case.
      details: {
        pcode: input.pcode.toLowerCase(),
        period: input.period,
        observations: entries.filter((e) => e.change !== 'unchanged').length,
      },
    });
    return { pcode: input.pcode, period: input.period, entries, skipped };
  });
}

async function enter(
  ctx: RequestContext,
  actor: { userId: string; organisationId: string },
  input: ZoneFeedRequest,
  name: ZoneFeedIndicator,
  value: number,
  respondents: number,
): Promise<ZoneFeedResult['entries'][number]> {
  const tx = ctx.db;
  const { pcode, period } = input;
  const method = MEASURES[name].method;
  const [entry] = await tx
    .select()
    .from(outcomeZoneEntries)
    .where(
      and(
        eq(outcomeZoneEntries.pcode, pcode),
        eq(outcomeZoneEntries.period, period),
        eq(outcomeZoneEntries.indicator, name),
        eq(outcomeZoneEntries.organisationId, actor.organisationId),
      ),
    )
    .for('update');
  // The organisation's live value of the month, whether this feed or a person entered it.
  const page = await listObservations(ctx, { pcode, indicator: name, period, limit: 500, offset: 0 });
  const existing: Observation | undefined =
    page.items.find((item) => item.id === entry?.observationId) ??
    page.items.find((item) => item.organisation.id === actor.organisationId && item.status !== 'rejected');
  let observation: Observation;
  let change: 'recorded' | 'corrected' | 'unchanged';
  if (!existing) {
    observation = await recordObservation(ctx, { pcode, indicator: name, period, value, source: 'survey', method });
    change = 'recorded';
  } else if (existing.value === value && existing.status !== 'rejected') {
    observation = existing;
    change = 'unchanged';
  } else {
    observation = await correctObservation(ctx, existing.id, {
      value,
      source: 'survey',
      method,
      reason: `Recomputed from the returned households' answers of the month (${respondents} households)`,
    });
    change = 'corrected';
  }
  const row = { value, respondents, observationId: observation.id, enteredBy: actor.userId, enteredAt: new Date() };
  if (entry) await tx.update(outcomeZoneEntries).set(row).where(eq(outcomeZoneEntries.id, entry.id));
  else
    await tx
      .insert(outcomeZoneEntries)
      .values({ ...row, pcode, period, indicator: name, organisationId: actor.organisationId });
  return { indicator: name, value, respondents, observationId: observation.id, status: observation.status, change };
}
