import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { count, eq } from 'drizzle-orm';
import { loadConfig } from '../src/server/config.ts';
import { organisations, users } from '../src/server/platform/accounts/schema.ts';
import type { RequestContext } from '../src/server/platform/context.ts';
import { openKeyring } from '../src/server/platform/crypto/keyring.ts';
import { type DatabaseHandle, openDatabase } from '../src/server/platform/db/client.ts';
import { newId } from '../src/server/platform/db/columns.ts';
import { copyField } from '../src/server/platform/db/copy.ts';
import { classifyPeriod, countByClass } from '../src/server/zones/assessments.ts';
import { activeFramework } from '../src/server/zones/frameworks.ts';
import { publishPeriod } from '../src/server/zones/publications.ts';
import { shiftPeriod } from '../src/server/zones/rules/classify.ts';
import { DEFAULT_FRAMEWORK } from '../src/server/zones/rules/default-framework.ts';
import { zoneObservations, zones } from '../src/server/zones/tables.ts';
import {
  OBSERVATION_SOURCES,
  type ObservationInput,
  UNITS,
  type Unit,
  type ZoneClass,
} from '../src/shared/zones/schemas.ts';
import { measureRps, type RunningServer, startServer } from './support/servers.ts';
import type { Scenario } from './types.ts';

// The regional data set: one state, 20 admin1, 200 admin2, 1,779 locations; 36 months of the default framework.
const MONTHS = 36;
const FIRST_PERIOD = '2023-01';
const LAST_PERIOD = '2025-12';
/** Pending and more-evidence values only in the last two months (verifiers have decided the older ones). */
const UNDECIDED_FROM_MONTH = MONTHS - 2;

/** Indicators observed for a whole state or province rather than location by location. */
const STATE_INDICATORS = new Set(['tripartite_agreement', 'amnesty_in_force']);
const ADMIN1_INDICATORS = new Set(['monitor_access']);

const INDICATORS = DEFAULT_FRAMEWORK.criteria.flatMap((criterion) =>
  criterion.indicators.map((indicator) => ({ ...indicator, criterion: criterion.code })),
);

const seconds = (since: number) => (performance.now() - since) / 1000;

/** A pseudo-random number in [0, 1) from an integer expression (PostgreSQL's own integer hash). */
const random = (key: string) => `((hashint8(${key})::float8 + 2147483648) / 4294967296)`;

/** The framework's indicators with how they are observed, as a VALUES list for the seeding statements. */
const indicatorValues = () =>
  INDICATORS.map((indicator, i) => {
    const unit = UNITS[indicator.unit];
    const level = STATE_INDICATORS.has(indicator.code)
      ? 'state'
      : ADMIN1_INDICATORS.has(indicator.code)
        ? 'admin1'
        : 'location';
    return `(${i + 1}, '${indicator.code}', ${indicator.direction === 'higher_is_better'}, ${indicator.green}::float8,
      ${indicator.red}::float8, ${unit.min}::float8, ${unit.max}::float8, ${indicator.unit === 'count'},
      ${indicator.unit === 'yes_no'}, '${level}')`;
  }).join(',\n');

/** The gazetteer: QM, QM01…QM20, QM0101…QM2010, then 9 or 8 locations in each admin2 (1,779): 2,000 zones. */
const ZONES_SQL = `
  create temporary table syllables as
    select * from unnest(array['al','bar','dan','el','far','gha','han','jab','kar','lam','mar','nur','qas',
      'rab','sah','tal','um','wad','yar','zah']) with ordinality as s(en, n);
  create function pg_temp.zone_name(bigint) returns text language sql stable as $$
    select initcap((select en from syllables where n = 1 + ($1 % 20))
      || (select en from syllables where n = 1 + ($1 / 20 % 20))
      || (select en from syllables where n = 1 + ($1 / 400 % 20))) $$;
  insert into zones (pcode, parent_pcode, state_code, level, names, population)
  select pcode, parent, 'QM', level,
    jsonb_build_object('en', pg_temp.zone_name(n * 7919 % 8000), 'ar', 'منطقة ' || pcode), population
  from (
    select 'QM' as pcode, null as parent, 'state' as level, 0 as n, 4200000 as population
    union all
    select 'QM' || lpad(a::text, 2, '0'), 'QM', 'admin1', a, null from generate_series(1, 20) a
    union all
    select 'QM' || lpad(a::text, 2, '0') || lpad(b::text, 2, '0'), 'QM' || lpad(a::text, 2, '0'), 'admin2',
      20 + (a - 1) * 10 + b, null
    from generate_series(1, 20) a, generate_series(1, 10) b
    union all
    select 'QM' || lpad(a::text, 2, '0') || lpad(b::text, 2, '0') || lpad(c::text, 3, '0'),
      'QM' || lpad(a::text, 2, '0') || lpad(b::text, 2, '0'), 'location', 220 + ((a - 1) * 10 + b - 1) * 9 + c,
      (500 + 20000 * ${random('((a - 1) * 10 + b) * 1000 + c')})::int
    from generate_series(1, 20) a, generate_series(1, 10) b,
      generate_series(1, case when (a - 1) * 10 + b <= 179 then 9 else 8 end) c
  ) z
  order by pcode;`;

