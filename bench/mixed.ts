import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon, { type Request } from 'autocannon';
import { ensureWebBuild } from '../e2e/support/homeward.ts';
import { type RunningServer, startServer } from './support/servers.ts';
import type { Scenario } from './types.ts';

/**
 * Mixed load as the mechanism meets it: visitors reading the public portal, staff reading their screens and
 * recording observations, and a monitor polling /health, all at once on the demo region. The limit is the same
 * mix against a bare Fastify server that answers every request with the body, status and headers Homeward gave
 * it, from memory (support/serve.ts, `bare` with fixtures).
 */

const bin = fileURLToPath(new URL('../bin/homeward.js', import.meta.url));
const CLIENTS = 64;
/** /health is asked this often under the mix, each time on a free connection of its own. */
const PROBE_EVERY_MS = 50;
const ROUNDS = 5;
const ROUND_SECONDS = 5;
/**
 * The field monitor writes from this many sessions (devices), the clients taking them in turn: a session holds
 * at most fifty unused CSRF tokens (auth/csrf.ts), and 64 clients on one session would hold 64.
 */
const WRITER_SESSIONS = 4;
/** What a current browser sends. */
const BROWSER_ENCODINGS = 'gzip, deflate, br, zstd';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: { ...process.env, HOMEWARD_LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`homeward ${args[0]} exited ${code}`))));
  });
}

interface Session {
  cookie: string;
}

async function signIn(base: string, email: string, password: string): Promise<Session> {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('homeward_session='));
  if (!response.ok || !cookie) throw new Error(`sign-in of ${email} answered ${response.status}`);
  return { cookie: cookie.split(';')[0]! };
}

/** One request of the mix, as autocannon takes it, with a name for the fixtures. */
type MixRequest = Request & { path: string; method: 'GET' | 'POST'; headers: Record<string, string> };

