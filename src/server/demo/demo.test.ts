import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import type { Classification, ZoneClass } from '../../shared/zones/schemas.ts';
import { ZONE_CLASS_RANK } from '../../shared/zones/schemas.ts';
import { evaluateEligibility } from '../cases/eligibility.ts';
import { documentForIndex, fullName, indexValue, phoneForIndex } from '../cases/person-fields.ts';
import { verifyStatusCode } from '../cases/references.ts';
import { casesLine, demoJson, gatewayLine, zonesLine } from '../cli/demo.ts';
import type { DemoGatewaySummary } from '../gateway/demo.ts';
import { verifyLog } from '../platform/audit/verify.ts';
import { signIn } from '../platform/auth/test-support.ts';
import { writeBackup } from '../platform/backup/backup.ts';
import { queryRows } from '../platform/db/client.ts';
import { type DemoLoadResult, loadDemo } from './load.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './region.ts';
import { DEMO_ZONE_STORY } from './story.ts';

/**
 * The demo region loaded into a test database, and the story its return zones tell (demo/story.ts): what
 * the browser tests and a person trying Homeward rely on. The clock is fixed, so the months are too.
 */
const NOW = new Date('2026-03-15T10:00:00Z');
const CURRENT = '2026-03';
const PUBLISHED = Array.from({ length: 12 }, (_, m) => {
  const month = (2025 * 12 + 2 + m) % 12;
  const year = Math.floor((2025 * 12 + 2 + m) / 12);
  return `${year}-${String(month + 1).padStart(2, '0')}`;
});

let env: TestEnvironment;
let result: DemoLoadResult;
const db = () => env.database.db;

// Loading the demo takes a while on a busy machine (the embedded database runs in this process).
const LOAD_TIMEOUT = 300_000;

beforeAll(async () => {
  env = await createTestEnvironment();
  result = await loadDemo(db(), env.app.platform.keyring, 'small', { now: NOW });
}, LOAD_TIMEOUT);
afterAll(() => env?.close());

interface PublishedClass {
  pcode: string;
  period: string;
  class: ZoneClass;
  classification: Classification;
}

async function publishedClasses(pcode?: string): Promise<PublishedClass[]> {
  return queryRows<PublishedClass & Record<string, unknown>>(
    db(),
    sql`select c.pcode, c.period, c.class, c.classification from zone_published_classes c
      ${pcode ? sql`where c.pcode = ${pcode}` : sql``} order by c.period, c.pcode`,
  );
}

async function tableCounts() {
  const [row] = await queryRows<Record<string, number>>(
    db(),
    sql`select (select count(*) from zones)::int as zones, (select count(*) from zone_observations)::int as observations,
      (select count(*) from zone_verifications)::int as verifications,
      (select count(*) from zone_publications)::int as publications,
      (select count(*) from zone_assessments)::int as assessments,
      (select count(*) from audit_entries)::int as entries, (select count(*) from users)::int as users,
      (select count(*) from case_households)::int as households, (select count(*) from case_people)::int as people`,
  );
  return row!;
}

