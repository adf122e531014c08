import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { adultBirthYear, evaluateOpenCases } from '../src/server/cases/eligibility.ts';

/** The freshness the bench's eligibility runs with: the setting's default, HOMEWARD_ZONE_CLASS_FRESH_MONTHS. */
const FRESH_MONTHS = 3;

import { importHouseholds } from '../src/server/cases/imports.ts';
import { type PersonalFields, sealPerson } from '../src/server/cases/person-fields.ts';
import { hashStatusCode, newCaseReference, newStatusCode } from '../src/server/cases/references.ts';
import { searchCases } from '../src/server/cases/search.ts';
import { caseHouseholds, caseMovements } from '../src/server/cases/tables.ts';
import { loadConfig } from '../src/server/config.ts';
import { organisations, users } from '../src/server/platform/accounts/schema.ts';
import type { RequestContext } from '../src/server/platform/context.ts';
import { type Keyring, openKeyring } from '../src/server/platform/crypto/keyring.ts';
import { type DatabaseHandle, openDatabase, queryRows } from '../src/server/platform/db/client.ts';
import { newId } from '../src/server/platform/db/columns.ts';
import { copyField, copyRowsInto } from '../src/server/platform/db/copy.ts';
import { tidyAfterBulkWrite } from '../src/server/platform/db/maintenance.ts';
import { writePublication } from '../src/server/zones/publications.ts';
import { shiftPeriod } from '../src/server/zones/rules/classify.ts';
import { publishTestClasses } from '../src/server/zones/test-support.ts';
import { DEFAULT_SERVICE_LEVEL_DAYS, OPEN_CASE_STAGES } from '../src/shared/cases/constants.ts';
import type { EligibilityRow } from '../src/shared/cases/schemas.ts';
import type { ZoneClass } from '../src/shared/zones/constants.ts';
import type { Scenario } from './types.ts';

/**
 * The returnee-cases benchmarks at regional scale: 250,000 households, about a million people (households of 1
 * to 7, four on average), registered through the import path from a CSV export into a fresh embedded database.
 * `HOMEWARD_BENCH_HOUSEHOLDS` sets a smaller scale for development. The data set is built once per run and
 * shared by the four scenarios: exact search by blind index, the eligibility check of every open case against
 * one bare SQL query of the same rules, the suspension cascade of a downgrade, and the import against COPY.
 */
const HOUSEHOLDS = Number(process.env.HOMEWARD_BENCH_HOUSEHOLDS ?? 250_000);
const SEARCHES = 1000;
const ELIGIBILITY_RUNS = 3;
const MOVEMENTS = Math.min(10_000, HOUSEHOLDS);
const CASCADE_ZONE = 'QM0101';
const NOW = new Date();
const THIS_PERIOD = NOW.toISOString().slice(0, 7);
const LAST_PERIOD = shiftPeriod(THIS_PERIOD, -1);

const seconds = (since: number) => (performance.now() - since) / 1000;
const GIVEN = ['Amina', 'Karim', 'Lina', 'Omar', 'Samir', 'Huda', 'Rania', 'Yusuf', 'Nour', 'Adam', 'Fatima', 'Ali'];
const ADMIN2 = Array.from(
  { length: 200 },
  (_, k) => `QM${String(Math.floor(k / 10) + 1).padStart(2, '0')}${String((k % 10) + 1).padStart(2, '0')}`,
);

interface GeneratedMember {
  relationship: string;
  sex: string;
  documentStatus: string;
  fields: PersonalFields;
}

