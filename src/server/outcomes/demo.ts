import { count, inArray, sql } from 'drizzle-orm';
import type { FollowUpStatus, Population } from '../../shared/outcomes/constants.ts';
import { demoFollowUpsDue } from '../cases/outcome-demo-follow-ups.ts';
import { DEMO_ZONE_STORY } from '../demo/story.ts';
import { inTransaction } from '../platform/audit/head.ts';
import { type AnyAuditEntryInput, appendAuditBatch } from '../platform/audit/log.ts';
import type { Database } from '../platform/db/client.ts';
import { newId } from '../platform/db/columns.ts';
import type { DemoContext } from '../platform/module.ts';
import { loadDemoReferrals } from './demo-referrals.ts';
import {
  addDays,
  type DemoOutcomeStory,
  type PlannedResident,
  planFollowUps,
  planResidents,
  type StoryFollowUp,
} from './demo-story.ts';
import { tellCasesWhereFollowUpsStand } from './follow-ups.ts';
import { ensureDefaultInstrument } from './instruments.ts';
import { headAgeGroupOf, type NewResponse, writeResponses } from './response-writer.ts';
import { outcomeAlerts, outcomeFollowUps, outcomeReferrals, outcomeResponses } from './tables.ts';
import './events.ts';

/**
 * Outcome monitoring's part of the demo region: the rounds of the households the cases demo brought home. Every
 * follow-up due by the demo's today (and in the week ahead) is opened; most are done, with answers the seeded
 * story gives (demo-story.ts) written through the one writer of answered rounds, which scores them and raises
 * the alerts; some wait for another attempt, a few are lost. Residents of the same zones answer each round for the
 * comparison. Then the referrals that follow the alerts. Loads once: nothing is added when follow-ups exist.
 */
export interface DemoOutcomesSummary {
  followUps: Partial<Record<FollowUpStatus, number>>;
  responses: Partial<Record<Population, number>>;
  alerts: number;
  referrals: number;
}

/** How many days ahead follow-ups are opened, as the follow-ups' own opening does by default. */
const LEAD_DAYS = 7;

/**
 * Which zones' returnees rise and fall: the downgraded zone of the zones demo falls (the cases demo's convoy to it
 * was suspended, so it has returnees only if a later story sends them); of the districts the households went home
 * to, the first thrives and the second struggles.
 */
export function demoOutcomeStory(pcodes: readonly string[]): DemoOutcomeStory {
  const districts = [...new Set(pcodes.map((pcode) => pcode.slice(0, 6)))].sort();
  return { rising: districts.slice(0, 1), falling: [DEMO_ZONE_STORY.deteriorating, ...districts.slice(1, 2)] };
}

