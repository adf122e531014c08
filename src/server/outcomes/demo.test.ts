import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import type { Answers } from '../../shared/outcomes/form.ts';
import type { Dashboard } from '../../shared/outcomes/schemas/dashboards.ts';
import { caseFollowUps } from '../cases/tables.ts';
import { loadDemo } from '../demo/load.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo/region.ts';
import { DEMO_ZONE_STORY } from '../demo/story.ts';
import { signIn } from '../platform/auth/test-support.ts';
import { queryRows } from '../platform/db/client.ts';
import { type DemoOutcomesSummary, demoOutcomeStory } from './demo.ts';
import { outcomeFollowUps } from './tables.ts';

/**
 * The demo's outcome monitoring, loaded with the whole demo region on a fixed clock: follow-ups of the households
 * brought home, most done, some retried, a few lost; the thriving district's returnees better round by round, the
 * struggling ones and the downgraded zone worse; residents beside them.
 */
const NOW = new Date('2026-03-15T10:00:00Z');
const LOAD_TIMEOUT = 400_000;

let env: TestEnvironment;
let summary: DemoOutcomesSummary;
const db = () => env.database.db;

beforeAll(async () => {
  env = await createTestEnvironment();
  const result = await loadDemo(db(), env.app.platform.keyring, 'small', { now: NOW });
  summary = result.modules.outcomes as DemoOutcomesSummary;
}, LOAD_TIMEOUT);
afterAll(() => env?.close());

interface Row {
  pcode: string;
  round: number;
  population: string;
  answers_enc: string;
  composite: number | null;
}

async function responses(): Promise<(Row & { answers: Answers })[]> {
  const rows = await queryRows<Row & Record<string, unknown>>(
    db(),
    sql`select pcode, round, population, answers_enc, composite from outcome_responses`,
  );
  return Promise.all(
    rows.map(async (row) => ({
      ...row,
      answers: JSON.parse(await env.app.platform.keyring.decrypt(db(), row.answers_enc, 'outcome')) as Answers,
    })),
  );
}

/** How a household fares by its answers (food, safety, distress, staying), on 0–1. */
function index(answers: Answers): number | null {
  if (answers.consent_interview !== 'yes') return null;
  const food = 1 - Number(answers.food_days_reduced) / 7;
  const safe = ['never', 'sometimes', 'mostly', 'always'].indexOf(answers.feels_safe as string) / 3;
  const distress = ['severe', 'moderate', 'mild', 'none'].indexOf(answers.distress as string) / 3;
  return (food + safe + distress + (answers.migrate_again === 'no' ? 1 : 0)) / 4;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

function byRound<T extends { round: number }>(rows: T[], value: (row: T) => number | null): Map<number, number> {
  const groups = new Map<number, number[]>();
  for (const row of rows) {
    const v = value(row);
    if (v !== null) groups.set(row.round, [...(groups.get(row.round) ?? []), v]);
  }
  return new Map([...groups].map(([round, values]) => [round, mean(values)]));
}

describe('the demo’s outcome monitoring', () => {
  it('opens the follow-ups due: most done, some to retry, a few lost, the newest still open', () => {
    const { done = 0, retry = 0, lost = 0, due = 0, assigned = 0 } = summary.followUps;
    expect(done).toBeGreaterThan(200);
    expect(retry).toBeGreaterThan(0);
    expect(lost).toBeGreaterThan(0);
    expect(done).toBeGreaterThan(5 * (retry + lost));
    expect(due + assigned).toBeGreaterThan(0);
    expect(summary.responses.returnee).toBe(done);
    expect(summary.responses.resident).toBeGreaterThan(0);
  });

  it('has the household pages (cases) say where each opened round stands: open, done or lost', async () => {
    const rows = await queryRows<{ outcome: string; schedule: string; n: number }>(
      db(),
      sql`select f.status as outcome, c.status as schedule, count(*)::int as n
          from ${outcomeFollowUps} f join ${caseFollowUps} c on c.id = f.case_follow_up_id
          group by 1, 2 order by 1, 2`,
    );
    const expected: Record<string, string> = {
      due: 'open',
      assigned: 'open',
      retry: 'open',
      done: 'done',
      lost: 'lost',
    };
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.schedule, row.outcome).toBe(expected[row.outcome]);
  });

  it('tells the story in the answers: the thriving district rises, the struggling one and the downgraded zone fall', async () => {
    const rows = await responses();
    const returnees = rows.filter((row) => row.population === 'returnee');
    const story = demoOutcomeStory(returnees.map((row) => row.pcode));
    const [rising] = story.rising;
    const falling = story.falling.find((zone) => zone !== DEMO_ZONE_STORY.deteriorating)!;
    const up = byRound(
      returnees.filter((row) => row.pcode.startsWith(rising!)),
      (row) => index(row.answers),
    );
    const down = byRound(
      returnees.filter((row) => row.pcode.startsWith(falling)),
      (row) => index(row.answers),
    );
    const rounds = [...up.keys()].sort((a, b) => a - b);
    expect(rounds.length).toBeGreaterThanOrEqual(3);
    expect(up.get(rounds.at(-1)!)!).toBeGreaterThan(up.get(rounds[0]!)!);
    expect(down.get(rounds.at(-1)!)!).toBeLessThan(down.get(rounds[0]!)!);
    // The downgraded zone's residents are worse off in its last round than in its first.
    const downgraded = byRound(
      rows.filter((row) => row.pcode === DEMO_ZONE_STORY.deteriorating),
      (row) => index(row.answers),
    );
    expect(downgraded.get(12)!).toBeLessThan(downgraded.get(1)!);
    // Residents answer in every zone where returnees did, each round.
    const zoneRounds = new Set(returnees.map((row) => `${row.pcode} ${row.round}`));
    const residentRounds = new Set(rows.filter((r) => r.population === 'resident').map((r) => `${r.pcode} ${r.round}`));
    for (const key of zoneRounds) expect(residentRounds.has(key), key).toBe(true);
  });

  it('shows the story in the mean composite score round by round', async () => {
    const rows = (await responses()).filter((row) => row.population === 'returnee');
    const story = demoOutcomeStory(rows.map((row) => row.pcode));
    const up = byRound(
      rows.filter((row) => row.pcode.startsWith(story.rising[0]!)),
      (row) => row.composite,
    );
    const down = byRound(
      rows.filter((row) => row.pcode.startsWith(story.falling[1]!)),
      (row) => row.composite,
    );
    const rounds = [...up.keys()].sort((a, b) => a - b);
    expect(up.get(rounds.at(-1)!)!).toBeGreaterThan(up.get(rounds[0]!)!);
    expect(down.get(rounds.at(-1)!)!).toBeLessThan(down.get(rounds[0]!)!);
    expect(summary.alerts).toBeGreaterThan(0);
  });

  it('shows the dashboard with residents beside the returnees', async () => {
    const donor = DEMO_ACCOUNTS.find((account) => account.role === 'donor')!;
    const client = await signIn(env.app, {
      email: donor.email,
      password: DEMO_PASSWORD,
      totpSecret: donor.totpSecret ?? null,
    });
    const response = await client.request({ method: 'GET', url: '/api/v1/outcomes/dashboard?state=QM' });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as Dashboard;
    expect(body.rows.length).toBeGreaterThan(5);
    expect(body.rows.every((row) => row.residents.households === 12)).toBe(true);
  });

  it(
    'loads once: a second load adds nothing',
    async () => {
      const again = await loadDemo(db(), env.app.platform.keyring, 'small', { now: NOW });
      expect(again.modules.outcomes).toEqual(summary);
    },
    LOAD_TIMEOUT,
  );
});
