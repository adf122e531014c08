import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { count, eq } from 'drizzle-orm';
import { insertTestInstrument } from '../src/server/outcomes/response-imports-test-support.ts';
import { outcomeResponses } from '../src/server/outcomes/tables.ts';
import { organisations } from '../src/server/platform/accounts/schema.ts';
import { openKeyring } from '../src/server/platform/crypto/keyring.ts';
import { openDatabase } from '../src/server/platform/db/client.ts';
import { newId } from '../src/server/platform/db/columns.ts';
import { upsertZones } from '../src/server/zones/gazetteer.ts';
import { answersOf, benchForm, headersOf, submissionIdOf } from './support/outcome-answers.ts';
import type { Scenario } from './types.ts';

/**
 * Outcome monitoring. Import: a region's resident comparison survey, HOMEWARD_BENCH_OUTCOME_HOUSEHOLDS households
 * (100,000 by default) answered in four rounds, each round a KoboToolbox CSV (`;`, group paths, every value
 * quoted), about 80 answers a row, imported through the import service (reading, checking, zone look-up,
 * duplicates, stored ids, sealing, indicators and scores, 1,000-row inserts, audit entry) in a child process.
 * The limit: the same answer sets, sealed the same way (JSON, AES-GCM envelope) with their indicators and scores,
 * inserted in 1,000-row statements into the same table in one transaction: the plainest way to store the rows,
 * without reading a file or checking anything.
 */
const seconds = (since: number) => (performance.now() - since) / 1000;
const MB = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;
const ROUNDS = [1, 3, 6, 12] as const;
const households = () => Number(process.env.HOMEWARD_BENCH_OUTCOME_HOUSEHOLDS ?? 100_000);
const MASTER_KEY = Buffer.alloc(32, 9).toString('base64');

const quoted = (value: unknown) => `"${String(value).replaceAll('"', '""')}"`;

/** A round's answers as KoboToolbox's default CSV export writes them. */
async function writeKoboCsv(file: string, round: number, n: number): Promise<void> {
  const columns = headersOf(benchForm());
  const meta = ['start', 'end', 'today', 'deviceid'];
  const tail = [
    '_id',
    '_uuid',
    '_submission_time',
    '_validation_status',
    '_status',
    '_submitted_by',
    '__version__',
    '_index',
  ];
  const out = fs.createWriteStream(file);
  const write = (text: string) =>
    out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve()));
  await write(`${[...meta, ...columns.map((c) => c.header), ...tail].map(quoted).join(';')}\r\n`);
  let lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const answers = answersOf(i, round);
    const day = `2026-${String(1 + (round % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const cells = [`${day}T09:00:00.000+03:00`, `${day}T09:40:00.000+03:00`, day, 'collect:bench'];
    for (const { name } of columns) {
      const value = answers[name];
      cells.push(value === undefined || value === null ? '' : Array.isArray(value) ? value.join(' ') : String(value));
    }
    cells.push(
      String(i + 1),
      submissionIdOf(i, round),
      `${day}T10:00:00`,
      '',
      'submitted_via_web',
      'enum',
      'vBench',
      String(i + 1),
    );
    lines.push(cells.map(quoted).join(';'));
    if (lines.length === 5000) {
      await write(`${lines.join('\r\n')}\r\n`);
      lines = [];
    }
  }
  if (lines.length > 0) await write(`${lines.join('\r\n')}\r\n`);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

function runChild(
  args: string[],
): Promise<{ seconds: number; results: { created: number }[]; rssBefore: number; maxRssKb: number }> {
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, HOMEWARD_MASTER_KEY: MASTER_KEY, HOMEWARD_LOG_LEVEL: 'silent' },
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`${path.basename(args[0] ?? '')} exited ${code}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').at(-1) ?? ''));
      } catch (error) {
        reject(error);
      }
    });
  });
}