describe('the demo return zones', () => {
  it('loads Marenland: state, provinces, districts and locations, every one named in three languages', async () => {
    expect(result.zones).toMatchObject({ zones: 200, assessed: CURRENT, published: PUBLISHED });
    const levels = await queryRows<{ level: string; n: number }>(
      db(),
      sql`select level, count(*)::int as n from zones group by level`,
    );
    expect(Object.fromEntries(levels.map((row) => [row.level, row.n]))).toEqual({
      state: 1,
      admin1: 6,
      admin2: 30,
      location: 163,
    });
    expect(result.zones.returnZones).toBe(163);
    const zones = await queryRows<{ names: Record<string, string>; population: number | null; shape: unknown }>(
      db(),
      sql`select names, population, shape from zones`,
    );
    for (const zone of zones) {
      expect(Object.keys(zone.names).sort()).toEqual(['ar', 'en', 'fr']);
      expect(zone.names.ar).toMatch(/^[\u0600-\u06ff ]+$/);
      expect(zone.population).toBeGreaterThan(0);
      expect(zone.shape).toMatchObject({ type: 'Polygon' });
    }
  });

  it('publishes the twelve past months in order, each with its entry in the transparency log', async () => {
    const publications = await queryRows<{ period: string; audit_seq: number; zone_count: number }>(
      db(),
      sql`select period, audit_seq, zone_count from zone_publications order by audit_seq`,
    );
    expect(publications.map((p) => p.period)).toEqual(PUBLISHED);
    expect(publications.every((p) => p.zone_count === 163)).toBe(true);
    const entries = await queryRows<{ seq: number; subject: string }>(
      db(),
      sql`select seq, subject from audit_entries where event_type = 'zones.period_published' order by seq`,
    );
    expect(entries.map((e) => Number(e.seq))).toEqual(publications.map((p) => Number(p.audit_seq)));
    const assessedNow = await queryRows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from zone_assessments where period = ${CURRENT}`,
    );
    expect(assessedNow[0]!.n).toBe(163);
    expect(PUBLISHED).not.toContain(CURRENT);
    expect((await verifyLog(db())).ok).toBe(true);
  });

  it('shows mostly conditionally conducive zones, and a few remote ones with insufficient data', async () => {
    const all = await publishedClasses();
    for (const period of PUBLISHED) {
      const month = all.filter((c) => c.period === period);
      const conditional = month.filter((c) => c.class === 'conditionally_conducive').length;
      expect(conditional / month.length).toBeGreaterThan(0.6);
      for (const pcode of DEMO_ZONE_STORY.remote) {
        expect(month.find((c) => c.pcode === pcode)?.class).toBe('insufficient_data');
      }
    }
  });

  it('keeps the zone with mines on its return routes not conducive in every month, for that hard red', async () => {
    const history = await publishedClasses(DEMO_ZONE_STORY.hardRed);
    expect(history.map((c) => c.period)).toEqual(PUBLISHED);
    for (const month of history) {
      expect(month.class).toBe('not_conducive');
      expect(month.classification.deciding).toContainEqual({
        kind: 'hard_red',
        criterion: 'safety_and_security',
        indicators: ['mines_uxo_on_routes'],
      });
      // Nothing else is wrong there: the hard red alone decides.
      const others = month.classification.criteria.flatMap((c) =>
        c.indicators.filter((i) => i.indicator !== 'mines_uxo_on_routes' && i.status !== 'green'),
      );
      expect(others).toEqual([]);
    }
  });

  it('shows the deteriorating zone conducive earlier and not conducive in the latest published month', async () => {
    const history = await publishedClasses(DEMO_ZONE_STORY.deteriorating);
    expect(history).toHaveLength(12);
    expect(['conducive', 'conditionally_conducive']).toContain(history[0]!.class);
    expect(history.slice(0, 9).every((c) => c.class === 'conducive')).toBe(true);
    const latest = history.at(-1)!;
    expect(latest.period).toBe(PUBLISHED.at(-1));
    expect(latest.class).toBe('not_conducive');
    expect(latest.classification.deciding).toContainEqual(
      expect.objectContaining({ kind: 'criterion_red', criterion: 'safety_and_security' }),
    );
  });

  it('shows the improving district going from not conducive to conducive', async () => {
    const { improving } = result.zones.story;
    expect(improving.length).toBeGreaterThanOrEqual(4);
    expect(improving.every((pcode) => pcode.startsWith(DEMO_ZONE_STORY.improvingDistrict))).toBe(true);
    for (const pcode of improving) {
      const history = await publishedClasses(pcode);
      expect(history[0]!.class).toBe('not_conducive');
      expect(history.at(-1)!.class).toBe('conducive');
      // Never worse than the month before.
      for (let m = 1; m < history.length; m++) {
        expect(ZONE_CLASS_RANK[history[m]!.class]).toBeGreaterThanOrEqual(ZONE_CLASS_RANK[history[m - 1]!.class]);
      }
    }
  });

  it('leaves work in the verification queue, so the current month cannot be published yet', async () => {
    expect(result.zones.awaitingVerification).toBeGreaterThan(0);
    const verifierAccount = DEMO_ACCOUNTS.find((a) => a.role === 'verifier')!;
    const verifier = await signIn(env.app, { ...verifierAccount, password: DEMO_PASSWORD });
    const queue = await verifier.request({ method: 'GET', url: `/api/v1/observations?queue=verify&period=${CURRENT}` });
    expect(queue.statusCode).toBe(200);
    expect(queue.json().total).toBe(result.zones.awaitingVerification);
    expect(queue.json().items.every((o: { period: string }) => o.period === CURRENT)).toBe(true);

    const coordinatorAccount = DEMO_ACCOUNTS.find((a) => a.role === 'coordinator')!;
    const coordinator = await signIn(env.app, { ...coordinatorAccount, password: DEMO_PASSWORD });
    const refused = await coordinator.request({
      method: 'POST',
      url: '/api/v1/publications',
      payload: { period: CURRENT },
    });
    expect(refused.statusCode).toBe(409);
  });

  it('records sources, methods and the verifier’s decisions: confirmations, a few rejections with a reason', async () => {
    const decisions = await queryRows<{ decision: string; n: number; reasons: number }>(
      db(),
      sql`select decision, count(*)::int as n, count(reason)::int as reasons from zone_verifications group by decision`,
    );
    const byDecision = Object.fromEntries(decisions.map((d) => [d.decision, d]));
    expect(byDecision.confirm!.n).toBeGreaterThan(5000);
    expect(byDecision.reject!.n).toBeGreaterThanOrEqual(5);
    expect(byDecision.reject!.reasons).toBe(byDecision.reject!.n);
    expect(byDecision.request_evidence!.reasons).toBe(byDecision.request_evidence!.n);
    const statuses = await queryRows<{ status: string; n: number }>(
      db(),
      sql`select o.status, count(*)::int as n from zone_observations o
        where not exists (select 1 from zone_verifications v where v.observation_id = o.id) group by o.status`,
    );
    // Only what waits for a verifier has no decision.
    expect(statuses).toEqual([{ status: 'pending', n: result.zones.awaitingVerification }]);
    const sources = await queryRows<{ organisations: number; sources: number; blank: number }>(
      db(),
      sql`select count(distinct organisation_id)::int as organisations, count(distinct source)::int as sources,
        count(*) filter (where method = '')::int as blank from zone_observations`,
    );
    expect(sources[0]).toEqual({ organisations: 3, sources: 4, blank: 0 });
    const verified = await queryRows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from audit_entries where event_type = 'zones.observation_verified'`,
    );
    const rows = await queryRows<{ n: number }>(db(), sql`select count(*)::int as n from zone_verifications`);
    expect(verified[0]!.n).toBe(rows[0]!.n);
  });

  it('observes the preconditions once for the state, and every zone inherits them', async () => {
    const state = await queryRows<{ indicator: string; pcode: string }>(
      db(),
      sql`select distinct indicator, pcode from zone_observations
        where indicator in ('tripartite_agreement', 'monitor_access', 'amnesty_in_force')`,
    );
    expect(new Set(state.map((row) => row.pcode))).toEqual(new Set(['QM']));
    const [latest] = await publishedClasses(result.zones.story.improving[0]);
    const preconditions = latest!.classification.criteria.find((c) => c.criterion === 'process_preconditions');
    expect(preconditions?.indicators.find((i) => i.indicator === 'tripartite_agreement')?.status).toBe('green');
  });

  it('prints a line on the zones, and keeps --json as it was with a zones field beside the accounts', () => {
    expect(zonesLine(result.zones)).toBe(
      `Return zones: 200 zones of Marenland (163 locations classified), ${result.zones.observations.toLocaleString('en')} observations, ` +
        `12 months published (2025-03 to 2026-02); 2026-03 assessed, not published: ` +
        `${result.zones.awaitingVerification.toLocaleString('en')} observations wait for a verifier.`,
    );
    const json = JSON.parse(JSON.stringify(demoJson('small', result)));
    expect(Object.keys(json)).toEqual(['scale', 'accounts', 'zones', 'cases', 'samples', 'gateway', 'receipts']);
    expect(json.accounts).toHaveLength(DEMO_ACCOUNTS.length);
    expect(json.zones.story).toMatchObject({
      hardRed: DEMO_ZONE_STORY.hardRed,
      deteriorating: DEMO_ZONE_STORY.deteriorating,
      remote: DEMO_ZONE_STORY.remote,
    });
  });

  it('loads once: a second load changes nothing', async () => {
    const before = await tableCounts();
    const again = await loadDemo(db(), env.app.platform.keyring, 'small', { now: NOW });
    expect(again.accountsCreated).toBe(0);
    expect(again.zones.observationsCreated).toBe(false);
    expect(await tableCounts()).toEqual(before);
  });

  it('adds nothing when loaded again in a later month: the months it does not cover are left alone', async () => {
    const before = await tableCounts();
    const later = await loadDemo(db(), env.app.platform.keyring, 'small', { now: new Date('2026-05-02T08:00:00Z') });
    expect(later.zones.published).toEqual(PUBLISHED);
    expect(await tableCounts()).toEqual(before);
  });
});