/** Household `i` of the data set, the same in every run: a head, a spouse, then children. */
function household(i: number): { key: string; pcode: string; members: GeneratedMember[] } {
  const size = 1 + (i % 7);
  const headYear = 1955 + (i % 35);
  const family = `Family${i}`;
  const members: GeneratedMember[] = [];
  for (let m = 0; m < size; m++) {
    const relationship = m === 0 ? 'head' : m === 1 ? 'spouse' : 'child';
    const year = m === 0 ? headYear : m === 1 ? headYear + 2 : headYear + 18 + m;
    const documents =
      m < 2
        ? [{ kind: 'national_id' as const, number: `N${i}-${m}` }]
        : i % 3 === 0
          ? []
          : [{ kind: 'birth_certificate' as const, number: `B${i}-${m}` }];
    members.push({
      relationship,
      sex: m % 2 === 0 ? 'female' : 'male',
      documentStatus: documents.length > 0 ? 'available' : 'missing',
      fields: {
        name: { given: GIVEN[(i + m) % GIVEN.length]!, family },
        dateOfBirth: `${year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (m % 28)).padStart(2, '0')}`,
        documents,
        phones: m === 0 ? [`+962 79 ${String(i).padStart(7, '0')}`] : [],
        needs: (i + m) % 10 === 0 ? [{ need: 'disability' }] : [],
      },
    });
  }
  return { key: `HH-${i}`, pcode: ADMIN2[i % ADMIN2.length]!, members };
}