/**
 * Who observes what: every location its location-level indicators (one in twenty also its province's
 * monitor access), every province monitor access, the state its agreements. A zone's condition (its own and its
 * province's, from hashes of the P-codes) is the base of its values; one location in ten is remote.
 */
const PAIRS_SQL = `
  create temporary table bench_indicators (i int, code text, higher boolean, green float8, red float8,
    lo float8, hi float8, count boolean, yes_no boolean, level text);
  insert into bench_indicators values ${indicatorValues()};
  create temporary table bench_pairs as
    select z.pcode, z.level = 'location' as location, ${random('hashtext(z.pcode) + 7')} < 0.1 as remote,
      ind.*, (row_number() over (order by z.pcode, ind.i))::bigint as pair,
      0.6 * ${random('hashtext(z.pcode)')} + 0.25 * ${random('hashtext(substr(z.pcode, 1, 4))')} - 0.1 as base
    from zones z join bench_indicators ind on ind.level = z.level
      or (ind.level = 'admin1' and z.level = 'location' and ${random('hashtext(z.pcode) + ind.i')} < 0.05)
    order by z.pcode, ind.i;`;

/**
 * One month of observations, as one INSERT … SELECT. A zone is visited 19 months in 20 (a remote location
 * hardly after its 24th month); a second organisation gives about one value in eight. A value is the zone's
 * condition plus noise plus a slow improvement, as t (red below 0, green from 1) mapped onto the thresholds.
 * Most values are confirmed and 4 % rejected; in the last two months some still wait for a verifier.
 */
function monthSql(month: number, organisations: string[]): string {
  const period = shiftPeriod(FIRST_PERIOD, month);
  const undecided = month >= UNDECIDED_FROM_MONTH;
  const key = `(p.pair * 1000 + ${month} * 10 + o.org) * 8`;
  return `
  insert into zone_observations (id, pcode, state_code, indicator, period, value, source, method, status,
    organisation_id, submitted_at, decided_at)
  select uuidv7(), pcode, 'QM', code, '${period}',
    case when yes_no then (case when t >= 0 then green when higher then 0 else 1 end)
      when count then (case when t < 0 then 2 + floor(-t * 10) when t < 0.3 then 1 else 0 end)
      else greatest(lo, least(hi, round((red + (green - red) * t) * 10) / 10)) end,
    (array['monitoring_visit','key_informant_interview','partner_report','survey'])[1 + floor(r * 4)::int],
    (array['Monitoring visit with the community committee','Household survey, 120 households',
      'Key informant interviews (5)','Partner report, checked on site'])[1 + floor(r * 16)::int % 4],
    status, (array['${organisations.join("','")}']::uuid[])[org], submitted_at,
    case when status in ('confirmed', 'rejected') then submitted_at + interval '9 days' end
  from (
    select p.*, o.org, ${random(`${key} + 1`)} as r,
      case when ${random(`${key} + 2`)} < 0.04 then 'rejected'
        ${undecided ? `when ${random(`${key} + 2`)} < 0.16 then 'pending' when ${random(`${key} + 2`)} < 0.19 then 'more_evidence'` : ''}
        else 'confirmed' end as status,
      timestamptz '${period}-20 08:00:00+00' + ${random(`${key} + 3`)} * interval '7 days' as submitted_at,
      2 * least(1, greatest(0, p.base + 0.25 * ${random(`${key} + 4`)} + ${(0.1 * month) / MONTHS})) - 0.5 as t
    from bench_pairs p
    cross join lateral (select 1 as org union all select 2 + (p.pair + ${month}) % 5
      where ${random(`p.pair * 1000 + ${month} * 10 + 9`)} < 0.12) o
    where not p.location
      or ${random(`p.pair * 1000 + ${month} * 10`)} < (case when p.remote and ${month} >= 24 then 0.05 else 0.95 end)
  ) g`;
}