describe('the demo returnee cases', () => {
  const cases = () => demoJson('small', result).cases!;

  it('registers about 2,000 households at every stage, from a first registration to an arrival home', async () => {
    expect(cases().households).toBeGreaterThan(1900);
    expect(cases().households).toBeLessThan(2100);
    for (const stage of [
      'registered',
      'counselling',
      'declared',
      'eligible',
      'not_eligible',
      'departure_scheduled',
      'departed',
      'arrived',
      'withdrawn',
    ] as const) {
      expect(cases().stages[stage], stage).toBeGreaterThan(0);
    }
    const states = await queryRows<{ asylum_state_code: string }>(
      db(),
      sql`select distinct asylum_state_code from case_households order by 1`,
    );
    expect(states.map((row) => row.asylum_state_code)).toEqual(['QO', 'QT']);
    expect(casesLine(cases())).toMatch(/^Returnee cases: 2,0\d\d households \([\d,]+ people\): /);
  });

  it('lets no household with a departure ahead go to a zone the guard refuses', async () => {
    const scheduled = await queryRows<{ id: string }>(
      db(),
      sql`select h.id from case_households h join case_movement_households m on m.household_id = h.id
        where h.stage in ('eligible', 'departure_scheduled') and m.status = 'planned'`,
    );
    expect(scheduled.length).toBeGreaterThan(50);
    for (const { id } of scheduled) {
      const rows = await evaluateEligibility(db(), id, { freshMonths: 3, now: NOW });
      expect(rows.filter((row) => !row.passed)).toEqual([]);
    }
  });

  it('keeps the convoy to the deteriorating zone suspended, and its case officers told why', async () => {
    const suspended = await queryRows<{ reason: string; detail: { pcode: string; from: string; to: string } }>(
      db(),
      sql`select suspended_reason as reason, suspended_detail as detail from case_movements where status = 'suspended'`,
    );
    expect(suspended).toHaveLength(1);
    expect(suspended[0]).toMatchObject({
      reason: 'zone_downgraded',
      detail: { pcode: DEMO_ZONE_STORY.deteriorating, from: 'conducive' },
    });
    const [notices] = await queryRows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from case_notices where kind = 'movement_suspended' and read_at is null`,
    );
    expect(notices!.n).toBeGreaterThan(5);
  });

  it('has appeals reviewed by another organisation than the one that decided, withdrawals and an open coercion flag', async () => {
    const [appeals] = await queryRows<{ all: number; other: number; decided: number }>(
      db(),
      sql`select count(*)::int as all,
          count(*) filter (where a.reviewer_organisation_id <> d.organisation_id)::int as other,
          count(*) filter (where a.status = 'decided')::int as decided
        from case_appeals a join case_decisions d on d.id = a.decision_id`,
    );
    expect(appeals!.all).toBeGreaterThan(5);
    expect(appeals!.other).toBe(appeals!.all);
    expect(appeals!.decided).toBeGreaterThan(0);
    const [flags] = await queryRows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from case_protection_flags
        where status = 'open' and 'family_decides_for_adult' = any(indicators)`,
    );
    expect(flags!.n).toBeGreaterThan(0);
    expect(cases().stages.withdrawn).toBeGreaterThan(50);
  });

  it('prints sample households that are found by name, document and phone, and whose slip code checks out', async () => {
    const { samples } = demoJson('small', result);
    expect(samples.length).toBeGreaterThanOrEqual(3);
    const keyring = env.app.platform.keyring;
    for (const sample of samples) {
      const [household] = await queryRows<{ id: string; status_code_hash: string; stage: string }>(
        db(),
        sql`select id, status_code_hash, stage from case_households where reference = ${sample.reference}`,
      );
      expect(household?.stage).toBe(sample.stage);
      expect(
        await verifyStatusCode(db(), keyring, sample.reference, sample.statusCode, household!.status_code_hash),
      ).toBe(true);
      const found = async (kind: 'name' | 'document' | 'phone', value: string) =>
        (
          await queryRows<{ household_id: string }>(
            db(),
            sql`select household_id from case_person_indexes
              where kind = ${kind} and value = ${await indexValue(db(), keyring, kind, value)}`,
          )
        ).map((row) => row.household_id);
      expect(await found('name', sample.name)).toContain(household!.id);
      expect(await found('phone', phoneForIndex(sample.phone!))).toContain(household!.id);
      const kinds = ['refugee_id', 'national_id', 'birth_certificate'] as const;
      const byDocument = await Promise.all(
        kinds.map((kind) => found('document', documentForIndex(kind, sample.documentNumber!))),
      );
      expect(byDocument.flat()).toContain(household!.id);
    }
    expect(fullName({ given: 'A', family: 'C', other: 'B' })).toBe('A B C');
  });

  it('opens every part of the household page for the case worker, whatever the household went through', async () => {
    const account = DEMO_ACCOUNTS.find((a) => a.role === 'case_worker')!;
    const worker = await signIn(env.app, { ...account, password: DEMO_PASSWORD });
    const { samples } = demoJson('small', result);
    // The samples, and households with each kind of encrypted free text the demo writes.
    const ids = await queryRows<{ id: string }>(
      db(),
      sql`select id from case_households where reference in ${samples.map((sample) => sample.reference)}
        union select household_id from case_appeals where outcome is not null
        union select household_id from case_protection_flags where resolution_enc is not null
        union select household_id from case_conditions_addressed
        union (select household_id from case_decisions where rationale_enc is not null and kind = 'eligibility' limit 1)
        union (select household_id from case_counselling_sessions s join case_voluntariness_files f on f.id = s.file_id
          where s.notes_enc is not null limit 1)`,
    );
    expect(ids.length).toBeGreaterThan(samples.length);
    const parts = ['', '/voluntariness', '/eligibility', '/decisions', '/appeals', '/movements'];
    for (const { id } of ids) {
      for (const part of parts) {
        const response = await worker.request({ method: 'GET', url: `/api/v1/cases/households/${id}${part}` });
        expect(response.statusCode, `${part || 'household'} of ${id}: ${response.body}`).toBe(200);
      }
    }
  });

  it('keeps no sample name, document number or phone readable in any table', async () => {
    const { samples } = demoJson('small', result);
    const tables = await queryRows<{ table_name: string }>(
      db(),
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    );
    const needles = samples.flatMap((sample) => [
      sample.name,
      sample.documentNumber!,
      sample.phone!,
      sample.statusCode,
    ]);
    for (const { table_name } of tables) {
      const rows = await queryRows<{ row: string }>(
        db(),
        sql`select t::text as row from ${sql.identifier(table_name)} t`,
      );
      const text = rows.map((row) => row.row).join('\n');
      for (const needle of needles) expect(text.includes(needle), `${needle} in ${table_name}`).toBe(false);
    }
  });

  it('keeps no sample name, document number or phone readable in the database files or a backup', async () => {
    const { samples } = demoJson('small', result);
    const needles = samples.flatMap((sample) => [sample.name, sample.documentNumber!, sample.phone!]);
    const unreadable = (bytes: Buffer, where: string) => {
      for (const needle of needles) expect(bytes.includes(Buffer.from(needle)), `${needle} in ${where}`).toBe(false);
    };
    // The stored files themselves, as the embedded engine writes them (PostgreSQL's are the server's own).
    const pglite = env.database.pglite;
    if (pglite) {
      await pglite.exec('checkpoint');
      const files = Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer());
      // What is stored in clear is found, so what is not found is not there: the case reference is in clear.
      expect(files.includes(Buffer.from(samples[0]!.reference))).toBe(true);
      unreadable(files, 'the database files');
    }
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-backup-')), 'demo.backup');
    await writeBackup(db(), file, env.app.platform.keyring.masterKeyId);
    const backup = gunzipSync(fs.readFileSync(file));
    expect(backup.includes(Buffer.from(samples[0]!.reference))).toBe(true);
    unreadable(backup, 'the backup');
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    // Dumping the whole embedded database and writing a full backup: slow on a loaded 2-core machine.
  }, 90_000);
});