export async function loadOutcomesDemo(context: DemoContext): Promise<DemoOutcomesSummary> {
  const { db, keyring } = context;
  const instrumentId = (await ensureDefaultInstrument(db)).id;
  const [existing] = await db.select({ n: count() }).from(outcomeFollowUps);
  const collector = context.accounts.field_monitor_un ?? context.people.field_monitor;
  const residentCollector = context.people.field_monitor ?? collector;
  if ((existing?.n ?? 0) === 0 && collector && residentCollector) {
    const today = context.now.toISOString().slice(0, 10);
    const dueBy = addDays(today, LEAD_DAYS);
    const due = await demoFollowUpsDue(db, dueBy);
    if (due.length > 0) {
      const story = demoOutcomeStory(due.map((row) => row.pcode));
      const storyRows: StoryFollowUp[] = due.map((row) => ({
        caseFollowUpId: row.caseFollowUpId,
        reference: row.reference,
        pcode: row.pcode,
        monthsAfterArrival: row.monthsAfterArrival,
        dueOn: row.dueOn,
        headSex: row.headSex,
        headAge: Number(row.dueOn.slice(0, 4)) - row.headBirthYear,
        members: row.members,
      }));
      const plans = planFollowUps(storyRows, story, today);
      await inTransaction(db, async (tx) => {
        const audit: AnyAuditEntryInput[] = [];
        const followUps: (typeof outcomeFollowUps.$inferInsert)[] = [];
        const responses: NewResponse[] = [];
        const roundsAnswered = new Map<string, { pcode: string; round: number; collectedOn: string }>();
        for (const [index, plan] of plans.entries()) {
          const row = due[index]!;
          const id = newId();
          const assigned = plan.status !== 'due';
          const headAgeGroup = headAgeGroupOf(storyRows[index]!.headAge);
          followUps.push({
            id,
            caseFollowUpId: row.caseFollowUpId,
            householdId: row.householdId,
            organisationId: row.organisationId,
            assignedOrganisationId: assigned ? collector.organisationId : null,
            assignedTo: assigned ? collector.userId : null,
            pcode: row.pcode,
            stateCode: row.stateCode,
            cohort: row.arrivedOn.slice(0, 7),
            round: row.monthsAfterArrival,
            dueOn: row.dueOn,
            status: plan.status,
            mode: plan.mode,
            attempts: plan.attempts,
            nextAttemptOn: plan.nextAttemptOn,
            lostReason: plan.lostReason,
            headSex: row.headSex,
            headAgeGroup,
            disability: plan.disability,
            completedAt: plan.collectedOn ? new Date(`${plan.collectedOn}T10:00:00Z`) : null,
          });
          const subject = `outcome_follow_up:${id}`;
          const ids = { followUpId: id, householdId: row.householdId };
          if (assigned && plan.mode) {
            audit.push({
              type: 'outcomes.follow_up_assigned',
              actor: collector,
              subject,
              details: {
                ...ids,
                organisationId: collector.organisationId,
                assigneeId: collector.userId,
                mode: plan.mode,
              },
            });
          }
          if (plan.status === 'lost' && plan.lostReason) {
            audit.push({
              type: 'outcomes.follow_up_lost',
              actor: collector,
              subject,
              details: { ...ids, reason: plan.lostReason },
            });
          }
          if (plan.status === 'retry') {
            audit.push({
              type: 'outcomes.follow_up_attempted',
              actor: collector,
              subject,
              details: { ...ids, attempt: plan.attempts, reached: false },
            });
          }
          if (plan.answers && plan.collectedOn) {
            responses.push({
              instrumentId,
              submissionId: `demo-${row.caseFollowUpId}`,
              population: 'returnee',
              followUpId: id,
              householdId: row.householdId,
              organisationId: collector.organisationId,
              pcode: row.pcode,
              stateCode: row.stateCode,
              cohort: row.arrivedOn.slice(0, 7),
              round: row.monthsAfterArrival,
              collectedOn: plan.collectedOn,
              source: plan.mode === 'link' ? 'link' : 'web',
              answers: plan.answers,
              headSex: row.headSex,
              headAgeGroup,
              disability: plan.disability,
              recordedBy: plan.mode === 'link' ? null : collector.userId,
            });
            const key = `${row.pcode}|${row.monthsAfterArrival}`;
            const seen = roundsAnswered.get(key);
            if (!seen || seen.collectedOn < plan.collectedOn) {
              roundsAnswered.set(key, {
                pcode: row.pcode,
                round: row.monthsAfterArrival,
                collectedOn: plan.collectedOn,
              });
            }
          }
        }
        for (let start = 0; start < followUps.length; start += 500) {
          await tx.insert(outcomeFollowUps).values(followUps.slice(start, start + 500));
        }
        audit.unshift({
          type: 'outcomes.follow_ups_opened',
          actor: null,
          subject: `outcome_follow_ups:${dueBy}`,
          details: { opened: followUps.length, dueBy },
        });
        // The downgraded zone's residents answer every round too, whether or not returnees are there.
        for (const [offset, round] of [12, 6, 3, 1].entries()) {
          const key = `${DEMO_ZONE_STORY.deteriorating}|${round}`;
          if (!roundsAnswered.has(key)) {
            roundsAnswered.set(key, {
              pcode: DEMO_ZONE_STORY.deteriorating,
              round,
              collectedOn: addDays(today, -5 - 30 * offset),
            });
          }
        }
        const residents = planResidents([...roundsAnswered.values()], story);
        const zoneStates = new Map(due.map((row) => [row.pcode, row.stateCode]));
        const written = await writeResponses(tx, keyring, [
          ...responses,
          ...residents.map((resident) => residentResponse(resident, instrumentId, residentCollector, zoneStates)),
        ]);
        await tx.execute(
          sql`update ${outcomeFollowUps} set response_id = r.id
              from ${outcomeResponses} r where r.follow_up_id = ${outcomeFollowUps.id} and ${outcomeFollowUps.responseId} is null`,
        );
        await tellCasesWhereFollowUpsStand(
          tx,
          inArray(
            outcomeFollowUps.caseFollowUpId,
            followUps.map((row) => row.caseFollowUpId),
          ),
        );
        for (const response of written.created) {
          if (response.population !== 'returnee') continue;
          audit.push({
            type: 'outcomes.response_recorded',
            actor: collector,
            subject: `outcome_response:${response.id}`,
            details: {
              responseId: response.id,
              instrumentId,
              population: 'returnee',
              source: 'web',
              followUpId: response.followUpId,
            },
          });
        }
        audit.push({
          type: 'outcomes.responses_imported',
          actor: residentCollector,
          subject: `outcome_instrument:${instrumentId}`,
          details: {
            instrumentId,
            created: written.created.filter((r) => r.population === 'resident').length,
            unchanged: 0,
            population: 'resident',
            fileHash: 'demo-residents',
          },
        });
        await appendAuditBatch(tx, audit);
      });
    }
  }
  const { referrals } = await loadDemoReferrals(context);
  return { ...(await summariseOutcomesDemo(db)), referrals };
}

function residentResponse(
  resident: PlannedResident,
  instrumentId: string,
  collector: { userId: string; organisationId: string },
  states: ReadonlyMap<string, string>,
): NewResponse {
  return {
    instrumentId,
    submissionId: `demo-${resident.key}`,
    population: 'resident',
    followUpId: null,
    householdId: null,
    organisationId: collector.organisationId,
    pcode: resident.pcode,
    stateCode: states.get(resident.pcode) ?? resident.pcode.slice(0, 2),
    cohort: null,
    round: resident.round,
    collectedOn: resident.collectedOn,
    source: 'import',
    answers: resident.answers,
    headSex: resident.headSex,
    headAgeGroup: headAgeGroupOf(resident.headAge),
    disability: resident.disability,
    recordedBy: collector.userId,
  };
}

export async function summariseOutcomesDemo(db: Database): Promise<DemoOutcomesSummary> {
  const statuses = await db
    .select({ status: outcomeFollowUps.status, n: count() })
    .from(outcomeFollowUps)
    .groupBy(outcomeFollowUps.status);
  const populations = await db
    .select({ population: outcomeResponses.population, n: count() })
    .from(outcomeResponses)
    .groupBy(outcomeResponses.population);
  const [alerts] = await db.select({ n: count() }).from(outcomeAlerts);
  const [referrals] = await db.select({ n: count() }).from(outcomeReferrals);
  return {
    followUps: Object.fromEntries(statuses.map((row) => [row.status, row.n])),
    responses: Object.fromEntries(populations.map((row) => [row.population, row.n])),
    alerts: alerts?.n ?? 0,
    referrals: referrals?.n ?? 0,
  };
}

export const outcomesDemo = { load: loadOutcomesDemo, summarise: summariseOutcomesDemo };
