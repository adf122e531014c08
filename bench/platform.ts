import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureRps, startServer } from './support/servers.ts';
import type { Scenario } from './types.ts';

const bin = fileURLToPath(new URL('../bin/homeward.js', import.meta.url));

/** Milliseconds from spawning `homeward start` until it says it is listening. */
async function timeStart(dataDir: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [bin, 'start', '--port', '0', '--data-dir', dataDir], {
    env: { ...process.env, HOMEWARD_LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('running at')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`homeward start exited with ${code}`)));
  });
  const elapsed = performance.now() - started;
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  return elapsed;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const thousands = (value: number) => Math.round(value).toLocaleString('en');

export const scenarios: Scenario[] = [
  {
    name: 'GET /api/v1/health requests/s vs bare Fastify route',
    async run() {
      const homeward = await startServer('homeward');
      const bare = await startServer('bare');
      try {
        // Client and servers share two cores, so one 5 s run against each drifts with whatever else the machine
        // does. Alternate the two, five rounds each, and compare the medians.
        const figures: number[] = [];
        const limits: number[] = [];
        for (let round = 0; round < 5; round++) {
          figures.push(await measureRps(homeward.url, { seconds: 3 }));
          limits.push(await measureRps(bare.url, { seconds: 3 }));
        }
        const figure = median(figures);
        const limit = median(limits);
        return {
          figure,
          limit,
          unit: 'req/s',
          higherIsBetter: true,
          target: '≥ 70 % of limit',
          met: figure >= 0.7 * limit,
          notes: `medians of 5 alternating 3 s rounds: ${figures.map(thousands).join(', ')} vs ${limits.map(thousands).join(', ')} req/s`,
        };
      } finally {
        await homeward.stop();
        await bare.stop();
      }
    },
  },
  {
    name: 'start-up on an existing embedded data directory',
    async run() {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-bench-start-'));
      try {
        await timeStart(dataDir); // creates and migrates the data directory
        const runs = [await timeStart(dataDir), await timeStart(dataDir), await timeStart(dataDir)];
        const figure = runs.sort((a, b) => a - b)[1]! / 1000;
        return {
          figure,
          unit: 's',
          higherIsBetter: false,
          target: '< 3 s',
          met: figure < 3,
          notes: `median of 3 runs: ${runs.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s`,
        };
      } finally {
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
  },
];
