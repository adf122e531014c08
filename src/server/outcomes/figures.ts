import { sql } from 'drizzle-orm';
import { OUTCOMES, ROUNDS } from '../../shared/outcomes/constants.ts';
import type {
  PublicOutcomeCell,
  PublicOutcomeFigures,
  PublicOutcomeMeans,
} from '../../shared/outcomes/schemas/figures.ts';
import type { RequestContext } from '../platform/context.ts';
import { queryRows } from '../platform/db/client.ts';
import {
  type DisclosureRule,
  disclosureRule,
  type Figure,
  protectCount,
  protectTable,
} from '../platform/disclosure/suppress.ts';
import { findZone } from '../zones/gazetteer.ts';
import { addTo, emptyTotals, meanOf, type OutcomeGroup, outcomeGroups, type Totals } from './dashboards.ts';
import { outcomeResponses } from './tables.ts';

/**
 * The public outcome figures: how returned households fare, by state, cohort (month of return) and round, beside
 * the non-displaced residents of the same state and round. No zone below the state, no split by sex, age or
 * disability, no organisation, no text: the households counted and the mean of each outcome, through the
 * platform's disclosure control.
 *
 * - Per state, the returnees' households form a table, cohorts by rounds; the state's figure of each round (every
 *   cohort together) is its column total. `protectTable` hides the counts under the threshold and, with them,
 *   whatever would let a hidden count be worked out from the published ones.
 * - A mean is published only beside a published count, and only when at least the threshold of households gave
 *   a value for that outcome. The state's mean of a round is withheld when a cohort of that round is hidden,
 *   so that the hidden cohort's mean cannot be approached from the state's and the other cohorts'.
 * - Residents are counted per state and round (a figure alone, with no total): under the threshold, hidden, with
 *   their means.
 *
 * Computed on read and cached until an answered round is added (as the gateway's figures are); like them, the
 * figures are not anchored in the audit log: they are a view of data whose every change is.
 */

const value = (figure: Figure | undefined): number | null => (figure && !figure.suppressed ? figure.value : null);

const means = (
  returnees: Totals | undefined,
  residents: Totals | undefined,
  showReturnees: boolean,
  showResidents: boolean,
  rule: DisclosureRule,
): PublicOutcomeMeans[] =>
  OUTCOMES.map((outcome) => ({
    outcome,
    returnees: showReturnees ? meanOf(returnees, outcome, rule.threshold) : null,
    residents: showResidents ? meanOf(residents, outcome, rule.threshold) : null,
  }));

/** The figures from the groups by state, cohort and round (pure). */
export function outcomeFigures(
  groups: readonly OutcomeGroup[],
  rule: DisclosureRule,
): Omit<PublicOutcomeFigures, 'stateNames'> {
  const states = [...new Set(groups.map((group) => group.stateCode))].sort();
  const result: PublicOutcomeFigures['states'] = [];
  for (const stateCode of states) {
    const cohorts = new Map<string, Map<number, Totals>>();
    const residents = new Map<number, Totals>();
    const returnees = new Map<number, Totals>();
    for (const group of groups) {
      if (group.stateCode !== stateCode) continue;
      if (group.population === 'resident') {
        addTo(residents.get(group.round) ?? residents.set(group.round, emptyTotals()).get(group.round)!, group);
        continue;
      }
      if (group.cohort === null) continue;
      const rounds = cohorts.get(group.cohort) ?? cohorts.set(group.cohort, new Map()).get(group.cohort)!;
      addTo(rounds.get(group.round) ?? rounds.set(group.round, emptyTotals()).get(group.round)!, group);
      addTo(returnees.get(group.round) ?? returnees.set(group.round, emptyTotals()).get(group.round)!, group);
    }
    const cohortKeys = [...cohorts.keys()].sort((a, b) => b.localeCompare(a));
    const counts = cohortKeys.map((cohort) => ROUNDS.map((round) => cohorts.get(cohort)!.get(round)?.households ?? 0));
    const table =
      cohortKeys.length > 0
        ? protectTable(counts, rule)
        : { cells: [], columnTotals: ROUNDS.map(() => ({ suppressed: false, value: 0 }) as Figure) };
    const residentCounts = ROUNDS.map((round) => protectCount(residents.get(round)?.households ?? 0, rule));
    const stateRounds: PublicOutcomeCell[] = ROUNDS.map((round, c) => {
      const count = value(table.columnTotals[c]);
      const residentCount = value(residentCounts[c]);
      const cohortHidden = table.cells.some((row, r) => row[c]!.suppressed && counts[r]![c]! > 0);
      return {
        round,
        returnees: count,
        residents: residentCount,
        outcomes: means(
          returnees.get(round),
          residents.get(round),
          count !== null && !cohortHidden,
          residentCount !== null,
          rule,
        ),
      };
    });
    result.push({
      stateCode,
      rounds: stateRounds,
      cohorts: cohortKeys.map((cohort, r) => ({
        cohort,
        rounds: ROUNDS.map((round, c) => {
          const count = value(table.cells[r]![c]);
          const residentCount = value(residentCounts[c]);
          return {
            round,
            returnees: count,
            residents: residentCount,
            outcomes: means(
              cohorts.get(cohort)!.get(round),
              residents.get(round),
              count !== null,
              residentCount !== null,
              rule,
            ),
          };
        }),
      })),
    });
  }
  return { threshold: rule.threshold, states: result };
}

/** `GET /public/outcomes/figures`: the figures as they stand, computed again only when answers were added. */
export async function publicOutcomeFigures(
  ctx: Pick<RequestContext, 'db' | 'platform'>,
): Promise<PublicOutcomeFigures> {
  const [stamp] = await queryRows<{ stamp: string }>(
    ctx.db,
    sql`select concat_ws(' ', count(*), max(${outcomeResponses.createdAt})) as stamp from ${outcomeResponses}`,
  );
  const key = `${stamp?.stamp ?? ''}|${ctx.platform.config.disclosureThreshold}`;
  const cached = computed.get(ctx.db);
  if (cached?.key === key) return cached.figures;
  const figures = computeFigures(ctx);
  computed.set(ctx.db, { key, figures });
  figures.catch(() => {
    if (computed.get(ctx.db)?.figures === figures) computed.delete(ctx.db);
  });
  return figures;
}

const computed = new WeakMap<object, { key: string; figures: Promise<PublicOutcomeFigures> }>();

async function computeFigures(ctx: Pick<RequestContext, 'db' | 'platform'>): Promise<PublicOutcomeFigures> {
  const rule = disclosureRule(ctx.platform.config);
  // By state, cohort and round only: the zones are added together in the statement.
  const groups = await outcomeGroups(ctx.db, {}, null, { pcode: false, cohort: true, state: true });
  const figures = outcomeFigures(groups, rule);
  const stateNames: PublicOutcomeFigures['stateNames'] = {};
  for (const state of figures.states) {
    const zone = await findZone(ctx.db, state.stateCode);
    if (zone) stateNames[state.stateCode] = zone.names;
  }
  return { ...figures, stateNames };
}
