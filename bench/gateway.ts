import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { hashReceiptCode, RECEIPT_HASHING } from '../src/server/gateway/receipts.ts';
import { gatewayRoutingRules, gatewaySubmissions } from '../src/server/gateway/tables.ts';
import { organisations } from '../src/server/platform/accounts/schema.ts';
import { openKeyring } from '../src/server/platform/crypto/keyring.ts';
import { openDatabase } from '../src/server/platform/db/client.ts';
import { type RunningServer, startServer } from './support/servers.ts';
import type { Scenario } from './types.ts';

/**
 * The community gateway under load: submissions accepted per second by the public endpoint with 100 concurrent
 * clients, against a bare Fastify route storing the same rows in the same run (support/bare-gateway.ts), then a
 * reconciliation of what each stored against what it answered; and the latency of receipt lookups, slow hash
 * included. Both servers run on a fresh embedded database of their own, with one routing rule. Flood control is
 * on, its allowance raised so that one machine's clients are not refused (the counting still happens).
 */
const CLIENTS = 100;
const ROUNDS = 3;
/** Each round sends this many submissions and waits for every answer, so that what was sent is all counted. */
const ROUND_REQUESTS = 3000;
const WARM_UP_REQUESTS = 1000;
const LOOKUPS = 2000;
const LOOKUP_CLIENTS = 10;
const PATH = '/api/v1/public/gateway/submissions';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;

interface Prepared {
  dataDir: string;
  organisationId: string;
}

/** A migrated embedded database with its keys, one receiving organisation and a routing rule to it. */
async function prepareDataDir(root: string, name: string): Promise<Prepared> {
  const dataDir = path.join(root, name);
  const handle = await openDatabase({ dataDir });
  try {
    await handle.migrate();
    const keyring = await openKeyring({ dataDir, masterKey: undefined });
    await keyring.prepare(handle.db);
    const [organisation] = await handle.db
      .insert(organisations)
      .values({ name: 'Joint Monitoring Centre', kind: 'monitoring_centre', homeState: 'QM' })
      .returning({ id: organisations.id });
    await handle.db.insert(gatewayRoutingRules).values({ organisationId: organisation!.id });
    return { dataDir, organisationId: organisation!.id };
  } finally {
    await handle.close();
  }
}

/** What one server answered: each text it accepted (201) with the receipt code it gave. */
interface Sent {
  accepted: Map<string, string>;
  refused: number;
  requests: number;
}

let sequence = 0;
/**
 * Submissions accepted per second in one round, each request a new anonymous concern with a text of its own.
 * The round is timed from its first request to its last answer: autocannon itself finishes only on its next
 * one-second tick, which would add up to a second to every round.
 */
async function submitRound(base: string, sent: Sent, amount = ROUND_REQUESTS): Promise<number> {
  const started = performance.now();
  let answered = started;
  const result = await autocannon({
    url: `${base}${PATH}`,
    connections: CLIENTS,
    amount,
    // A submission answered late is still a submission: never give up on one the server may be storing.
    timeout: 120,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request, context: { text?: string }) => {
          const text = `Bench concern ${++sequence}: the water point in the return area has been dry for a week`;
          context.text = text;
          return {
            ...request,
            body: JSON.stringify({ kind: 'concern', disclosure: 'anonymous', text, language: 'en' }),
          };
        },
        onResponse: (status: number, body: string, context: { text?: string }) => {
          sent.requests++;
          answered = performance.now();
          if (status === 201)
            sent.accepted.set(String(context.text), (JSON.parse(body) as { receiptCode: string }).receiptCode);
          else sent.refused++;
        },
      },
    ],
  });
  if (result.errors > 0 || result.timeouts > 0) {
    throw new Error(`${result.errors} connection errors and ${result.timeouts} timeouts under load`);
  }
  return result['2xx'] / ((answered - started) / 1000);
}

/** Whether a server stored exactly what it answered: the same texts, each under the receipt code it gave. */
async function reconcile(dataDir: string, sent: Sent): Promise<string | null> {
  const handle = await openDatabase({ dataDir });
  try {
    const keyring = await openKeyring({ dataDir, masterKey: undefined });
    const rows = await handle.db
      .select({ bodyEnc: gatewaySubmissions.bodyEnc, receiptHash: gatewaySubmissions.receiptHash })
      .from(gatewaySubmissions);
    if (rows.length !== sent.accepted.size) {
      return `${rows.length} rows stored for ${sent.accepted.size} submissions accepted`;
    }
    const stored = new Map<string, string>();
    for (const row of rows) stored.set(await keyring.decrypt(handle.db, row.bodyEnc, 'narrative'), row.receiptHash);
    for (const [text, code] of sent.accepted) {
      const hash = stored.get(text);
      if (hash === undefined) return `an accepted text was not stored`;
      if (hash !== (await hashReceiptCode(handle.db, keyring, code))) return 'a receipt code does not open its text';
    }
    return null;
  } finally {
    await handle.close();
  }
}