interface Regional {
  dataDir: string;
  organisations: string[];
  observations: number;
  setupSeconds: number;
  setupSteps: string;
  open(): Promise<DatabaseHandle>;
}

/**
 * Builds the regional data set in a fresh embedded data directory with set-based SQL: zones and observations
 * are generated inside the database (generate_series, values from integer hashes, so every run builds the same
 * data), month after month as they would arrive, with the observation table's secondary indexes and triggers
 * (foreign keys, the observed-indicators record) off while it fills; the indexes and the record are rebuilt
 * after. No statistics are gathered: the embedded
 * database runs no autovacuum, so it has none in use either.
 */
type Built = Omit<Regional, 'dataDir' | 'open'>;

async function buildRegional(dataDir: string): Promise<Built> {
  const started = performance.now();
  const handle = await openDatabase({ dataDir });
  const organisations = Array.from({ length: 6 }, newId);
  let observations = 0;
  const steps: string[] = [];
  let step = performance.now();
  const lap = (label: string) => {
    steps.push(`${label} ${seconds(step).toFixed(0)} s`);
    step = performance.now();
  };
  try {
    await handle.migrate();
    await activeFramework(handle.db);
    const pglite = handle.pglite!;
    await pglite.exec(`
      insert into organisations (id, name, kind, home_state)
        select id, 'Partner ' || n, (array['monitoring_centre','un_agency','civil_society','independent_monitor',
          'state_agency','civil_society'])[n]::organisation_kind, 'QM'
        from unnest(array['${organisations.join("','")}']::uuid[]) with ordinality as o(id, n);
      ${ZONES_SQL}
      ${PAIRS_SQL}`);
    lap('migrations and zones');
    const { rows: indexes } = await pglite.query<{ indexname: string; indexdef: string }>(
      `select indexname, indexdef from pg_indexes where tablename = 'zone_observations'
        and indexname <> 'zone_observations_pkey'`,
    );
    await pglite.exec(indexes.map((index) => `drop index ${index.indexname};`).join('\n'));
    await pglite.exec('set session_replication_role = replica');
    for (let month = 0; month < MONTHS; month++) {
      observations += (await pglite.query(monthSql(month, organisations))).affectedRows ?? 0;
    }
    await pglite.exec('set session_replication_role = origin');
    // What the trigger, off while the table filled, would have recorded.
    await pglite.exec(`insert into zone_observed_indicators (pcode, indicator)
      select distinct pcode, indicator from zone_observations on conflict do nothing`);
    lap('observations');
    await pglite.exec(`set maintenance_work_mem = '512MB'`);
    for (const index of indexes) await pglite.exec(index.indexdef);
    await pglite.exec('reset maintenance_work_mem');
    lap('indexes');
  } finally {
    await handle.close();
  }
  return { organisations, observations, setupSeconds: seconds(started), setupSteps: steps.join(', ') };
}

/**
 * Builds the data set in a child process (this file run with --build-regional), so that the process that
 * measures does not carry the garbage of building two million rows, as a `homeward assess` would not.
 */
async function buildRegionalApart(): Promise<Regional> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-bench-zones-'));
  process.once('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const built = await jsonFromChild<Built>(
    [fileURLToPath(import.meta.url), '--build-regional', dataDir],
    'building the regional data set',
  );
  return { ...built, dataDir, open: () => openDatabase({ dataDir }) };
}

