import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { forumTimelineCursor } from '../src/server/forum/tables.ts';
import { publicTimeline } from '../src/server/forum/timeline.ts';
import { latestSeq } from '../src/server/platform/audit/entries.ts';
import { openKeyring } from '../src/server/platform/crypto/keyring.ts';
import { type DatabaseHandle, openDatabase, queryRows } from '../src/server/platform/db/client.ts';
import { TIMELINE_KINDS } from '../src/shared/forum/constants.ts';
import type { TimelineQuery } from '../src/shared/forum/schemas/timeline.ts';
import { measureRps, type RunningServer, startServer } from './support/servers.ts';
import type { Scenario } from './types.ts';

/**
 * The forum's public timeline over 100,000 events on the embedded database: the first page and a filtered page
 * (one kind in one state) as the public API reads them (publicTimeline: the projection's "anything new in the
 * log?" check, then the keyset page with its entries built), against the bare indexed SQL query of the same page
 * in the same run; and the requests per second of the Atom feed, against a bare route sending the same feed.
 */
const EVENTS = 100_000;
const PAGE = 50;
const WARM_UP = 30;
const READS = 400;
const STATES = ['QM', 'QT', 'QO'];
const BODIES = ['steering-committee', 'tripartite-qm-qt', 'tripartite-qm-qo', 'working-group-documents'];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;

/**
 * A migrated embedded database with its keys and 100,000 timeline entries over ten years: every kind, three
 * states, zones across two levels, four bodies; the projection's cursor at the log's head.
 */
async function prepare(dataDir: string): Promise<DatabaseHandle> {
  const handle = await openDatabase({ dataDir });
  await handle.migrate();
  const keyring = await openKeyring({ dataDir, masterKey: undefined });
  await keyring.prepare(handle.db);
  const kinds = sql.raw(`array[${TIMELINE_KINDS.map((kind) => `'${kind}'`).join(',')}]`);
  const states = sql.raw(`array[${STATES.map((state) => `'${state}'`).join(',')}]`);
  const bodies = sql.raw(`array[${BODIES.map((body) => `'${body}'`).join(',')}]`);
  await handle.db.execute(sql`
    insert into forum_timeline (id, occurred_at, kind, action, state_code, pcode, body_code, subject_ref, params, audit_seq)
    select gen_random_uuid(), timestamptz '2016-12-01' + (n * interval '52 minutes') + ((n * 7919) % 600) * interval '1 second',
           (${kinds})[1 + (n * 31) % ${TIMELINE_KINDS.length}],
           'recorded',
           (${states})[1 + (n * 17) % ${STATES.length}],
           'QM' || lpad(((n * 13) % 12 + 1)::text, 2, '0') || lpad(((n * 29) % 40 + 1)::text, 3, '0'),
           (${bodies})[1 + (n * 11) % ${BODIES.length}],
           gen_random_uuid()::text,
           jsonb_build_object('title', 'Entry ' || n, 'organisation', 'Organisation ' || (n % 40)),
           n
    from generate_series(1, ${EVENTS}) as n`);
  await handle.db.execute(sql`vacuum analyze forum_timeline`);
  await handle.db
    .insert(forumTimelineCursor)
    .values({ id: 1, lastSeq: await latestSeq(handle.db) })
    .onConflictDoUpdate({ target: forumTimelineCursor.id, set: { lastSeq: await latestSeq(handle.db) } });
  return handle;
}

/** The same page written by hand: the indexed keyset query, rows as the driver gives them, nothing built. */
function bareQuery(query: TimelineQuery) {
  const conditions = [
    query.kind ? sql`kind = ${query.kind}` : sql`true`,
    query.state ? sql`state_code = ${query.state}` : sql`true`,
  ];
  return sql`select * from forum_timeline where ${sql.join(conditions, sql` and `)}
    order by occurred_at desc, id desc limit ${query.limit + 1}`;
}

