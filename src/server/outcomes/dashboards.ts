import { type SQL, sql } from 'drizzle-orm';
import { OUTCOMES, type Outcome } from '../../shared/outcomes/constants.ts';
import type {
  Dashboard,
  DashboardOutcome,
  DashboardQuery,
  DashboardRow,
  DashboardSplit,
} from '../../shared/outcomes/schemas/dashboards.ts';
import type { RequestContext } from '../platform/context.ts';
import { type Database, queryRows } from '../platform/db/client.ts';
import { authorize } from '../platform/policy/policy.ts';
import { zoneNamesOf } from '../zones/gazetteer.ts';
import { outcomeResponses } from './tables.ts';
import './permissions.ts';

/**
 * The outcome dashboard (aggregates only): for every zone, cohort (month of return) and round, the mean of each
 * outcome over the returned households that answered, and the same means over the non-displaced residents of
 * the same zone and round, with the gap (the durable-solutions comparison of returnees with the people who
 * never left). One grouped statement over `outcome_responses`; the rows are put together here. Staff see every
 * count of one or more; a cell under the disclosure threshold is marked, and is never published (figures.ts).
 */

/** The column of each outcome in `outcome_responses`. */
export const OUTCOME_COLUMNS: Record<Outcome, SQL> = {
  economic: sql`${outcomeResponses.economic}`,
  social: sql`${outcomeResponses.social}`,
  psychosocial: sql`${outcomeResponses.psychosocial}`,
  composite: sql`${outcomeResponses.composite}`,
  family_unity: sql`${outcomeResponses.familyUnity}`,
  services_access: sql`${outcomeResponses.servicesAccess}`,
};

/** One group of answered rounds, as the database returns it: the households, and per outcome the sum and count. */
export interface OutcomeGroup {
  population: 'returnee' | 'resident';
  pcode: string;
  stateCode: string;
  cohort: string | null;
  round: number;
  group: string | null;
  households: number;
  sums: Record<Outcome, number>;
  counts: Record<Outcome, number>;
}

const SPLIT_COLUMN: Record<DashboardSplit, SQL> = {
  sex: sql`${outcomeResponses.headSex}`,
  age: sql`${outcomeResponses.headAgeGroup}`,
  disability: sql`case when ${outcomeResponses.disability} then 'yes' else 'no' end`,
};

/**
 * The grouped statement: per population, zone, cohort, round and group, the households and each outcome's sum
 * and count of values. Filters on state, zone (and the zones inside it), round; a cohort keeps the residents,
 * who have none.
 */