/** Runs a script in a process of its own and reads the JSON its last line of output holds. */
function jsonFromChild<T>(args: string[], what: string): Promise<T> {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, HOMEWARD_LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      const last = output.trim().split('\n').at(-1);
      if (code !== 0 || !last) reject(new Error(`${what}: the process exited with ${code}`));
      else resolve(JSON.parse(last) as T);
    });
  });
}

let regional: Promise<Regional> | undefined;
/** Built once per bench run, shared by this suite's scenarios, removed when the process exits. */
const regionalData = () => {
  regional ??= buildRegionalApart();
  return regional;
};

/** A threshold status as a rank (0 red, 2 amber, 3 green; 1 is missing) of `value` against params `p`. */
const thresholdRank = (value: string) => `case when p.higher
    then (case when ${value} >= p.green then 3 when ${value} < p.red then 0 else 2 end)
    else (case when ${value} <= p.green then 3 when ${value} > p.red then 0 else 2 end) end`;

/**
 * The limit of the classification scenario: the roll-up as ONE hand-written query, answering only each return
 * zone's class. It covers every rule of classify.ts that decides a class: per zone and indicator, the worst
 * threshold status of the latest confirmed month inside the freshness window; failing that a stale red (the
 * latest confirmed month before the window had a red, or an unverified red came since) or missing; an
 * unverified value only pulls the status down; an indicator observed at a wider level applies to the zones
 * inside that have none of their own; per criterion the weighted shares (red if a hard indicator is red or
 * R ≥ 1/3, insufficient if M > 1/2, amber if A > 1/4 or R > 0); per zone the worst criterion.
 * It reads the observations the way classifyPeriod does (the period's month in one index range, a backward
 * index scan for the zones and indicators without a confirmed value that month) and leaves out what only the
 * explanation needs (deciding observations, ids, summaries).
 */
function classesQuery(period: string): string {
  const params = INDICATORS.map((indicator) => {
    const windowStart = shiftPeriod(period, 1 - indicator.freshnessMonths);
    return `('${indicator.code}', '${indicator.criterion}', ${indicator.weight}::float8, ${indicator.hard},
      ${indicator.direction === 'higher_is_better'}, ${indicator.green}::float8, ${indicator.red}::float8,
      '${windowStart}')`;
  }).join(',\n');
  return `with recursive
    params(indicator, criterion, weight, hard, higher, green, red, window_start) as (values ${params}),
    chain(leaf, zone, depth) as (
      select z.pcode, z.pcode, 0 from zones z
        where not exists (select 1 from zones c where c.parent_pcode = z.pcode)
      union all
      select c.leaf, z.parent_pcode, c.depth + 1 from chain c join zones z on z.pcode = c.zone
        where z.parent_pcode is not null
    ),
    this_month as not materialized (
      select pcode, indicator, period, value from (
        select pcode, indicator, period, value, status from zone_observations where period = '${period}' offset 0
      ) o where status = 'confirmed'
    ),
    latest_values as (
      select pcode, indicator, period, value from this_month
      union all
      select q.pcode, q.indicator, o.period, o.value from (
        select z.pcode, p.indicator from zones z cross join params p
        where not exists (select 1 from this_month m where m.pcode = z.pcode and m.indicator = p.indicator)
        offset 0
      ) q cross join lateral (
        select period, value from (
          select o.period, o.value, rank() over (order by o.period desc) as recency from zone_observations o
          where o.pcode = q.pcode and o.indicator = q.indicator and o.status = 'confirmed' and o.period < '${period}'
        ) ranked where recency = 1
      ) o
    ),
    latest as (
      select o.pcode, o.indicator, o.period, min(${thresholdRank('o.value')}) as rank
      from latest_values o join params p on p.indicator = o.indicator
      group by o.pcode, o.indicator, o.period
    ),
    unverified as (
      select u.pcode, u.indicator, u.period, ${thresholdRank('u.value')} as rank
      from (select * from zone_observations where status in ('pending', 'more_evidence') offset 0) u
      join params p on p.indicator = u.indicator
      where u.period <= '${period}'
    ),
    pairs as (select pcode, indicator from latest union select pcode, indicator from unverified),
    status as (
      select q.pcode, q.indicator, least(
          case when l.period >= p.window_start then l.rank
            when l.rank = 0 or coalesce(bool_or(u.rank = 0 and u.period < p.window_start
              and (l.period is null or u.period >= l.period)), false) then 0
            else 1 end,
          coalesce(min(u.rank) filter (where u.period >= p.window_start), 3)) as rank
      from pairs q join params p on p.indicator = q.indicator
        left join latest l on l.pcode = q.pcode and l.indicator = q.indicator
        left join unverified u on u.pcode = q.pcode and u.indicator = q.indicator
      group by q.pcode, q.indicator, p.window_start, l.period, l.rank
    ),
    leaf_status as (
      select distinct on (c.leaf, s.indicator) c.leaf, s.indicator, s.rank
      from chain c join status s on s.pcode = c.zone
      order by c.leaf, s.indicator, c.depth
    ),
    criteria as (
      select l.leaf, p.criterion, sum(p.weight) as total,
        coalesce(sum(p.weight) filter (where coalesce(s.rank, 1) = 0), 0) as r,
        coalesce(sum(p.weight) filter (where coalesce(s.rank, 1) <= 1), 0) as m,
        coalesce(sum(p.weight) filter (where coalesce(s.rank, 1) <= 2), 0) as a,
        coalesce(bool_or(p.hard and s.rank = 0), false) as hard_red
      from (select distinct leaf from chain) l cross join params p
        left join leaf_status s on s.leaf = l.leaf and s.indicator = p.indicator
      group by l.leaf, p.criterion
    ),
    criterion_status as (
      select leaf, case when hard_red or 3 * r >= total then 'red' when 2 * m > total then 'insufficient'
          when 4 * a > total or r > 0 then 'amber' else 'green' end as status
      from criteria
    )
    select leaf as pcode, case when bool_or(status = 'red') then 'not_conducive'
        when bool_or(status = 'insufficient') then 'insufficient_data'
        when bool_and(status = 'green') then 'conducive' else 'conditionally_conducive' end as class
    from criterion_status group by leaf`;
}

