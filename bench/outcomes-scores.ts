import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { rescoreAll } from '../src/server/outcomes/rescore.ts';
import { DEFAULT_SCORE_WEIGHTS, type ScoreWeights } from '../src/server/outcomes/rules/scores.ts';
import { type DatabaseHandle, openDatabase } from '../src/server/platform/db/client.ts';
import { newId } from '../src/server/platform/db/columns.ts';
import type { Scenario, ScenarioResult } from './types.ts';

/**
 * Outcome monitoring's benchmarks. Each part's scenario is a function of its own, listed in `scenarios`.
 */

/** A pseudo-random number in [0, 1) from an integer expression (PostgreSQL's own integer hash). */
const random = (key: string) => `((hashint8(${key})::float8 + 2147483648) / 4294967296)`;
/** One of `choices`, drawn by `key`; null (unanswered) one time in twenty. */
const pick = (key: string, choices: readonly string[]) =>
  `case when ${random(`${key} * 7 + 3`)} < 0.05 then null else (array[${choices.map((c) => `'${c}'`).join(', ')}])[1 + floor(${random(key)} * ${choices.length})::int] end`;
const FREQUENCY = ['never', 'sometimes', 'mostly', 'always'] as const;

// --- The score arithmetic written by hand in SQL, item for item as rules/scores.ts documents it --------------

const text = (name: string) => `(i->>'${name}')`;
const num = (name: string) => `(i->>'${name}')::float8`;
const mapped = (name: string, values: Record<string, number>) =>
  `(case ${text(name)} ${Object.entries(values)
    .map(([code, value]) => `when '${code}' then ${value}::float8`)
    .join(' ')} end)`;
const frequency = (name: string) => mapped(name, { never: 0, sometimes: 1 / 3, mostly: 2 / 3, always: 1 });
/** Into [0, 1]; null stays null (least and greatest would skip it). */
const clamp = (expr: string) => `(case when (${expr}) is null then null else least(1, greatest(0, ${expr})) end)`;
const yes = (name: string) => mapped(name, { yes: 1, no: 0 });
const no = (name: string) => mapped(name, { yes: 0, no: 1 });

/** Every item's 0–1 value, computed once per row in a lateral subquery and named `v<n>` there. */
const itemValues: string[] = [];

/** The weighted mean of the items answered, null when they carry less than half the weight. */
function mean(items: [weight: number, expr: string][]): string {
  const named = items.map(([weight, expr]) => {
    itemValues.push(`${expr} as v${itemValues.length}`);
    return [weight, `v.v${itemValues.length - 1}`] as const;
  });
  const total = named.reduce((sum, [weight]) => sum + weight, 0);
  const answered = `(${named.map(([weight, v]) => `(case when ${v} is null then 0 else ${weight} end)`).join(' + ')})`;
  const sum = named.map(([weight, v]) => `coalesce(${weight} * ${v}, 0)`).join(' + ');
  return `(case when ${answered} = 0 or ${answered} * 2 < ${total} then null else least(1, greatest(0, (${sum}) / ${answered})) end)`;
}

