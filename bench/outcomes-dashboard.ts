import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/server/config.ts';
import { outcomeDashboard, outcomeGroups } from '../src/server/outcomes/dashboards.ts';
import type { RequestContext } from '../src/server/platform/context.ts';
import { openKeyring } from '../src/server/platform/crypto/keyring.ts';
import { type DatabaseHandle, openDatabase } from '../src/server/platform/db/client.ts';
import { newId } from '../src/server/platform/db/columns.ts';
import type { Scenario } from './types.ts';

/**
 * Outcome monitoring's benchmarks. Each part's scenario is a function of its own, listed in `scenarios`.
 */

const HOUSEHOLDS = 100_000;
const ROUNDS = [1, 3, 6, 12];
const ZONES = 200;
const RESIDENTS_PER_ZONE_AND_ROUND = 50;
const RUNS = 5;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
/** A pseudo-random number in [0, 1) from an integer expression (PostgreSQL's own integer hash). */
const random = (key: string) => `((hashint8(${key})::float8 + 2147483648) / 4294967296)`;

/**
 * `outcome dashboard query, all zones (embedded)`: 100,000 returned households answering 4 rounds each (400,000
 * rows with their scores) and 40,000 residents' rounds in 200 zones of one state, written straight into
 * `outcome_responses`; then the dashboard service for every zone, cohort and round with the residents beside
 * (median of 5 runs). The limit is the same grouped statement alone, its rows left as the database gives them.
 * No statistics are gathered, as the embedded database gathers none itself.
 */
async function dashboardScenario(): Promise<Awaited<ReturnType<Scenario['run']>>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-bench-outcomes-'));
  let handle: DatabaseHandle | undefined;
  try {
    handle = await openDatabase({ dataDir });
    await handle.migrate();
    const pglite = handle.pglite!;
    const organisationId = newId();
    const instrumentId = newId();
    const seeding = performance.now();
    await pglite.exec(`
      insert into organisations (id, name, kind, home_state)
        values ('${organisationId}', 'Bench partner', 'un_agency', 'QM');
      insert into zones (pcode, parent_pcode, state_code, level, names, population)
        select 'QM', null::text, 'QM', 'state', '{"en":"Marenland"}'::jsonb, null::int
        union all select 'QM' || lpad(a::text, 2, '0'), 'QM', 'QM', 'admin1', jsonb_build_object('en', 'Province ' || a), null::int
          from generate_series(1, 20) a
        union all select 'QM' || lpad(a::text, 2, '0') || lpad(d::text, 2, '0'), 'QM' || lpad(a::text, 2, '0'), 'QM',
          'admin2', jsonb_build_object('en', 'District ' || a || '.' || d), 10000
          from generate_series(1, 20) a, generate_series(1, 10) d;
      insert into outcome_instruments (id, form_id, version, title, default_language, languages, definition, source_hash)
        values ('${instrumentId}', 'homeward_reintegration', 'bench', '{"en":"Bench"}', 'en', '["en"]',
          '{"children":[],"choices":{}}', repeat('0', 64));
      create temporary table bench_zones as
        select row_number() over (order by pcode) - 1 as n, pcode from zones where level = 'admin2';
    `);
    const insert = (population: string, from: string, cohort: string, seed: string) => `
      insert into outcome_responses (id, instrument_id, submission_id, population, organisation_id, pcode, state_code,
        cohort, round, collected_on, source, answers_enc, indicators, economic, social, psychosocial, composite,
        family_unity, services_access, head_sex, head_age_group, disability)
      select gen_random_uuid(), '${instrumentId}', '${population}-' || h || '-' || r, '${population}', '${organisationId}', z.pcode, 'QM',
        ${cohort}, r, date '2026-01-01', 'import', 'sealed', '{}'::jsonb,
        ${random(`${seed} * 11 + 1`)}, ${random(`${seed} * 11 + 2`)}, ${random(`${seed} * 11 + 3`)},
        ${random(`${seed} * 11 + 4`)}, ${random(`${seed} * 11 + 5`)}, ${random(`${seed} * 11 + 6`)},
        case when ${random(`${seed} * 11 + 7`)} < 0.4 then 'female' else 'male' end,
        (array['18-24', '25-39', '40-59', '60+'])[1 + floor(${random(`${seed} * 11 + 8`)} * 4)::int],
        ${random(`${seed} * 11 + 9`)} < 0.12
      ${from}`;
    const rounds = `unnest(array[${ROUNDS.join(', ')}]) r`;
    // In chunks of 20,000 households, so that no one statement holds the whole table in memory.
    for (let start = 1; start <= HOUSEHOLDS; start += 20_000) {
      await pglite.exec(
        insert(
          'returnee',
          `from generate_series(${start}, ${Math.min(HOUSEHOLDS, start + 19_999)}) h, ${rounds}
             join bench_zones z on true where z.n = h % ${ZONES}`,
          `'2025-' || lpad((1 + h % 12)::text, 2, '0')`,
          'h * 13 + r',
        ),
      );
    }
    await pglite.exec(
      insert(
        'resident',
        `from generate_series(1, ${ZONES * RESIDENTS_PER_ZONE_AND_ROUND}) h, ${rounds}
           join bench_zones z on true where z.n = h % ${ZONES}`,
        'null',
        '(h + 1000000) * 13 + r',
      ),
    );
    const seeded = (performance.now() - seeding) / 1000;
    const keyring = await openKeyring({ dataDir, masterKey: undefined });
    const ctx: RequestContext = {
      db: handle.db,
      actor: {
        userId: newId(),
        sessionId: 'bench',
        organisationId,
        roles: ['donor'],
        memberships: [{ organisationId, roles: ['donor'] }],
      },
      requestId: 'bench',
      language: 'en',
      platform: { config: loadConfig({}, { dataDir }), database: handle, keyring },
    };
    const figures: number[] = [];
    const limits: number[] = [];
    let rows = 0;
    for (let run = 0; run < RUNS; run++) {
      let started = performance.now();
      rows = (await outcomeDashboard(ctx, {})).rows.length;
      figures.push((performance.now() - started) / 1000);
      started = performance.now();
      await outcomeGroups(handle.db, {}, null);
      limits.push((performance.now() - started) / 1000);
    }
    const figure = median(figures);
    return {
      figure,
      limit: median(limits),
      unit: 's',
      higherIsBetter: false,
      target: '< 1 s',
      met: figure < 1,
      notes: `${(HOUSEHOLDS * ROUNDS.length).toLocaleString('en')} returnee rounds + ${(ZONES * RESIDENTS_PER_ZONE_AND_ROUND * ROUNDS.length).toLocaleString('en')} residents' rounds in ${ZONES} zones (seeded in ${seeded.toFixed(0)} s); ${rows.toLocaleString('en')} rows of zone × cohort × round; runs ${figures.map((f) => f.toFixed(2)).join(', ')} s`,
    };
  } finally {
    await handle?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export const scenarios: Scenario[] = [
  { name: 'outcome dashboard query, all zones (embedded)', run: dashboardScenario },
];