// Publication (what the public zone list serves), once per run: the last month every verifier has decided.
const PUBLISHED_PERIOD = shiftPeriod(FIRST_PERIOD, UNDECIDED_FROM_MONTH - 1);

async function publish(): Promise<{ seconds: number; zones: number }> {
  const data = await regionalData();
  const handle = await data.open();
  try {
    const keyring = await openKeyring({ dataDir: data.dataDir, masterKey: undefined });
    const [user] = await handle.db
      .insert(users)
      .values({ email: 'coordinator@bench.example', displayName: 'Bench coordinator', passwordHash: 'unusable' })
      .returning();
    const organisationId = data.organisations[0]!;
    const ctx: RequestContext = {
      db: handle.db,
      actor: {
        userId: user!.id,
        sessionId: 'bench',
        organisationId,
        roles: ['coordinator'],
        memberships: [{ organisationId, roles: ['coordinator'] }],
      },
      requestId: 'bench',
      language: 'en',
      platform: { config: loadConfig({}, { dataDir: data.dataDir }), database: handle, keyring },
    };
    const started = performance.now();
    const publication = await publishPeriod(ctx, { period: PUBLISHED_PERIOD });
    return { seconds: seconds(started), zones: publication.zoneCount };
  } finally {
    await handle.close();
  }
}

let publication: ReturnType<typeof publish> | undefined;
const publishedOnce = () => {
  publication ??= publish();
  return publication;
};

/** The data set's line in the notes of the first scenario that built it. */
let setupReported = false;
async function setupNote(): Promise<string> {
  const data = await regionalData();
  if (setupReported) return '';
  setupReported = true;
  return `; data set: ${data.observations.toLocaleString('en')} observations, 2,000 zones, built in ${data.setupSeconds.toFixed(0)} s (${data.setupSteps})`;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const cpuSeconds = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};

const CLASSIFY_ROUNDS = 3;