const ECONOMIC = mean([
  [3, frequency('income_enough')],
  [3, clamp(`(7 - ${num('food_days_reduced')}) / 7`)],
  [2, mapped('debt', { none: 1, manageable: 0.5, unmanageable: 0 })],
  [
    1,
    mapped('income_source', {
      regular_job: 1,
      own_business: 1,
      farming: 0.75,
      casual_work: 0.5,
      remittances: 0.5,
      assistance: 0.25,
      none: 0,
    }),
  ],
  [1, yes('productive_assets')],
]);
const SOCIAL = mean([
  [2, mapped('housing', { own: 1, rented: 0.75, hosted: 0.5, damaged: 0.25, shelter: 0.25, none: 0 })],
  [2, mapped('documents', { all: 1, some: 0.5, none: 0 })],
  [2, yes('health_access')],
  [
    2,
    `(case when ${num('school_age_children')} > 0 then ${clamp(`1 - ${num('children_out_of_school')} / ${num('school_age_children')}`)} end)`,
  ],
  [2, frequency('feels_safe')],
  [1, frequency('participation')],
  [1, no('discrimination')],
]);
const PSYCHOSOCIAL = mean([
  [3, mapped('distress', { none: 1, mild: 2 / 3, moderate: 1 / 3, severe: 0 })],
  [2, frequency('belonging')],
  [2, yes('support_network')],
  [2, mapped('migrate_again', { no: 1, maybe: 0.5, yes_planning: 0 })],
]);
const FAMILY = mean([
  [2, no('member_missing')],
  [2, `(case when ${num('members_separated')} >= 0 then 1 / (1 + ${num('members_separated')}) end)`],
  [1, clamp(num('separated_location_known'))],
]);
const SERVICES = mean([
  [1, yes('water_access')],
  [1, yes('electricity_access')],
  [1, yes('health_access')],
  [2, clamp(`1 - ${num('service_barriers')} / 5`)],
]);

function sqlRescore(weights: ScoreWeights): string {
  const total = weights.economic + weights.social + weights.psychosocial;
  const refused = `${text('consent_interview')} = 'no'`;
  const score = (expr: string) => `case when ${refused} then null else ${expr} end`;
  return `update outcome_responses r set economic = s.economic, social = s.social, psychosocial = s.psychosocial,
      composite = case when s.economic is null or s.social is null or s.psychosocial is null then null
        else least(1, greatest(0, (${weights.economic} * s.economic + ${weights.social} * s.social
          + ${weights.psychosocial} * s.psychosocial) / ${total})) end,
      family_unity = s.family, services_access = s.services
    from (select id, ${score(ECONOMIC)} as economic, ${score(SOCIAL)} as social, ${score(PSYCHOSOCIAL)} as psychosocial,
        ${score(FAMILY)} as family, ${score(SERVICES)} as services
      from outcome_responses, lateral (select indicators as i) x, lateral (select ${itemValues.join(', ')}) v) s
    where r.id = s.id`;
}

/**
 * `computing every score` (embedded): 100,000 returned households answering 4 rounds (400,000 rows of coded
 * indicators), written straight into `outcome_responses`; then `rescoreAll`, the service that recomputes every
 * round's scores in JavaScript from its indicators (as when the composite's weights change), against one SQL
 * `UPDATE` doing the same arithmetic on the indicators in the database. No target: the ratio is reported. The
 * two are checked to agree on every row before the figures are printed.
 */
