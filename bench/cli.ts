import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Scenario, ScenarioResult } from './types.ts';

// `npm run bench -- cli`: commands on a small file on an existing data directory, each a real `homeward` process
// as a person at a terminal starts it, beside the limit: a Node process that does nothing (`node -e ''`).

const bin = fileURLToPath(new URL('../bin/homeward.js', import.meta.url));
const RUNS = 5;
const TARGET_SECONDS = 2;

/** A gazetteer of 19 zones: the country, 3 provinces, 15 districts. */
const GAZETTEER = [
  'pcode,name_en,population',
  'QM,Marenland,',
  ...[1, 2, 3].flatMap((a) => [
    `QM0${a},Province ${a},${a * 10_000}`,
    ...[1, 2, 3, 4, 5].map((b) => `QM0${a}0${b},District ${a}-${b},${b * 1_000}`),
  ]),
].join('\n');

const env: NodeJS.ProcessEnv = { ...process.env, HOMEWARD_LOG_LEVEL: 'silent' };
delete env.DATABASE_URL;
delete env.HOMEWARD_DATA_DIR;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** GNU time, where there is one: it gives each run's CPU time, which another busy process does not stretch. */
const gnuTime = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

interface Run {
  /** Seconds from spawning the process until it has exited. */
  seconds: number;
  /** Its CPU seconds (user + system), when GNU time is there. */
  cpu?: number;
}

/** Runs a Node process to its exit; refuses a failure or an unexpected answer. */
function timed(args: readonly string[], expect?: RegExp): Run {
  const cpuFile = gnuTime ? path.join(os.tmpdir(), `homeward-bench-cli-${process.pid}.time`) : undefined;
  const [command, commandArgs] =
    gnuTime && cpuFile
      ? [gnuTime, ['-f', '%U %S', '-o', cpuFile, process.execPath, ...args]]
      : [process.execPath, [...args]];
  const started = performance.now();
  const child = spawnSync(command, commandArgs, { env, encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (child.status !== 0 || (expect && !expect.test(child.stdout))) {
    throw new Error(`${args.slice(1).join(' ')} exited with ${child.status}: ${child.stderr || child.stdout}`);
  }
  if (!cpuFile) return { seconds };
  const [user, system] = fs.readFileSync(cpuFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
  fs.rmSync(cpuFile, { force: true });
  return { seconds, cpu: user! + system! };
}

/** A data directory prepared once: migrated, with the gazetteer imported. */
let prepared: { dataDir: string; gazetteer: string } | undefined;
function prepare(): { dataDir: string; gazetteer: string } {
  if (prepared) return prepared;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-bench-cli-'));
  const dataDir = path.join(dir, 'data');
  const gazetteer = path.join(dir, 'gazetteer.csv');
  fs.writeFileSync(gazetteer, `${GAZETTEER}\n`);
  timed([bin, '--data-dir', dataDir, 'migrate']);
  timed([bin, '--data-dir', dataDir, 'import', 'gazetteer', gazetteer], /19 created/);
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  prepared = { dataDir, gazetteer };
  return prepared;
}

/** The command and the limit in alternating runs (a busy moment on the machine falls on both), by their medians. */
function command(name: string, args: (data: { dataDir: string; gazetteer: string }) => string[], expect: RegExp) {
  return {
    name: `cli: ${name}`,
    async run(): Promise<ScenarioResult> {
      const data = prepare();
      const figures: Run[] = [];
      const limits: Run[] = [];
      for (let run = 0; run < RUNS; run++) {
        figures.push(timed([bin, '--data-dir', data.dataDir, ...args(data)], expect));
        limits.push(timed(['-e', '']));
      }
      const figure = median(figures.map((r) => r.seconds));
      const limit = median(limits.map((r) => r.seconds));
      const list = (runs: Run[]) => runs.map((r) => r.seconds.toFixed(2)).join(', ');
      const cpu = figures.every((r) => r.cpu !== undefined)
        ? `; CPU time ${median(figures.map((r) => r.cpu!)).toFixed(2)} s vs ${median(limits.map((r) => r.cpu!)).toFixed(2)} s`
        : '';
      return {
        figure,
        limit,
        unit: 's',
        higherIsBetter: false,
        target: `< ${TARGET_SECONDS} s`,
        met: figure < TARGET_SECONDS,
        notes:
          `medians of ${RUNS} alternating runs: ${list(figures)} s vs ${list(limits)} s, ` +
          `${(figure / limit).toFixed(1)} times the limit${cpu}`,
      };
    },
  } satisfies Scenario;
}

export const scenarios: Scenario[] = [
  command(
    'import gazetteer, 19 rows again (unchanged), existing data directory',
    ({ gazetteer }) => ['import', 'gazetteer', gazetteer],
    /19 zones \(0 created, 0 updated, 19 unchanged\)/,
  ),
  command('migrate, existing data directory (nothing to apply)', () => ['migrate'], /Migrations applied/),
  command('audit verify, existing data directory', () => ['audit', 'verify'], /Transparency log intact/),
];