const classifyScenario: Scenario = {
  name: 'classify all zones for one period (2,000 zones, 2M observations)',
  async run() {
    const data = await regionalData();
    const setup = await setupNote();
    const handle = await data.open();
    try {
      const query = classesQuery(LAST_PERIOD);
      const figures: number[] = [];
      const cpu: number[] = [];
      const limits: number[] = [];
      let classes: Record<string, number> = {};
      // Alternated, after one warm-up round of each, so a busy moment on the machine weighs on neither alone.
      for (let round = 0; round <= CLASSIFY_ROUNDS; round++) {
        let started = performance.now();
        const cpuStarted = cpuSeconds();
        const { results } = await classifyPeriod(handle.db, LAST_PERIOD);
        const figure = seconds(started);
        const figureCpu = cpuSeconds() - cpuStarted;
        started = performance.now();
        const { rows } = await handle.pglite!.query<{ pcode: string; class: ZoneClass }>(query);
        const limit = seconds(started);
        const bySql = new Map(rows.map((row) => [row.pcode, row.class]));
        const differ = results.filter((result) => bySql.get(result.pcode) !== result.classification.class);
        if (differ.length > 0 || rows.length !== results.length) {
          const examples = differ.slice(0, 3).map((d) => `${d.pcode} ${d.classification.class}/${bySql.get(d.pcode)}`);
          throw new Error(
            `classifyPeriod and the SQL roll-up differ on ${differ.length} of ${results.length} zones ` +
              `(SQL gave ${rows.length}): ${examples.join(', ')}`,
          );
        }
        classes = countByClass(results.map((result) => result.classification));
        if (round === 0) continue;
        figures.push(figure);
        cpu.push(figureCpu);
        limits.push(limit);
      }
      const figure = median(figures);
      const limit = median(limits);
      const list = (values: number[]) => values.map((value) => value.toFixed(2)).join(', ');
      return {
        figure,
        limit,
        unit: 's',
        higherIsBetter: false,
        target: '≤ 2× limit and < 1 s',
        met: figure <= 2 * limit && figure < 1,
        notes:
          `median of ${CLASSIFY_ROUNDS} after a warm-up: classifyPeriod ${list(figures)} s (process CPU ` +
          `${list(cpu)} s), one SQL query ${list(limits)} s; the classes of all ${total(classes)} return zones agree ` +
          `(${Object.entries(classes)
            .map(([name, n]) => `${name} ${n}`)
            .join(', ')}); period ${LAST_PERIOD}, with unverified values; the SQL covers every rule that decides ` +
          'a class (latest confirmed month in the window, stale red, unverified values pulling down, inheritance ' +
          `from wider zones, weighted shares, hard reds), not the explanations${setup}`,
      };
    } finally {
      await handle.close();
    }
  },
};

const total = (counts: Record<string, number>) =>
  Object.values(counts)
    .reduce((sum, n) => sum + n, 0)
    .toLocaleString('en');

// Import: a partner's 20 months of location observations, 1,000,000 rows.
const IMPORT_ROWS = 1_000_000;
const IMPORT_MONTHS = 20;
const IMPORT_FIRST_PERIOD = shiftPeriod(LAST_PERIOD, 1 - IMPORT_MONTHS);
const LOCATION_INDICATORS = INDICATORS.filter(
  (indicator) => !STATE_INDICATORS.has(indicator.code) && !ADMIN1_INDICATORS.has(indicator.code),
);

/** A valid value of the unit from an integer (the same rows every run). */
function unitValue(unit: Unit, n: number): number {
  switch (unit) {
    case 'yes_no':
      return n % 2;
    case 'count':
      return n % 3;
    case 'score_1_5':
      return 1 + (n % 41) / 10;
    case 'days':
      return n % 120;
    case 'hours_per_day':
      return (n % 241) / 10;
    case 'rate_per_10000':
      return (n % 100) / 10;
    default:
      return (n % 1001) / 10;
  }
}

/** The import's rows as a partner's export sorts them (P-code, indicator, month): the CSV and the limit's. */
function* importRows(pcodes: readonly string[]): Generator<ObservationInput> {
  let i = 0;
  for (const pcode of pcodes) {
    for (const indicator of LOCATION_INDICATORS) {
      for (let month = 0; month < IMPORT_MONTHS; month++) {
        if (i === IMPORT_ROWS) return;
        const n = Math.imul(i + 1, 2654435761) >>> 8;
        yield {
          pcode,
          indicator: indicator.code,
          period: shiftPeriod(IMPORT_FIRST_PERIOD, month),
          value: unitValue(indicator.unit, n),
          source: OBSERVATION_SOURCES[n % OBSERVATION_SOURCES.length]!,
          method: `Partner household survey, round ${1 + (n % 7)}`,
        };
        i++;
      }
    }
  }
}