async function rescoreScenario(): Promise<ScenarioResult> {
  const households = Number(process.env.HOMEWARD_BENCH_OUTCOME_HOUSEHOLDS ?? 100_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-bench-rescore-'));
  let handle: DatabaseHandle | undefined;
  try {
    handle = await openDatabase({ dataDir });
    await handle.migrate();
    const pglite = handle.pglite!;
    const organisationId = newId();
    const instrumentId = newId();
    await pglite.exec(`
      insert into organisations (id, name, kind, home_state) values ('${organisationId}', 'Bench partner', 'un_agency', 'QM');
      insert into zones (pcode, parent_pcode, state_code, level, names, population)
        values ('QM', null, 'QM', 'state', '{"en":"Marenland"}', null);
      insert into outcome_instruments (id, form_id, version, title, default_language, languages, definition, source_hash)
        values ('${instrumentId}', 'homeward_reintegration', 'bench', '{"en":"Bench"}', 'en', '["en"]',
          '{"children":[],"choices":{}}', repeat('0', 64));`);
    const k = (n: number) => `(h * 4 + r) * 37 + ${n}`;
    for (let start = 1; start <= households; start += 20_000) {
      await pglite.exec(`
        insert into outcome_responses (id, instrument_id, submission_id, population, organisation_id, pcode, state_code,
          cohort, round, collected_on, source, answers_enc, indicators, head_sex, head_age_group, disability)
        select gen_random_uuid(), '${instrumentId}', h || '-' || r, 'returnee', '${organisationId}', 'QM', 'QM', '2025-06', r,
          date '2026-01-01', 'import', 'sealed', jsonb_strip_nulls(jsonb_build_object(
            'consent_interview', case when ${random(k(0))} < 0.02 then 'no' else 'yes' end,
            'income_source', ${pick(k(1), ['regular_job', 'casual_work', 'own_business', 'farming', 'remittances', 'assistance', 'none'])},
            'income_enough', ${pick(k(2), FREQUENCY)},
            'debt', ${pick(k(3), ['none', 'manageable', 'unmanageable'])},
            'food_days_reduced', floor(${random(k(4))} * 8)::int,
            'productive_assets', ${pick(k(5), ['yes', 'no'])},
            'housing', ${pick(k(6), ['own', 'rented', 'hosted', 'damaged', 'shelter', 'none'])},
            'documents', ${pick(k(7), ['all', 'some', 'none'])},
            'health_access', ${pick(k(8), ['yes', 'no', 'not_needed'])},
            'school_age_children', 3,
            'children_out_of_school', floor(${random(k(9))} * 4)::int,
            'participation', ${pick(k(10), FREQUENCY)},
            'feels_safe', ${pick(k(11), FREQUENCY)},
            'discrimination', ${pick(k(12), ['yes', 'no'])},
            'distress', ${pick(k(13), ['none', 'mild', 'moderate', 'severe'])},
            'belonging', ${pick(k(14), FREQUENCY)},
            'migrate_again', ${pick(k(15), ['no', 'maybe', 'yes_planning'])},
            'support_network', ${pick(k(16), ['yes', 'no'])},
            'members_separated', floor(${random(k(17))} * 3)::int,
            'member_missing', ${pick(k(18), ['yes', 'no'])},
            'separated_location_known', case when ${random(k(19))} < 0.5 then round(${random(k(20))}::numeric, 2) end,
            'water_access', ${pick(k(21), ['yes', 'no'])},
            'electricity_access', ${pick(k(22), ['yes', 'no'])},
            'service_barriers', floor(${random(k(23))} * 6)::int
          )), 'female', '25-39', false
        from generate_series(${start}, ${Math.min(households, start + 19_999)}) h, unnest(array[1, 3, 6, 12]) r`);
    }
    const weights = { ...DEFAULT_SCORE_WEIGHTS, psychosocial: 2 };
    let started = performance.now();
    const { responses } = await rescoreAll(handle.db, weights);
    const service = (performance.now() - started) / 1000;
    await pglite.exec(
      'create temporary table by_service as select id, economic, social, psychosocial, composite, family_unity, services_access from outcome_responses',
    );
    await pglite.exec(
      'update outcome_responses set economic = null, social = null, psychosocial = null, composite = null, family_unity = null, services_access = null',
    );
    started = performance.now();
    await pglite.exec(sqlRescore(weights));
    const bare = (performance.now() - started) / 1000;
    const condition = ['economic', 'social', 'psychosocial', 'composite', 'family_unity', 'services_access']
      .map((c) => `(r.${c} is null) <> (s.${c} is null) or abs(r.${c} - s.${c}) > 1e-5`)
      .join(' or ');
    const differ = await pglite.query<{ n: number }>(
      `select count(*)::int as n from outcome_responses r join by_service s using (id) where ${condition}`,
    );
    const mismatches = differ.rows[0]!.n;
    if (mismatches > 0) throw new Error(`the service and the SQL disagree on ${mismatches} rows`);
    return {
      figure: service,
      limit: bare,
      unit: 's',
      higherIsBetter: false,
      target: 'none (ratio reported)',
      met: true,
      notes: `${responses.toLocaleString('en')} rounds; service ${Math.round(responses / service).toLocaleString('en')} rows/s, SQL ${Math.round(responses / bare).toLocaleString('en')} rows/s; both agree on every row`,
    };
  } finally {
    await handle?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export const scenarios: Scenario[] = [{ name: 'computing every score (embedded)', run: rescoreScenario }];