/** Distinct observations for the writes: every location in turn, month after month from 2000 on. */
let written = 0;
function nextObservation(pcodes: string[], indicator: string) {
  const n = written++;
  const month = Math.floor(n / pcodes.length);
  const period = `${2000 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
  return {
    pcode: pcodes[n % pcodes.length]!,
    indicator,
    period,
    value: 1,
    source: 'monitoring_visit',
    method: 'Bench: mixed load',
  };
}

interface Mix {
  requests: MixRequest[];
  /** Status, headers and body of each request as Homeward answered, for the bare server. */
  fixtures: { method: string; path: string; status: number; headers: Record<string, string>; body: string }[];
}

/** The mix: per client, public pages, staff reads, one write (a CSRF token, then an observation), in a cycle. */
async function buildMix(base: string, reader: Session, writers: Session[]): Promise<Mix> {
  const writer = writers[0]!;
  let nextWriter = 0;
  /** The client's writer session, the same for its token and its write. */
  const writerOf = (context: unknown) => {
    const client = context as { writer?: string };
    client.writer ??= writers[nextWriter++ % writers.length]!.cookie;
    return client.writer;
  };
  const browser = { 'accept-encoding': BROWSER_ENCODINGS, 'accept-language': 'en-GB,en;q=0.9' };
  const json = (session: Session) => ({ ...browser, cookie: session.cookie, accept: 'application/json' });
  const get = async <T>(url: string, session: Session): Promise<T> => {
    const response = await fetch(`${base}${url}`, { headers: { cookie: session.cookie } });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    return (await response.json()) as T;
  };
  const html = await (await fetch(`${base}/`)).text();
  const asset = html.match(/src="(\/assets\/[^"]+\.js)"/)?.[1];
  if (!asset) throw new Error('the web application page names no script under /assets/');
  const zones = await get<{ pcode: string; level: string }[]>('/api/v1/public/zones', reader);
  const locations = zones.filter((zone) => zone.level === 'location').map((zone) => zone.pcode);
  const zone = locations[0];
  if (!zone) throw new Error('the demo region published no location');
  const framework = await get<{ definition: { criteria: { indicators: { code: string; unit: string }[] }[] } }>(
    '/api/v1/frameworks/active',
    writer,
  );
  const indicator = framework.definition.criteria
    .flatMap((criterion) => criterion.indicators)
    .find((i) => i.unit === 'yes_no')?.code;
  if (!indicator) throw new Error('the active framework has no yes/no indicator');

  const page = (p: string): MixRequest => ({ method: 'GET', path: p, headers: { ...browser, accept: 'text/html' } });
  const publicApi = (p: string): MixRequest => ({ method: 'GET', path: p, headers: { ...browser, accept: '*/*' } });
  const staff = (p: string): MixRequest => ({ method: 'GET', path: p, headers: json(reader) });
  const requests: MixRequest[] = [
    page('/'),
    publicApi(asset),
    publicApi('/api/v1/public/zones'),
    publicApi(`/api/v1/public/zones/${zone}`),
    publicApi('/api/v1/public/checkpoint'),
    staff('/api/v1/me'),
    staff('/api/v1/zones'),
    staff(`/api/v1/zones/${zone}`),
    staff('/api/v1/observations?queue=verify&limit=25&offset=0'),
    staff('/api/v1/audit/entries?limit=50'),
    {
      method: 'GET',
      path: '/api/v1/auth/csrf',
      headers: json(writer),
      setupRequest: (request, context) => ({ ...request, headers: { ...request.headers, cookie: writerOf(context) } }),
      onResponse: (_status, body, context) => {
        (context as { csrf?: string }).csrf = (JSON.parse(body) as { token: string }).token;
      },
    },
    {
      method: 'POST',
      path: '/api/v1/observations',
      headers: { ...json(writer), 'content-type': 'application/json' },
      setupRequest: (request, context) => ({
        ...request,
        headers: {
          ...request.headers,
          cookie: writerOf(context),
          'x-csrf-token': String((context as { csrf?: string }).csrf),
        },
        body: JSON.stringify(nextObservation(locations, indicator)),
      }),
    },
  ];

  // Each request once against Homeward, as the mix will send it: its answer is what the bare server gives back.
  const fixtures: Mix['fixtures'] = [];
  let csrf = '';
  for (const request of requests) {
    const headers: Record<string, string> = { ...request.headers };
    let body: string | undefined;
    if (request.method === 'POST') {
      headers['x-csrf-token'] = csrf;
      body = JSON.stringify(nextObservation(locations, indicator));
    }
    // fetch decodes what it reads; the bare server must send the bytes as they travelled.
    const response = await rawRequest(`${base}${request.path}`, request.method, headers, body);
    if (response.status >= 300) throw new Error(`${request.method} ${request.path} answered ${response.status}`);
    if (request.path === '/api/v1/auth/csrf') csrf = (JSON.parse(response.body.toString()) as { token: string }).token;
    const kept = Object.fromEntries(
      Object.entries(response.headers).filter(
        ([name]) => !['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'].includes(name),
      ),
    );
    fixtures.push({
      method: request.method,
      path: request.path.split('?')[0]!,
      status: response.status,
      headers: kept,
      body: response.body.toString('base64'),
    });
  }
  return { requests, fixtures };
}

async function rawRequest(url: string, method: string, headers: Record<string, string>, body?: string) {
  return new Promise<{ status: number; headers: Record<string, string>; body: Buffer }>((resolve, reject) => {
    const request = http.request(url, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: Object.fromEntries(Object.entries(response.headers).map(([name, value]) => [name, String(value)])),
          body: Buffer.concat(chunks),
        }),
      );
    });
    request.once('error', reject);
    request.end(body);
  });
}

interface Round {
  rps: number;
  p50: number;
  p99: number;
  healthP50: number;
}

/**
 * /health as a monitor asks it: every PROBE_EVERY_MS, whether or not the last answer came. Clients that wait
 * for each answer (autocannon's) would send most of their requests in the moments the server is free, and their
 * median would hide how long it is not.
 */
async function probeHealth(base: string, until: Promise<unknown>): Promise<number[]> {
  const agent = new http.Agent({ keepAlive: true });
  const latencies: Promise<number>[] = [];
  const timer = setInterval(() => {
    const started = performance.now();
    latencies.push(
      new Promise((resolve, reject) => {
        http
          .get(`${base}/api/v1/health`, { agent }, (response) => {
            response.resume();
            response.once('end', () =>
              response.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error('/health failed')),
            );
          })
          .once('error', reject);
      }),
    );
  }, PROBE_EVERY_MS);
  await until;
  clearInterval(timer);
  const done = await Promise.all(latencies);
  agent.destroy();
  return done;
}

/** One round: the mix on 64 clients for `seconds`, /health probed meanwhile. */
async function round(base: string, mix: Mix, seconds: number): Promise<Round> {
  const load = autocannon({ url: base, connections: CLIENTS, duration: seconds, requests: mix.requests });
  const [result, health] = await Promise.all([load, probeHealth(base, load)]);
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed > 0) {
    throw new Error(
      `${base}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts under the mix`,
    );
  }
  return {
    rps: result.requests.total / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    healthP50: Math.round(median(health)),
  };
}

const whole = (value: number) => Math.round(value).toLocaleString('en');

export const scenarios: Scenario[] = [
  {
    name: 'mixed load: 64 clients on public pages, staff reads and writes (demo region) requests/s',
    async run() {
      await ensureWebBuild((line) => console.error(line));
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-bench-mixed-'));
      const fixtureFile = path.join(dataDir, 'fixtures.json');
      let homeward: RunningServer | undefined;
      let bare: RunningServer | undefined;
      try {
        const loading = performance.now();
        await run(['demo', '--data-dir', dataDir, '--json']);
        // The public checkpoint is there from the start, as a visitor would find it after the first minute.
        await run(['audit', 'checkpoint', '--data-dir', dataDir]);
        const loaded = (performance.now() - loading) / 1000;
        homeward = await startServer('homeward', { HOMEWARD_DATA_DIR: dataDir });
        const base = homeward.url.replace(/\/api\/v1\/health$/, '');
        const password = 'homeward-demo-2026';
        const reader = await signIn(base, 'verifier@demo.homeward.example', password);
        const writers: Session[] = [];
        for (let i = 0; i < WRITER_SESSIONS; i++) {
          writers.push(await signIn(base, 'field-monitor@demo.homeward.example', password));
        }
        const mix = await buildMix(base, reader, writers);
        fs.writeFileSync(fixtureFile, JSON.stringify(mix.fixtures));
        bare = await startServer('bare', { HOMEWARD_BENCH_FIXTURES: fixtureFile });
        const bareBase = bare.url.replace(/\/api\/v1\/health$/, '');

        await round(base, mix, 2);
        await round(bareBase, mix, 2);
        const figures: Round[] = [];
        const limits: Round[] = [];
        for (let r = 0; r < ROUNDS; r++) {
          figures.push(await round(base, mix, ROUND_SECONDS));
          limits.push(await round(bareBase, mix, ROUND_SECONDS));
        }
        const pick = (rounds: Round[], key: keyof Round) => median(rounds.map((r) => r[key]));
        const figure = pick(figures, 'rps');
        const limit = pick(limits, 'rps');
        const healthP50 = pick(figures, 'healthP50');
        const kB = mix.fixtures.find((f) => f.path === '/api/v1/public/zones')!.body.length * 0.75;
        return {
          figure,
          limit,
          unit: 'req/s',
          higherIsBetter: true,
          target: '≥ 50 % of limit, /health p50 ≤ 50 ms',
          met: figure >= 0.5 * limit && healthP50 <= 50,
          notes:
            `medians of ${ROUNDS} alternating ${ROUND_SECONDS} s rounds: ` +
            `${figures.map((r) => whole(r.rps)).join(', ')} vs ${limits.map((r) => whole(r.rps)).join(', ')} req/s; ` +
            `p50/p99 ${pick(figures, 'p50')}/${pick(figures, 'p99')} ms vs ${pick(limits, 'p50')}/${pick(limits, 'p99')} ms; ` +
            `/health p50 ${healthP50} ms vs ${pick(limits, 'healthP50')} ms; ${mix.requests.length} request kinds, ` +
            `public zone list ${(kB / 1000).toFixed(0)} kB as sent; demo loaded in ${loaded.toFixed(0)} s`,
        };
      } finally {
        await homeward?.stop();
        await bare?.stop();
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
  },
];