// Last: it changes what the verifier's queue holds.
describe('the demo field teams', () => {
  it('gives every organisation whose values wait for a verifier a field monitor, who can answer a request for evidence', async () => {
    const waiting = await queryRows<{ name: string }>(
      db(),
      sql`select distinct o.name from zone_observations z join organisations o on o.id = z.organisation_id
        where z.status in ('pending', 'more_evidence') order by o.name`,
    );
    const names = new Map(result.accounts.map((a) => [a.key, a.organisationName]));
    const withMonitor = new Set(result.accounts.filter((a) => a.role === 'field_monitor').map((a) => names.get(a.key)));
    expect(waiting.length).toBeGreaterThanOrEqual(2);
    for (const { name } of waiting) expect(withMonitor, name).toContain(name);

    // The UN agency's values wait in the queue; a verifier asks for evidence on one, and its field monitor
    // finds the request on their home and answers it.
    const unMonitor = result.accounts.find((a) => a.key === 'field_monitor_un')!;
    expect(unMonitor).toMatchObject({ role: 'field_monitor', email: 'field-monitor-un@demo.homeward.example' });
    const verifier = await signIn(env.app, {
      ...DEMO_ACCOUNTS.find((a) => a.role === 'verifier')!,
      password: DEMO_PASSWORD,
    });
    const queue = (
      await verifier.request({ method: 'GET', url: `/api/v1/observations?queue=verify&limit=500` })
    ).json() as { items: { id: string; organisation: { name: string } }[] };
    const unValue = queue.items.find((o) => o.organisation.name === unMonitor.organisationName);
    expect(unValue, 'a UN value waits for the verifier').toBeDefined();
    const asked = await verifier.request({
      method: 'POST',
      url: `/api/v1/observations/${unValue!.id}/verification`,
      payload: { decision: 'request_evidence', reason: 'Attach the survey’s sampling sheet.' },
    });
    expect(asked.statusCode).toBe(200);
    const monitor = await signIn(env.app, { ...unMonitor, password: DEMO_PASSWORD });
    const work = (await monitor.request({ method: 'GET', url: '/api/v1/me/work' })).json() as {
      items: { kind: string; count: number; entries: { reason: string | null }[] }[];
    };
    const requested = work.items.find((i) => i.kind === 'zones.evidence_requested')!;
    expect(requested.count).toBe(1);
    expect(requested.entries[0]!.reason).toBe('Attach the survey’s sampling sheet.');
    const answered = await monitor.request({
      method: 'POST',
      url: `/api/v1/observations/${unValue!.id}/evidence`,
      payload: { evidenceNotes: 'Sampling sheet: 120 households drawn from the council’s list.' },
    });
    expect(answered.statusCode).toBe(200);
    expect(answered.json().status).toBe('pending');
  });
});