/** The data set as a registration export: one row per person. */
async function writeExport(file: string): Promise<void> {
  const out = fs.createWriteStream(file);
  const write = (text: string) =>
    out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve()));
  await write(
    'household_id,relationship,given_name,family_name,date_of_birth,sex,document_kind,document_number,phone,' +
      'specific_needs,asylum_state,intended_pcode\n',
  );
  let chunk = '';
  for (let i = 0; i < HOUSEHOLDS; i++) {
    const { key, pcode, members } = household(i);
    for (const { relationship, sex, fields } of members) {
      const document = fields.documents[0];
      chunk +=
        `${key},${relationship},${fields.name.given},${fields.name.family},${fields.dateOfBirth},${sex},` +
        `${document?.kind ?? ''},${document?.number ?? ''},${fields.phones[0] ?? ''},` +
        `${fields.needs.map((n) => n.need).join(' ')},JO,${pcode}\n`;
    }
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/** The gazetteer: the state QM, 20 admin1 and 200 admin2. */
const ZONES_SQL = `
  insert into zones (pcode, parent_pcode, state_code, level, names)
  select pcode, parent, 'QM', level, jsonb_build_object('en', pcode) from (
    select 'QM' as pcode, null as parent, 'state' as level
    union all select 'QM' || lpad(a::text, 2, '0'), 'QM', 'admin1' from generate_series(1, 20) a
    union all select 'QM' || lpad(a::text, 2, '0') || lpad(b::text, 2, '0'), 'QM' || lpad(a::text, 2, '0'), 'admin2'
    from generate_series(1, 20) a, generate_series(1, 10) b
  ) z order by pcode`;

interface Prepared {
  handle: DatabaseHandle;
  keyring: Keyring;
  dir: string;
  organisationId: string;
  userId: string;
  people: number;
  /** The vacuum analyze after the bulk load, as the import command runs it. */
  tidySeconds: number;
  import: { seconds: number; peakRssMb: number; timings: string };
  copySeconds: number;
  setupSeconds: number;
}

/**
 * Seals the same households as the import and loads them with COPY (households, people, blind indexes and
 * registration decisions), inside a transaction rolled back after: the limit of the import scenario.
 */
async function copySameRows(handle: DatabaseHandle, keyring: Keyring, organisationId: string): Promise<number> {
  const rollback = new Error('rolled back');
  const now = NOW.toISOString();
  const due = new Date(NOW.getTime() + DEFAULT_SERVICE_LEVEL_DAYS.registration * 86_400_000).toISOString().slice(0, 10);
  // References unique beside the imported ones, as the import draws them: among 500,000 a clash is not rare.
  const taken = new Set(
    (await handle.db.select({ reference: caseHouseholds.reference }).from(caseHouseholds)).map((row) => row.reference),
  );
  const freshReference = () => {
    let reference = newCaseReference();
    while (taken.has(reference)) reference = newCaseReference();
    taken.add(reference);
    return reference;
  };
  const started = performance.now();
  await handle.db
    .transaction(async (tx) => {
      const copy = copyRowsInto(tx as never);
      if (!copy) throw new Error('COPY needs the embedded database');
      for (let first = 0; first < HOUSEHOLDS; first += 500) {
        const households: string[] = [];
        const people: string[] = [];
        const indexes: string[] = [];
        const decisions: string[] = [];
        for (let i = first; i < Math.min(first + 500, HOUSEHOLDS); i++) {
          const { pcode, members } = household(i);
          const id = newId();
          const reference = freshReference();
          const code = await hashStatusCode(tx as never, keyring, reference, newStatusCode());
          households.push(
            `${id}\t${reference}\t${code}\t${organisationId}\tJO\t${pcode}\tQM\tregistered\t${members.length}\t${now}\t${now}`,
          );
          decisions.push(`${newId()}\t${id}\tregistration\t${organisationId}\t${now}\t${due}\tpending`);
          for (const [position, member] of members.entries()) {
            const personId = newId();
            const { indexes: found, ...s } = await sealPerson(tx as never, keyring, member.fields);
            people.push(
              [
                personId,
                id,
                position,
                member.relationship,
                member.sex,
                s.birthYear,
                s.nameEnc,
                s.dateOfBirthEnc,
                s.documentsEnc,
                s.phonesEnc,
                member.documentStatus,
                s.needsEnc,
                s.needsWithoutPlan,
                s.hasSpecificNeeds,
                false,
              ]
                .map((value) => copyField(String(value)))
                .join('\t'),
            );
            for (const index of found) indexes.push(`${personId}\t${id}\t${index.kind}\t${index.value}`);
          }
        }
        await copy(
          'case_households (id, reference, status_code_hash, organisation_id, asylum_state_code, intended_pcode, ' +
            'state_code, stage, member_count, registered_at, updated_at)',
          households,
        );
        await copy(
          'case_people (id, household_id, position, relationship, sex, birth_year, name_enc, date_of_birth_enc, ' +
            'documents_enc, phones_enc, document_status, needs_enc, needs_without_plan, has_specific_needs, unaccompanied)',
          people,
        );
        await copy('case_person_indexes (person_id, household_id, kind, value)', indexes);
        await copy('case_decisions (id, household_id, kind, organisation_id, opened_at, due_on, status)', decisions);
      }
      throw rollback;
    })
    .catch((error: unknown) => {
      if (error !== rollback) throw error;
    });
  return seconds(started);
}

/**
 * What the eligibility rules read beyond registration: voluntariness files for the adults of two households in
 * three (one in fifty withdrawn), counselling and zone information for nine files in ten, an open protection flag
 * for one household in a hundred, and last month's classes for every zone (conducive, conditionally or not).
 */
async function seedCaseWork(handle: DatabaseHandle, organisationId: string, userId: string): Promise<void> {
  const pglite = handle.pglite!;
  const adultYear = adultBirthYear(NOW);
  await pglite.exec(`
    insert into case_voluntariness_files (id, household_id, person_id, status, intention_on, declaration_signed_on,
      cooling_off_days, cooling_off_ends_on)
    select uuidv7(), p.household_id, p.id, case when abs(hashtext(p.id::text)) % 50 = 0 then 'withdrawn' else 'complete' end,
      date '2026-01-05', date '2026-02-01', 7, date '2026-02-08'
    from case_people p where (p.birth_year <= ${adultYear} or p.unaccompanied) and abs(hashtext(p.household_id::text)) % 3 <> 0;
    insert into case_counselling_sessions (id, file_id, held_on, organisation_id, counsellor_id, language, private)
    select uuidv7(), f.id, date '2026-01-10', '${organisationId}', '${userId}', 'ar', true
    from case_voluntariness_files f where abs(hashtext(f.id::text)) % 10 <> 0;
    insert into case_zone_information (id, file_id, given_on, pcode, zone_class, shown, language, given_by)
    select uuidv7(), f.id, date '2026-01-15', h.intended_pcode, 'conducive', '{}'::jsonb, 'ar', '${userId}'
    from case_voluntariness_files f join case_households h on h.id = f.household_id
    where abs(hashtext(f.id::text || 'z')) % 10 <> 0;
    insert into case_protection_flags (id, household_id, indicators, status, raised_by)
    select uuidv7(), id, '{threats}', 'open', '${userId}' from case_households where abs(hashtext(id::text)) % 100 = 0;`);
  const classes: Record<string, ZoneClass> = {};
  const choices: ZoneClass[] = ['conducive', 'conducive', 'conditionally_conducive', 'not_conducive'];
  for (const [k, pcode] of ADMIN2.entries()) classes[pcode] = choices[k % choices.length]!;
  classes[CASCADE_ZONE] = 'conducive';
  await publishTestClasses(handle.db, { userId, organisationId }, LAST_PERIOD, classes);
}

/** Ten thousand movements planned to one zone along one corridor, one household each. */
async function seedMovements(handle: DatabaseHandle, organisationId: string, userId: string): Promise<void> {
  const corridorId = newId();
  const pointId = newId();
  await handle.pglite!.exec(`
    insert into case_transit_points (id, code, name, operator_organisation_id, status)
      values ('${pointId}', 'TP-1', 'Border crossing', '${organisationId}', 'open');
    insert into case_corridors (id, code, name, from_state_code, to_state_code, status)
      values ('${corridorId}', 'C-1', 'Northern corridor', 'JO', 'QM', 'open');
    insert into case_corridor_points (corridor_id, position, transit_point_id) values ('${corridorId}', 0, '${pointId}');
    create temporary table bench_moving as
      select id as household_id, member_count, uuidv7() as movement_id from case_households order by id limit ${MOVEMENTS};
    insert into case_movements (id, kind, corridor_id, departs_on, status, organisation_id, planned_by)
      select movement_id, 'individual', '${corridorId}', current_date + 30, 'planned', '${organisationId}', '${userId}'
      from bench_moving;
    insert into case_movement_households (movement_id, household_id, destination_pcode, people, status)
      select movement_id, household_id, '${CASCADE_ZONE}', member_count, 'planned' from bench_moving;
    update case_households set stage = 'departure_scheduled' where id in (select household_id from bench_moving);`);
}

async function prepare(): Promise<Prepared> {
  const started = performance.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-bench-cases-'));
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  const dataDir = path.join(dir, 'data');
  const handle = await openDatabase({ dataDir });
  await handle.migrate();
  const keyring = await openKeyring({ dataDir, masterKey: undefined });
  await keyring.prepare(handle.db);
  const [organisation] = await handle.db
    .insert(organisations)
    .values({ name: 'Returns Partner', kind: 'un_agency', homeState: 'QM' })
    .returning();
  const [user] = await handle.db
    .insert(users)
    .values({ email: 'officer@bench.example', displayName: 'Bench officer', passwordHash: 'unusable' })
    .returning();
  await handle.pglite!.exec(ZONES_SQL);
  const file = path.join(dir, 'households.csv');
  await writeExport(file);

  const importStarted = performance.now();
  const result = await importHouseholds(handle.db, keyring, file, {
    organisationId: organisation!.id,
    levels: DEFAULT_SERVICE_LEVEL_DAYS,
    slipsFile: path.join(dir, 'slips.csv'),
    now: NOW,
  });
  const importSeconds = seconds(importStarted);
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const t = Object.entries(result.timings).map(([part, ms]) => `${part} ${(ms / 1000).toFixed(1)} s`);
  const copySeconds = await copySameRows(handle, keyring, organisation!.id);
  await seedCaseWork(handle, organisation!.id, user!.id);
  await seedMovements(handle, organisation!.id, user!.id);
  // As `homeward import households` does after an import: the embedded engine runs no autovacuum, and the
  // rolled-back COPY above left a million dead rows at the end of the id indexes.
  const tidySeconds = (await tidyAfterBulkWrite(handle)) ?? 0;
  return {
    tidySeconds,
    handle,
    keyring,
    dir,
    organisationId: organisation!.id,
    userId: user!.id,
    people: result.people,
    import: {
      seconds: importSeconds,
      peakRssMb,
      timings: t.join(', '),
    },
    copySeconds,
    setupSeconds: seconds(started),
  };
}

let prepared: Promise<Prepared> | undefined;
const data = () => {
  prepared ??= prepare();
  return prepared;
};

const scale = () => `${HOUSEHOLDS.toLocaleString('en')} households`;

/** The eligibility rules as one query over the same rows: for each open case, whether each rule passes. */
function bareEligibilitySql(): string {
  const adultYear = adultBirthYear(NOW);
  const today = NOW.toISOString().slice(0, 10);
  const freshFrom = shiftPeriod(THIS_PERIOD, 1 - FRESH_MONTHS);
  const stages = OPEN_CASE_STAGES.map((stage) => `'${stage}'`).join(', ');
  return `
    select
      count(*) filter (where coalesce(f.withdrawn, 0) = 0 and coalesce(f.files, 0) >= p.required
        and coalesce(f.lacking, 0) = 0 and f.cooling_ends is not null and f.cooling_ends <= '${today}')::int as voluntariness_complete,
      count(*) filter (where coalesce(fl.open, 0) = 0)::int as no_open_protection_flag,
      count(*) filter (where p.needs_without_plan = 0)::int as needs_planned,
      count(*) filter (where p.documents_missing = 0)::int as documents_ready,
      count(*) filter (where z.period >= '${freshFrom}' and (z.class = 'conducive'
        or (z.class = 'conditionally_conducive' and c.publication_id = z.publication_id)))::int as destination_safe
    from case_households h
    join (select household_id, count(*) filter (where birth_year <= ${adultYear} or unaccompanied) as required,
        sum(needs_without_plan) as needs_without_plan, count(*) filter (where document_status = 'missing') as documents_missing
      from case_people group by household_id) p on p.household_id = h.id
    left join (select f.household_id, count(*) as files, count(*) filter (where f.status = 'withdrawn') as withdrawn,
        count(*) filter (where f.intention_on is null or f.declaration_signed_on is null
          or not exists (select 1 from case_counselling_sessions s where s.file_id = f.id)
          or not exists (select 1 from case_zone_information i where i.file_id = f.id)) as lacking,
        max(f.cooling_off_ends_on) as cooling_ends
      from case_voluntariness_files f join case_people pp on pp.id = f.person_id
      where pp.birth_year <= ${adultYear} or pp.unaccompanied group by f.household_id) f on f.household_id = h.id
    left join (select household_id, count(*) as open from case_protection_flags where status = 'open'
      group by household_id) fl on fl.household_id = h.id
    left join lateral (select k.class, k.period, k.publication_id from zone_published_classes k
      where k.pcode = h.intended_pcode order by k.period desc limit 1) z on true
    left join lateral (select a.publication_id from case_conditions_addressed a
      where a.household_id = h.id and a.pcode = h.intended_pcode order by a.created_at desc limit 1) c on true
    where h.stage in (${stages})`;
}

export const scenarios: Scenario[] = [
  {
    name: `cases: exact search by blind index, p95 (${Math.round(HOUSEHOLDS * 4).toLocaleString('en')} people)`,
    async run() {
      const { handle, keyring, dir, organisationId, userId, setupSeconds, tidySeconds } = await data();
      // A case worker of the registering organisation, searching through the case search service itself.
      const ctx: RequestContext = {
        db: handle.db,
        actor: {
          userId,
          sessionId: 'bench',
          organisationId,
          roles: ['case_worker'],
          memberships: [{ organisationId, roles: ['case_worker'] }],
        },
        requestId: 'bench',
        language: 'en',
        platform: { config: loadConfig({}, { dataDir: dir }), database: handle, keyring },
      };
      const times: number[] = [];
      let found = 0;
      for (let n = 0; n < SEARCHES; n++) {
        const i = (n * 7919) % HOUSEHOLDS;
        const member = household(i).members[n % household(i).members.length]!;
        const name = `${member.fields.name.given} ${member.fields.name.family}`;
        const started = performance.now();
        const { items } = await searchCases(ctx, { name });
        times.push(performance.now() - started);
        if (items.length > 0) found++;
      }
      times.sort((a, b) => a - b);
      const p95 = times[Math.floor(times.length * 0.95)]!;
      return {
        figure: p95,
        unit: 'ms',
        higherIsBetter: false,
        target: '< 10 ms',
        met: p95 < 10 && found === SEARCHES,
        notes:
          `${SEARCHES} searches by exact name (blind index computed per search), ${found} found; median ` +
          `${times[Math.floor(times.length / 2)]!.toFixed(2)} ms; through searchCases as a case worker: the blind ` +
          `index, the reach condition, the join to households and people, and the access log entry of each search; ` +
          `set-up ${setupSeconds.toFixed(0)} s, of which the tidying after the bulk load (vacuum analyze) ${tidySeconds.toFixed(1)} s`,
      };
    },
  },
  {
    name: `cases: eligibility of every open case (${scale()})`,
    async run() {
      const { handle } = await data();
      // Each is run three times, in turn, and its best time kept: neither gains from the cache the other warmed.
      let figure = Number.POSITIVE_INFINITY;
      let limit = Number.POSITIVE_INFINITY;
      let rows = new Map<string, EligibilityRow[]>();
      let bare: Record<string, number> | undefined;
      for (let run = 0; run < ELIGIBILITY_RUNS; run++) {
        let started = performance.now();
        rows = await evaluateOpenCases(handle.db, { freshMonths: FRESH_MONTHS, now: NOW });
        figure = Math.min(figure, seconds(started));
        started = performance.now();
        [bare] = await queryRows<Record<string, number>>(handle.db, sql.raw(bareEligibilitySql()));
        limit = Math.min(limit, seconds(started));
      }
      const passed = (rule: string) =>
        [...rows.values()].filter((list) => list.find((r) => r.rule === rule)?.passed).length;
      const rules = Object.keys(bare!);
      const differ = rules.filter((rule) => passed(rule) !== bare![rule]);
      return {
        figure,
        limit,
        unit: 's',
        higherIsBetter: false,
        target: '≤ 2× limit',
        met: figure <= 2 * limit && differ.length === 0,
        notes:
          `${rows.size.toLocaleString('en')} open cases; passed per rule ${rules.map((r) => `${r} ${bare![r]}`).join(', ')}; ` +
          (differ.length === 0 ? 'both agree on every rule' : `DISAGREE on ${differ.join(', ')}`) +
          `; best of ${ELIGIBILITY_RUNS} runs each, in turn`,
      };
    },
  },
  {
    name: `cases: suspension cascade of a downgrade (${MOVEMENTS.toLocaleString('en')} planned movements)`,
    async run() {
      const { handle, organisationId, userId } = await data();
      let listener = true;
      try {
        await import('../src/server/cases/suspensions.ts' as string);
      } catch {
        listener = false;
      }
      const started = performance.now();
      // No observations this month: every zone, the conducive one included, is published as insufficient data.
      await writePublication(handle.db, { userId, organisationId }, { period: THIS_PERIOD });
      const figure = seconds(started);
      const [suspended] = await queryRows<{ n: number }>(
        handle.db,
        sql`select count(*)::int as n from ${caseMovements} where ${caseMovements.status} = 'suspended'`,
      );
      return {
        figure,
        unit: 's',
        higherIsBetter: false,
        target: '< 5 s',
        met: figure < 5 && suspended!.n === MOVEMENTS,
        notes: listener
          ? `${suspended!.n.toLocaleString('en')} of ${MOVEMENTS.toLocaleString('en')} movements suspended by the publication`
          : `the suspension listener (cases/suspensions.ts) is not on this branch: the figure is the publication ` +
            `alone (${suspended!.n} suspended); re-run after merging the movements part`,
      };
    },
  },
  {
    name: `cases: register households through the import path (${scale()})`,
    async run() {
      const { import: imported, copySeconds, people } = await data();
      return {
        figure: imported.seconds,
        limit: copySeconds,
        unit: 's',
        higherIsBetter: false,
        target: 'none set: ratio and peak memory reported',
        met: true,
        notes:
          `${people.toLocaleString('en')} people from a CSV export, checked, sealed and written with their decisions ` +
          `and audit entries (${imported.timings}); limit: the same rows sealed and loaded with COPY; peak RSS ` +
          `${imported.peakRssMb.toFixed(0)} MB`,
      };
    },
  },
];