/** p95 of publicTimeline and of the bare query for one page, alternating the two so neither gains from the cache. */
async function timePage(handle: DatabaseHandle, query: TimelineQuery) {
  for (let n = 0; n < WARM_UP; n++) {
    await publicTimeline(handle.db, query);
    await queryRows(handle.db, bareQuery(query));
  }
  const own: number[] = [];
  const bare: number[] = [];
  let shown = 0;
  for (let n = 0; n < READS; n++) {
    let started = performance.now();
    const page = await publicTimeline(handle.db, query);
    own.push(performance.now() - started);
    started = performance.now();
    const rows = await queryRows(handle.db, bareQuery(query));
    bare.push(performance.now() - started);
    if (page.items.length !== Math.min(PAGE, rows.length)) throw new Error('the two queries gave different pages');
    shown = page.items.length;
  }
  own.sort((a, b) => a - b);
  bare.sort((a, b) => a - b);
  return { figure: percentile(own, 0.95), limit: percentile(bare, 0.95), median: own[own.length >> 1]!, shown };
}

let prepared: Promise<{ root: string; dataDir: string; handle: DatabaseHandle }> | undefined;
/** One database for every scenario, built once and removed when the run ends. */
function data() {
  prepared ??= (async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-bench-forum-'));
    process.once('exit', () => fs.rmSync(root, { recursive: true, force: true }));
    const dataDir = path.join(root, 'homeward');
    return { root, dataDir, handle: await prepare(dataDir) };
  })();
  return prepared;
}

function pageScenario(name: string, query: TimelineQuery): Scenario {
  return {
    name,
    async run() {
      const { handle } = await data();
      const { figure, limit, median, shown } = await timePage(handle, query);
      return {
        figure,
        limit,
        unit: 'ms',
        higherIsBetter: false,
        target: 'p95 < 50 ms',
        met: figure < 50,
        notes:
          `${READS} reads of ${shown} entries over ${EVENTS.toLocaleString('en')} events, median ${median.toFixed(2)} ms; ` +
          `limit: the bare indexed keyset query of the same page in the same run (p95)`,
      };
    },
  };
}

const atomScenario: Scenario = {
  name: `forum: timeline Atom feed requests/s, ${EVENTS.toLocaleString('en')} events (embedded)`,
  async run() {
    const { root, dataDir, handle } = await data();
    // The server opens the database itself: this process lets go of it first (the last scenario of the suite).
    await handle.close();
    let homeward: RunningServer | undefined;
    let bare: RunningServer | undefined;
    try {
      homeward = await startServer('homeward', {
        HOMEWARD_DATA_DIR: dataDir,
        HOMEWARD_CHECKPOINT_INTERVAL_SECONDS: '0',
      });
      const feedUrl = homeward.url.replace(/\/api\/v1\/health$/, '/timeline.atom');
      const feed = await (await fetch(feedUrl)).text();
      if (!feed.includes('<entry>')) throw new Error('the feed holds no entry');
      const feedFile = path.join(root, 'timeline.atom');
      fs.writeFileSync(feedFile, feed);
      bare = await startServer('bare', { HOMEWARD_BENCH_STATIC_ATOM: feedFile });
      const bareUrl = bare.url.replace(/\/api\/v1\/health$/, '/timeline.atom');
      const figures: number[] = [];
      const limits: number[] = [];
      for (let round = 0; round < 3; round++) {
        figures.push(await measureRps(feedUrl, { connections: 20, seconds: 3 }));
        limits.push(await measureRps(bareUrl, { connections: 20, seconds: 3 }));
      }
      const median = (values: number[]) => [...values].sort((a, b) => a - b)[1]!;
      const figure = median(figures);
      return {
        figure,
        limit: median(limits),
        unit: 'req/s',
        higherIsBetter: true,
        target: '≥ 100 req/s',
        met: figure >= 100,
        notes:
          `medians of 3 alternating 3 s rounds, 20 clients, the newest ${PAGE} entries (${Math.round(feed.length / 1024)} kB): ` +
          `${figures.map(Math.round).join(', ')} vs ${limits.map(Math.round).join(', ')} req/s; limit: a bare route sending the same feed from memory`,
      };
    } finally {
      await homeward?.stop();
      await bare?.stop();
      prepared = undefined;
    }
  },
};

export const scenarios: Scenario[] = [
  pageScenario(`forum: public timeline first page p95, ${EVENTS.toLocaleString('en')} events (embedded)`, {
    limit: PAGE,
  }),
  pageScenario(`forum: public timeline filtered page p95 (one kind, one state) (embedded)`, {
    limit: PAGE,
    kind: 'commitment',
    state: 'QT',
  }),
  atomScenario,
];