export async function outcomeGroups(
  db: Database,
  filter: Omit<DashboardQuery, 'by'>,
  by: DashboardSplit | null,
  keys: { pcode: boolean; cohort: boolean; state: boolean } = { pcode: true, cohort: true, state: true },
): Promise<OutcomeGroup[]> {
  const r = outcomeResponses;
  const conditions: SQL[] = [];
  if (filter.state) conditions.push(sql`${r.stateCode} = ${filter.state}`);
  // P-codes nest by prefix (QM01 → QM0101 → QM0101003); the query's P-code is letters and digits only.
  if (filter.pcode) conditions.push(sql`${r.pcode} like ${`${filter.pcode}%`}`);
  if (filter.round !== undefined) conditions.push(sql`${r.round} = ${filter.round}`);
  if (filter.cohort) conditions.push(sql`(${r.population} = 'resident' or ${r.cohort} = ${filter.cohort})`);
  const where = conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  const group = by ? SPLIT_COLUMN[by] : sql`null::text`;
  const pcode = keys.pcode ? sql`${r.pcode}` : sql`''`;
  const state = keys.state ? sql`${r.stateCode}` : sql`''`;
  const cohort = keys.cohort ? sql`${r.cohort}` : sql`null::text`;
  const measures = OUTCOMES.map(
    (outcome) =>
      sql`sum(${OUTCOME_COLUMNS[outcome]})::float8 as ${sql.raw(`"s_${outcome}"`)}, count(${OUTCOME_COLUMNS[outcome]})::int as ${sql.raw(`"c_${outcome}"`)}`,
  );
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select ${r.population} as population, ${pcode} as pcode, ${state} as state_code, ${cohort} as cohort,
          ${r.round} as round, ${group} as grp, count(*)::int as n, ${sql.join(measures, sql`, `)}
        from ${r} ${where}
        group by 1, 2, 3, 4, 5, 6`,
  );
  return rows.map((row) => ({
    population: row.population as OutcomeGroup['population'],
    pcode: row.pcode as string,
    stateCode: row.state_code as string,
    cohort: (row.cohort as string | null) ?? null,
    round: Number(row.round),
    group: (row.grp as string | null) ?? null,
    households: Number(row.n),
    sums: Object.fromEntries(OUTCOMES.map((o) => [o, Number(row[`s_${o}`] ?? 0)])) as Record<Outcome, number>,
    counts: Object.fromEntries(OUTCOMES.map((o) => [o, Number(row[`c_${o}`] ?? 0)])) as Record<Outcome, number>,
  }));
}

/** Groups added together (the same households counted once per group they were in). */
export interface Totals {
  households: number;
  sums: Record<Outcome, number>;
  counts: Record<Outcome, number>;
}

export const emptyTotals = (): Totals => ({
  households: 0,
  sums: Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>,
  counts: Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>,
});

export function addTo(totals: Totals, group: Pick<OutcomeGroup, 'households' | 'sums' | 'counts'>): Totals {
  totals.households += group.households;
  for (const outcome of OUTCOMES) {
    totals.sums[outcome] += group.sums[outcome];
    totals.counts[outcome] += group.counts[outcome];
  }
  return totals;
}

const round3 = (value: number) => Math.round(value * 1000) / 1000;

/** The mean of an outcome over the households that have a value, or null when fewer than `least` have one. */
export function meanOf(totals: Totals | undefined, outcome: Outcome, least = 1): number | null {
  if (!totals) return null;
  const n = totals.counts[outcome];
  return n >= Math.max(1, least) ? round3(totals.sums[outcome] / n) : null;
}

/** Each outcome's mean for returnees and residents, and the gap (pure). */
export function compareOutcomes(returnees: Totals | undefined, residents: Totals | undefined): DashboardOutcome[] {
  return OUTCOMES.map((outcome) => {
    const a = meanOf(returnees, outcome);
    const b = meanOf(residents, outcome);
    return { outcome, returnees: a, residents: b, gap: a !== null && b !== null ? round3(a - b) : null };
  });
}

const households = (totals: Totals | undefined, threshold: number) => {
  const n = totals?.households ?? 0;
  return { households: n, belowThreshold: n > 0 && n < threshold };
};

/**
 * The dashboard from the groups (pure): one row per zone, cohort, round (and group) where returnees answered,
 * with the residents of the same zone, round and group beside it; and the means by round over everything shown.
 */
export function dashboardOf(
  groups: readonly OutcomeGroup[],
  by: DashboardSplit | null,
  threshold: number,
  names: ReadonlyMap<string, Record<string, string> | null> = new Map(),
): Dashboard {
  const residents = new Map<string, Totals>();
  const residentsByRound = new Map<number, Totals>();
  const returneesByRound = new Map<number, Totals>();
  for (const group of groups) {
    if (group.population !== 'resident') continue;
    const key = `${group.pcode}|${group.round}|${group.group ?? ''}`;
    addTo(residents.get(key) ?? residents.set(key, emptyTotals()).get(key)!, group);
    addTo(
      residentsByRound.get(group.round) ?? residentsByRound.set(group.round, emptyTotals()).get(group.round)!,
      group,
    );
  }
  const rows: DashboardRow[] = [];
  for (const group of groups) {
    if (group.population !== 'returnee' || group.cohort === null) continue;
    const own = addTo(emptyTotals(), group);
    const beside = residents.get(`${group.pcode}|${group.round}|${group.group ?? ''}`);
    addTo(
      returneesByRound.get(group.round) ?? returneesByRound.set(group.round, emptyTotals()).get(group.round)!,
      group,
    );
    rows.push({
      pcode: group.pcode,
      zoneName: names.get(group.pcode) ?? null,
      stateCode: group.stateCode,
      cohort: group.cohort,
      round: group.round,
      group: (group.group as DashboardRow['group']) ?? null,
      returnees: households(own, threshold),
      residents: households(beside, threshold),
      outcomes: compareOutcomes(own, beside),
    });
  }
  rows.sort(
    (a, b) =>
      a.pcode.localeCompare(b.pcode) ||
      b.cohort.localeCompare(a.cohort) ||
      a.round - b.round ||
      (a.group ?? '').localeCompare(b.group ?? ''),
  );
  const rounds = [...new Set([...returneesByRound.keys(), ...residentsByRound.keys()])].sort((a, b) => a - b);
  return {
    threshold,
    by,
    rows,
    byRound: rounds.map((round) => ({
      round,
      returnees: households(returneesByRound.get(round), threshold),
      residents: households(residentsByRound.get(round), threshold),
      outcomes: compareOutcomes(returneesByRound.get(round), residentsByRound.get(round)),
    })),
  };
}

/** `GET /outcomes/dashboard`: the dashboard for the filters given (permission `outcome:dashboard`). */
export async function outcomeDashboard(ctx: RequestContext, query: DashboardQuery): Promise<Dashboard> {
  authorize(ctx, 'outcome:dashboard');
  const by = query.by ?? null;
  const groups = await outcomeGroups(ctx.db, query, by);
  const pcodes = [...new Set(groups.map((g) => g.pcode))];
  const names = new Map<string, Record<string, string> | null>();
  if (pcodes.length > 0) {
    const rows = await queryRows<{ pcode: string; names: Record<string, string> | null }>(
      ctx.db,
      sql`select p.pcode, ${zoneNamesOf(sql`p.pcode`)} as names
          from (values ${sql.join(
            pcodes.map((pcode) => sql`(${pcode})`),
            sql`, `,
          )}) as p(pcode)`,
    );
    for (const row of rows) names.set(row.pcode, row.names);
  }
  return dashboardOf(groups, by, ctx.platform.config.disclosureThreshold, names);
}