const importScenario: Scenario = {
  name: 'outcomes: import resident answers from KoboToolbox CSV (households × 4 rounds)',
  async run() {
    const n = households();
    const total = n * ROUNDS.length;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-bench-outcomes-'));
    try {
      let handle = await openDatabase({ dataDir });
      const keyring = await openKeyring({ dataDir, masterKey: MASTER_KEY });
      const importing = newId();
      const bare = newId();
      let instrumentId = '';
      try {
        await handle.migrate();
        await keyring.prepare(handle.db);
        await upsertZones(handle.db, [
          { pcode: 'QM', parentPcode: null, level: 'state', names: { en: 'Marenland' }, population: null },
          { pcode: 'QM01', parentPcode: 'QM', level: 'admin1', names: { en: 'North' }, population: null },
          { pcode: 'QM0101', parentPcode: 'QM01', level: 'admin2', names: { en: 'Alder' }, population: 12000 },
          { pcode: 'QM0102', parentPcode: 'QM01', level: 'admin2', names: { en: 'Birch' }, population: 9000 },
          { pcode: 'QM02', parentPcode: 'QM', level: 'admin1', names: { en: 'South' }, population: null },
          { pcode: 'QM0201', parentPcode: 'QM02', level: 'admin2', names: { en: 'Cedar' }, population: 7000 },
        ]);
        await handle.db.insert(organisations).values([
          { id: importing, name: 'Bench survey partner', kind: 'civil_society', homeState: 'QM' },
          { id: bare, name: 'Bench bare insert', kind: 'civil_society', homeState: 'QM' },
        ]);
        instrumentId = await insertTestInstrument(handle.db, benchForm());
      } finally {
        await handle.close();
      }
      // The limit first, so that the import meets the larger table; each in a process of its own.
      const limitChild = await runChild([
        fileURLToPath(new URL('./support/bare-responses.ts', import.meta.url)),
        dataDir,
        instrumentId,
        bare,
        String(n),
      ]);
      const bareSeconds = limitChild.seconds;
      const writing = performance.now();
      const files = ROUNDS.map((round) => path.join(dataDir, `answers-round-${round}.csv`));
      for (const [k, round] of ROUNDS.entries()) await writeKoboCsv(files[k]!, round, n);
      const csvSeconds = seconds(writing);
      const csvBytes = files.reduce((sum, file) => sum + fs.statSync(file).size, 0);
      const child = await runChild([
        fileURLToPath(new URL('./support/import-responses.ts', import.meta.url)),
        dataDir,
        importing,
        ...files.map((file, k) => `${file}@${ROUNDS[k]}`),
      ]);
      const created = child.results.reduce((sum, r) => sum + r.created, 0);
      if (created !== total) throw new Error(`the import created ${created} of ${total} answer sets`);
      handle = await openDatabase({ dataDir });
      try {
        const [stored] = await handle.db
          .select({ n: count() })
          .from(outcomeResponses)
          .where(eq(outcomeResponses.organisationId, importing));
        if (stored?.n !== total) throw new Error(`${stored?.n} imported answer sets stored, not ${total}`);
      } finally {
        await handle.close();
      }
      const figure = total / child.seconds;
      const limit = total / bareSeconds;
      const answersPerRow = Object.keys(answersOf(1, 1)).length;
      return {
        figure,
        limit,
        unit: 'rows/s',
        higherIsBetter: true,
        target: '≥ 50 % of limit',
        met: figure >= 0.5 * limit,
        notes:
          `${n.toLocaleString('en')} households × 4 rounds = ${total.toLocaleString('en')} answer sets of about ` +
          `${answersPerRow} answers (bench instrument: the default questions and 40 more); importResponseFile ` +
          `${child.seconds.toFixed(0)} s for four ${MB(csvBytes / 4)} Kobo CSVs (written in ${csvSeconds.toFixed(0)} s), ` +
          `bare sealed 1,000-row inserts ${bareSeconds.toFixed(0)} s (both in child processes); import peak RSS ${MB(child.maxRssKb * 1024)} ` +
          `(${MB(child.rssBefore)} with the database open)`,
      };
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

export const scenarios: Scenario[] = [importScenario];