const submissionsScenario: Scenario = {
  name: 'gateway public submissions/s, 100 concurrent clients (embedded)',
  async run() {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-bench-gateway-'));
    let homeward: RunningServer | undefined;
    let bare: RunningServer | undefined;
    try {
      const [own, plain] = [await prepareDataDir(root, 'homeward'), await prepareDataDir(root, 'bare')];
      homeward = await startServer('homeward', {
        HOMEWARD_DATA_DIR: own.dataDir,
        HOMEWARD_GATEWAY_SUBMISSIONS_PER_HOUR: '1000000000',
        HOMEWARD_CHECKPOINT_INTERVAL_SECONDS: '0',
      });
      bare = await startServer('bare', {
        HOMEWARD_BENCH_GATEWAY_DATA_DIR: plain.dataDir,
        HOMEWARD_BENCH_GATEWAY_ORGANISATION: plain.organisationId,
      });
      const base = (server: RunningServer) => server.url.replace(/\/api\/v1\/health$/, '');
      const ownSent: Sent = { accepted: new Map(), refused: 0, requests: 0 };
      const bareSent: Sent = { accepted: new Map(), refused: 0, requests: 0 };
      // A first round each, not counted (but stored and reconciled like the rest): the servers compile their hot
      // paths and fill the database's buffers, which the figure of a running server does not include.
      await submitRound(base(homeward), ownSent, WARM_UP_REQUESTS);
      await submitRound(base(bare), bareSent, WARM_UP_REQUESTS);
      const figures: number[] = [];
      const limits: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        figures.push(await submitRound(base(homeward), ownSent));
        limits.push(await submitRound(base(bare), bareSent));
      }
      await homeward.stop();
      homeward = undefined;
      await bare.stop();
      bare = undefined;
      const [ownProblem, bareProblem] = [
        await reconcile(own.dataDir, ownSent),
        await reconcile(plain.dataDir, bareSent),
      ];
      if (ownProblem) throw new Error(`Homeward's store does not reconcile: ${ownProblem}`);
      if (bareProblem) throw new Error(`the bare route's store does not reconcile: ${bareProblem}`);
      const figure = median(figures);
      const limit = median(limits);
      return {
        figure,
        limit,
        unit: 'submissions/s',
        higherIsBetter: true,
        target: '≥ 500/s and ≥ 50 % of limit',
        met: figure >= 500 && figure >= 0.5 * limit,
        notes:
          `medians of ${ROUNDS} alternating rounds of ${ROUND_REQUESTS.toLocaleString('en')} submissions after a warm-up round of ${WARM_UP_REQUESTS.toLocaleString('en')} each (Homeward ${figures.map(Math.round).join(', ')}; ` +
          `bare ${limits.map(Math.round).join(', ')}); reconciled exactly: ${ownSent.accepted.size.toLocaleString('en')} ` +
          `accepted and stored by Homeward (${ownSent.refused} refused), ${bareSent.accepted.size.toLocaleString('en')} ` +
          `by the bare route (${bareSent.refused} refused), every text stored once under the receipt code it was ` +
          `answered with; receipt hash Argon2id ${RECEIPT_HASHING.memory} KiB × ${RECEIPT_HASHING.passes} passes`,
      };
    } finally {
      await homeward?.stop();
      await bare?.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  },
};

const lookupScenario: Scenario = {
  name: 'gateway receipt lookup p95, slow hash included (embedded)',
  async run() {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-bench-receipts-'));
    let homeward: RunningServer | undefined;
    try {
      const own = await prepareDataDir(root, 'homeward');
      homeward = await startServer('homeward', {
        HOMEWARD_DATA_DIR: own.dataDir,
        HOMEWARD_GATEWAY_SUBMISSIONS_PER_HOUR: '1000000000',
        HOMEWARD_GATEWAY_LOOKUPS_PER_HOUR: '1000000000',
        HOMEWARD_CHECKPOINT_INTERVAL_SECONDS: '0',
      });
      const base = homeward.url.replace(/\/api\/v1\/health$/, '');
      const sent: Sent = { accepted: new Map(), refused: 0, requests: 0 };
      await submitRound(base, sent, 1000);
      const codes = [...sent.accepted.values()];
      if (codes.length === 0) throw new Error('no submission was accepted to look up');
      const times: number[] = [];
      let next = 0;
      let wrong = 0;
      const client = async () => {
        while (next < LOOKUPS) {
          const n = next++;
          const started = performance.now();
          const response = await fetch(`${base}/api/v1/public/gateway/receipts/status`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ code: codes[(n * 7919) % codes.length] }),
          });
          await response.arrayBuffer();
          times.push(performance.now() - started);
          if (response.status !== 200) wrong++;
        }
      };
      await Promise.all(Array.from({ length: LOOKUP_CLIENTS }, client));
      if (wrong > 0) throw new Error(`${wrong} lookups of valid codes were refused`);
      const sorted = times.sort((a, b) => a - b);
      const p95 = percentile(sorted, 0.95);
      await homeward.stop();
      homeward = undefined;
      const hashAlone = await hashTiming(own.dataDir);
      return {
        figure: p95,
        unit: 'ms',
        higherIsBetter: false,
        target: 'p95 < 250 ms',
        met: p95 < 250,
        notes:
          `${LOOKUPS.toLocaleString('en')} lookups of ${codes.length.toLocaleString('en')} codes by ${LOOKUP_CLIENTS} ` +
          `concurrent clients over HTTP: median ${percentile(sorted, 0.5).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, ` +
          `p99 ${percentile(sorted, 0.99).toFixed(1)} ms; the slow hash alone ${hashAlone}`,
      };
    } finally {
      await homeward?.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  },
};

/** How long one receipt hash takes on its own here, the median of 200 (after the server has stopped). */
async function hashTiming(dataDir: string): Promise<string> {
  const handle = await openDatabase({ dataDir });
  try {
    const keyring = await openKeyring({ dataDir, masterKey: undefined });
    await hashReceiptCode(handle.db, keyring, '0000000000000000');
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const started = performance.now();
      await hashReceiptCode(handle.db, keyring, String(1e15 + i));
      times.push(performance.now() - started);
    }
    return `${median(times).toFixed(2)} ms`;
  } finally {
    await handle.close();
  }
}

export const scenarios: Scenario[] = [submissionsScenario, lookupScenario];