const BARE_COLUMNS = ['id', 'pcode', 'state_code', 'indicator', 'period', 'value', 'source', 'method', 'status'];
/** Rows per COPY: the limit streams too, so that its memory stays flat like the import's must. */
const COPY_CHUNK = 100_000;

/**
 * The limit: the same rows through PostgreSQL's COPY (PGlite reads it from a Blob, `from '/dev/blob'`), in
 * chunks of 100,000 rows, one transaction, nothing else: the plain fast way to load rows.
 */
async function bareCopy(pglite: PGlite, pcodes: readonly string[], organisationId: string): Promise<number> {
  const copy = `copy zone_observations (${BARE_COLUMNS.join(', ')}, organisation_id) from '/dev/blob'`;
  const started = performance.now();
  await pglite.transaction(async (tx) => {
    let lines: string[] = [];
    const flush = async () => {
      await tx.query(copy, [], { blob: new Blob([`${lines.join('\n')}\n`]) });
      lines = [];
    };
    for (const row of importRows(pcodes)) {
      const fields = [newId(), row.pcode, 'QM', row.indicator, row.period, row.value, row.source, row.method];
      lines.push(`${[...fields, 'pending', organisationId].map(copyField).join('\t')}`);
      if (lines.length === COPY_CHUNK) await flush();
    }
    if (lines.length > 0) await flush();
  });
  return seconds(started);
}

/** A CSV cell as RFC 4180 writes it: in double quotes (doubled inside) when it holds a comma, quote or line break. */
const csvCell = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

async function writeCsv(file: string, pcodes: readonly string[]): Promise<void> {
  const out = fs.createWriteStream(file);
  const write = (text: string) =>
    out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve()));
  await write('pcode,indicator,period,value,source,method\n');
  let lines: string[] = [];
  for (const row of importRows(pcodes)) {
    lines.push(`${row.pcode},${row.indicator},${row.period},${row.value},${row.source},${csvCell(row.method)}`);
    if (lines.length === 10_000) {
      await write(`${lines.join('\n')}\n`);
      lines = [];
    }
  }
  if (lines.length > 0) await write(`${lines.join('\n')}\n`);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

interface ChildImport {
  seconds: number;
  result: { rows: number; created: number; unchanged: number };
  rssBefore: number;
  rssSamples: { rows: number; rss: number; heap: number; maxRssKb: number }[];
  maxRssKb: number;
}

const importChild = fileURLToPath(new URL('./support/import-observations.ts', import.meta.url));

function importInChild(dataDir: string, file: string, organisationId: string): Promise<ChildImport> {
  return jsonFromChild<ChildImport>([importChild, dataDir, file, organisationId], 'the import');
}

const MB = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;