describe('the demo community gateway', () => {
  const gateway = () => result.modules.gateway as DemoGatewaySummary;

  it('holds several hundred submissions of every kind and channel, some anonymous, with replies', () => {
    const summary = gateway();
    expect(summary.submissions).toBeGreaterThanOrEqual(300);
    for (const kind of ['concern', 'protection_request', 'complaint', 'appeal']) {
      expect(summary.byKind[kind], kind).toBeGreaterThan(10);
    }
    expect(summary.byChannel.sms).toBeGreaterThan(30);
    expect(summary.byChannel.web).toBeGreaterThan(100);
    expect(summary.anonymous).toBeGreaterThan(50);
    expect(summary.replies).toBeGreaterThan(50);
    expect(gatewayLine(summary)).toMatch(
      /^Community gateway: \d+ submissions \(.*by SMS.*anonymous\), \d+ replies, \d+ incidents\.$/,
    );
  });

  it('turns the cluster of complaints about one crossing into an incident, referred and sanctioned', async () => {
    const [incident] = await queryRows<{ accountability: string; verification: string; linked: number; code: string }>(
      db(),
      sql`select i.accountability, i.verification, p.code,
        (select count(*)::int from gateway_incident_submissions l where l.incident_id = i.id) as linked
        from gateway_incidents i join case_transit_points p on p.id = i.transit_point_id
        where i.type = 'extortion'`,
    );
    expect(incident).toMatchObject({ accountability: 'sanctioned', verification: 'verified', code: 'tp-qt-border' });
    expect(incident!.linked).toBeGreaterThanOrEqual(10);
    const [complaints] = await queryRows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from gateway_submissions s join case_transit_points p on p.id = s.transit_point_id
        where p.code = 'tp-qt-border' and s.kind = 'complaint'`,
    );
    expect(complaints!.n).toBeGreaterThanOrEqual(10);
  });

  it('sends sensitive items only to the organisation with protection officers', async () => {
    const rows = await queryRows<{ organisation: string; n: number }>(
      db(),
      sql`select o.name as organisation, count(*)::int as n from gateway_submissions s
        join organisations o on o.id = s.organisation_id where s.sensitive group by o.name`,
    );
    expect(rows.map((row) => row.organisation)).toEqual(['Maren Operation of the UN Refugee Agency']);
  });

  it('prints receipt codes that open their submission, with its reply, on the public receipt route', async () => {
    const samples = gateway().samples;
    expect(samples.length).toBeGreaterThanOrEqual(3);
    for (const sample of samples) {
      const response = await env.app.inject({
        method: 'POST',
        url: '/api/v1/public/gateway/receipts/status',
        payload: { code: sample.receiptCode },
      });
      expect(response.statusCode, sample.receiptCode).toBe(200);
      expect(response.json()).toMatchObject({ kind: sample.kind, status: sample.status });
      if (sample.status === 'responded') {
        expect(response.json().messages).toContainEqual(expect.objectContaining({ from: 'staff' }));
      }
    }
  });

  it('opens every demo item for those who handle it, and the demo incidents for the protection officer', async () => {
    const signInAs = (role: string) => {
      const account = DEMO_ACCOUNTS.find((a) => a.role === role)!;
      return signIn(env.app, { ...account, password: DEMO_PASSWORD });
    };
    const coordinator = await signInAs('coordinator');
    const officer = await signInAs('protection_officer');
    for (const client of [coordinator, officer]) {
      const inbox = await client.request({ method: 'GET', url: '/api/v1/gateway/submissions?status=open' });
      expect(inbox.statusCode).toBe(200);
      const { items } = inbox.json() as { items: { id: string }[] };
      expect(items.length).toBeGreaterThan(5);
      for (const item of items.slice(0, 15)) {
        const opened = await client.request({ method: 'GET', url: `/api/v1/gateway/submissions/${item.id}` });
        expect(opened.statusCode, item.id).toBe(200);
      }
    }
    // The UN agency's sensitive items: listed to its protection officer, counted only for its case worker.
    const sensitive = await officer.request({ method: 'GET', url: '/api/v1/gateway/submissions?status=open' });
    expect((sensitive.json() as { items: { sensitive: boolean }[] }).items.some((item) => item.sensitive)).toBe(true);
    const worker = await signInAs('case_worker');
    const hidden = await worker.request({ method: 'GET', url: '/api/v1/gateway/submissions' });
    expect((hidden.json() as { sensitiveHidden: number }).sensitiveHidden).toBeGreaterThan(0);
    const incidents = await officer.request({ method: 'GET', url: '/api/v1/gateway/incidents' });
    expect(incidents.statusCode).toBe(200);
    const listed = (incidents.json() as { items: { id: string }[] }).items;
    expect(listed.length).toBeGreaterThanOrEqual(3);
    for (const incident of listed) {
      const opened = await officer.request({ method: 'GET', url: `/api/v1/gateway/incidents/${incident.id}` });
      expect(opened.statusCode, incident.id).toBe(200);
    }
  });

  it('keeps no receipt code, submission text or phone number readable in any table', async () => {
    const dump = JSON.stringify(
      await queryRows(
        db(),
        sql`select * from gateway_submissions s left join gateway_messages m on m.submission_id = s.id`,
      ),
    );
    for (const sample of gateway().samples) expect(dump).not.toContain(sample.receiptCode.replaceAll(' ', ''));
    expect(dump).not.toContain('+964');
    expect(dump).not.toContain('الحراس');
  });
});

describe('the demo forum', () => {
  const get = async (url: string) => (await env.app.inject({ method: 'GET', url })).json();

  it('holds a tripartite commission every quarter, hearing the network, with minutes approved by its members', async () => {
    const meetings = (await get('/api/v1/public/forum/meetings')).items as {
      id: string;
      body: { code: string };
      civilSocietySeats: number;
      status: string;
    }[];
    const commission = meetings.filter((meeting) => meeting.body.code === 'tripartite-qm-qt');
    expect(commission).toHaveLength(4);
    expect(commission.every((meeting) => meeting.civilSocietySeats === 1)).toBe(true);
    expect(commission.map((meeting) => meeting.status)).toEqual([
      'held',
      'minutes_approved',
      'minutes_approved',
      'minutes_approved',
    ]);
    const first = await get(`/api/v1/public/forum/meetings/${commission.at(-1)!.id}`);
    expect(first.agenda[0].heard.map((o: { name: string }) => o.name)).toEqual(['Homecoming Rights Network']);
    expect(first.agenda[0].positions[0].treatment).toBe('adopted');
    // The monitors' members-only notes are counted, never shown.
    expect(first.agenda[1]).toMatchObject({ positions: [], membersOnly: 1 });
  });

  it('tracks the documents commitment from broken and flagged to kept late, with the assessments', async () => {
    const commitments = (await get('/api/v1/public/forum/commitments')).items as {
      id: string;
      text: string;
      status: string;
      keptOnTime: boolean | null;
      overdue: boolean;
    }[];
    const documents = commitments.find((c) => c.text.startsWith('Marenland issues replacement civil documents'))!;
    expect(documents).toMatchObject({ status: 'kept', keptOnTime: false });
    const history = (await get(`/api/v1/public/forum/commitments/${documents.id}`)).history as {
      kind: string;
      rating?: string;
    }[];
    expect(history.filter((entry) => entry.kind === 'assessment').map((entry) => entry.rating)).toEqual([
      'on_track',
      'off_track',
      'broken',
      'kept',
    ]);
    // Overdue counts from today's date, after the demo's own: the registry figures were due ten days before it.
    expect(commitments.find((c) => c.text.startsWith('Marenland publishes'))?.overdue).toBe(true);
    const flags = (await get('/api/v1/public/forum/flags')).items as {
      subjectKind: string;
      subjectRef: string;
      answer: string | null;
      overdue: boolean;
    }[];
    expect(flags.find((flag) => flag.subjectRef === documents.id)?.answer).toMatch(/mobile registry teams/);
    expect(flags.some((flag) => flag.overdue)).toBe(true);
  });

  it('answers the flag on the deteriorating zone’s class with its downgrade, publishes the consulted criteria revision, and consults on the next', async () => {
    const flags = (await get(`/api/v1/public/forum/flags?pcode=${DEMO_ZONE_STORY.deteriorating}`)).items as {
      answer: string | null;
    }[];
    expect(flags).toHaveLength(1);
    expect(flags[0]!.answer).toMatch(/reclassified/);
    expect((await get(`/api/v1/public/forum/zones/${DEMO_ZONE_STORY.deteriorating}/challenge`)).underChallenge).toBe(
      false,
    );
    const consultations = (await get('/api/v1/public/forum/consultations')).items as {
      id: string;
      closesAt: string;
      status: string;
      comments: number;
      unanswered: number;
    }[];
    // Newest first: the 2027 draft, opened six days before the demo's day for 28 days (open or closed by now,
    // its two comments unanswered either way), then the 2026 revision, concluded.
    const next = consultations[0]!;
    expect(Date.parse(next.closesAt) - NOW.getTime()).toBeGreaterThan(21 * 86_400_000);
    expect(consultations).toMatchObject([
      { status: Date.now() < Date.parse(next.closesAt) ? 'open' : 'closed', comments: 2, unanswered: 2 },
      { status: 'concluded', comments: 5, unanswered: 0 },
    ]);
    const open = await get(`/api/v1/public/forum/consultations/${consultations[0]!.id}`);
    expect(open.commentList).toEqual([]);
    expect(open.targets.length).toBeGreaterThan(1);
    const consultation = await get(`/api/v1/public/forum/consultations/${consultations[1]!.id}`);
    expect(consultation.commentList.map((c: { language: string }) => c.language).sort()).toEqual([
      'ar',
      'en',
      'en',
      'en',
      'fr',
    ]);
    const timeline = (await get('/api/v1/public/timeline?limit=100')).items as { kind: string; action: string }[];
    for (const kind of [
      'meeting.held',
      'decision.decided',
      'commitment.kept',
      'flag.answered',
      'consultation.concluded',
      'framework_version.published',
    ]) {
      expect(timeline.map((entry) => `${entry.kind}.${entry.action}`)).toContain(kind);
    }
    // The deteriorating zone's downgrade is on the timeline of its zone, from its class before to its class after.
    const zone = (await get(`/api/v1/public/timeline?zone=${DEMO_ZONE_STORY.deteriorating}&kind=zone_class_change`))
      .items as { pcode: string; link: string; params: { from: string; to: string } }[];
    expect(zone.length).toBeGreaterThan(0);
    expect(zone[0]).toMatchObject({
      pcode: DEMO_ZONE_STORY.deteriorating,
      link: `/zones/${DEMO_ZONE_STORY.deteriorating}`,
    });
    expect(zone[0]!.params.from).not.toBe(zone[0]!.params.to);
  });
});