const importScenario: Scenario = {
  name: 'zones: import 1 million observation rows from CSV',
  async run() {
    const data = await regionalData();
    const setup = await setupNote();
    await publishedOnce(); // publishing refuses a month with unverified values: publish before these arrive
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-bench-csv-')), 'observations.csv');
    try {
      let handle = await data.open();
      let pcodes: string[];
      const [importing, bare] = [newId(), newId()];
      let bareSeconds: number;
      try {
        pcodes = (await handle.db.select({ pcode: zones.pcode }).from(zones).where(eq(zones.level, 'location')))
          .map((row) => row.pcode)
          .sort();
        // Two organisations new to the data, so that neither's rows meet the other's (one live value per
        // organisation, zone, indicator and month).
        await handle.db.insert(organisations).values([
          { id: importing, name: 'Bench import partner', kind: 'civil_society', homeState: 'QM' },
          { id: bare, name: 'Bench bare COPY', kind: 'civil_society', homeState: 'QM' },
        ]);
        // The limit first, so that the import meets the larger table.
        bareSeconds = await bareCopy(handle.pglite!, pcodes, bare);
      } finally {
        await handle.close();
      }
      const writing = performance.now();
      await writeCsv(file, pcodes);
      const csvSeconds = seconds(writing);
      const child = await importInChild(data.dataDir, file, importing);
      if (child.result.created !== IMPORT_ROWS) {
        throw new Error(`the import created ${child.result.created} of ${IMPORT_ROWS} rows`);
      }
      handle = await data.open();
      try {
        const [stored] = await handle.db
          .select({ n: count() })
          .from(zoneObservations)
          .where(eq(zoneObservations.organisationId, importing));
        if (stored?.n !== IMPORT_ROWS) throw new Error(`${stored?.n} imported rows stored, not ${IMPORT_ROWS}`);
      } finally {
        await handle.close();
      }
      const figure = IMPORT_ROWS / child.seconds;
      const limit = IMPORT_ROWS / bareSeconds;
      const at = [100_000, 500_000, 1_000_000].map((rows) => child.rssSamples.find((sample) => sample.rows === rows));
      const series = (pick: (sample: ChildImport['rssSamples'][number]) => number) =>
        at.map((sample) => (sample ? MB(pick(sample)) : '?')).join(' / ');
      const peakAt = child.rssSamples.find((sample) => sample.maxRssKb === child.maxRssKb);
      return {
        figure,
        limit,
        unit: 'rows/s',
        higherIsBetter: true,
        target: '≥ 50 % of limit',
        met: figure >= 0.5 * limit,
        notes:
          `importObservations ${child.seconds.toFixed(0)} s (child process), bare COPY of the same rows ` +
          `${bareSeconds.toFixed(0)} s, both into the table of ${data.observations.toLocaleString('en')} ` +
          'observations with its indexes and foreign keys (rows sorted by P-code, indicator, month); CSV ' +
          `${MB(fs.statSync(file).size)} written in ${csvSeconds.toFixed(1)} s; import RSS ${MB(child.rssBefore)} ` +
          `with the database open, ${series((sample) => sample.rss)} at 100k / 500k / 1M rows (JS heap ` +
          `${series((sample) => sample.heap)}), peak ${MB(child.maxRssKb * 1024)}` +
          `${peakAt ? ` (reached by ${peakAt.rows / 1000}k rows)` : ''}${setup}`,
      };
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  },
};

const publicZonesScenario: Scenario = {
  name: 'GET /api/v1/public/zones requests/s, 50 concurrent clients',
  async run() {
    const data = await regionalData();
    const setup = await setupNote();
    const published = await publishedOnce();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-bench-json-'));
    const homeward = await startServer('homeward', { HOMEWARD_DATA_DIR: data.dataDir });
    let bare: RunningServer | undefined;
    try {
      const url = homeward.url.replace(/\/api\/v1\/health$/, '/api/v1/public/zones');
      const response = await fetch(url);
      const body = await response.text();
      const listed = (JSON.parse(body) as unknown[]).length;
      if (!response.ok || listed !== published.zones) {
        throw new Error(`${url} answered ${response.status} with ${listed} zones, not ${published.zones}`);
      }
      fs.writeFileSync(path.join(dir, 'zones.json'), body);
      bare = await startServer('bare', { HOMEWARD_BENCH_STATIC_JSON: path.join(dir, 'zones.json') });
      const figure = await measureRps(url);
      const limit = await measureRps(bare.url.replace(/\/api\/v1\/health$/, '/api/v1/public/zones'));
      const bytes = Buffer.byteLength(body);
      return {
        figure,
        limit,
        unit: 'req/s',
        higherIsBetter: true,
        target: 'none (limit: bare Fastify, same body)',
        met: true,
        notes:
          `${listed.toLocaleString('en')} zones published for ${PUBLISHED_PERIOD} (publishPeriod ` +
          `${published.seconds.toFixed(1)} s), body ${(bytes / 1000).toFixed(0)} kB uncompressed, so ` +
          `${MB(figure * bytes)}/s against ${MB(limit * bytes)}/s; limit: a bare Fastify route sending the same ` +
          `JSON text${setup}`,
      };
    } finally {
      await homeward.stop();
      await bare?.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};

export const scenarios: Scenario[] = [classifyScenario, importScenario, publicZonesScenario];

if (import.meta.main && process.argv[2] === '--build-regional') {
  console.log(JSON.stringify(await buildRegional(process.argv[3]!)));
}
