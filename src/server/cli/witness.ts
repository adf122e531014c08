import { createPrivateKey, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { checkpointNote } from '../platform/audit/checkpoint.ts';
import { verifyConsistency } from '../platform/audit/merkle.ts';
import { ed25519KeyId, verifyEd25519 } from '../platform/audit/witness-keys.ts';
import { CliError } from './support.ts';

/**
 * `homeward audit witness`: what an outside party runs to hold the log to account. It reads nothing but the
 * public routes, and keeps what it has seen in its own state file, never in the server's database.
 */

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/);

/** A checkpoint as the public route serves it, and as the state file and `audit verify --checkpoint` hold it. */
export const OutsideCheckpoint = z.object({
  treeSize: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  rootHash: Hex64,
  time: z.iso.datetime({ offset: true }),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  publicKey: z.string().min(1).max(100),
  signature: z.string().min(1).max(200),
  note: z.string(),
});
export type OutsideCheckpoint = z.infer<typeof OutsideCheckpoint>;

const WitnessState = z.object({
  version: z.literal(1),
  url: z.string(),
  /** The signing key the witness trusts: recorded on first use, changed only by --accept-key. */
  keyId: z.string(),
  publicKey: z.string(),
  checkpoint: OutsideCheckpoint,
  checkedAt: z.string(),
});
type WitnessState = z.infer<typeof WitnessState>;

const ConsistencyAnswer = z.object({ proof: z.array(Hex64) });

export interface WitnessOptions {
  state: string;
  acceptKey?: string;
  signKey?: string;
}

/** Why a checkpoint's own fields do not hold together, or null when they do (the note, key id, signature). */
export function checkpointFault(checkpoint: OutsideCheckpoint): string | null {
  const note = checkpointNote({ ...checkpoint, time: new Date(checkpoint.time) });
  if (checkpoint.note !== note) return 'its note is not the text of its tree size, root hash and time';
  if (ed25519KeyId(checkpoint.publicKey) !== checkpoint.keyId) return 'its key id is not the id of its public key';
  if (!verifyEd25519(checkpoint.publicKey, note, checkpoint.signature)) return 'its signature is not valid';
  return null;
}

/** Runs one witness check; returns the lines to print. Throws CliError (exit 1) on any failed check. */
export async function witness(url: string, options: WitnessOptions): Promise<string[]> {
  const base = baseUrl(url);
  const previous = readState(options.state);
  const out: string[] = [];

  const served = await fetchJson(base, '/api/v1/public/checkpoint', 'the checkpoint');
  const parsed = OutsideCheckpoint.safeParse(served);
  if (!parsed.success) fail('the server answered something that is not a checkpoint');
  const checkpoint = parsed.data;
  const fault = checkpointFault(checkpoint);
  if (fault) fail(`the checkpoint at size ${checkpoint.treeSize} does not hold together: ${fault}`);

  const trusted = previous?.keyId;
  if (trusted !== checkpoint.keyId) {
    if (options.acceptKey === checkpoint.keyId) {
      out.push(
        trusted
          ? `Accepting the new signing key ${checkpoint.keyId} in place of ${trusted}, as told.`
          : `Trusting the signing key ${checkpoint.keyId}, as told.`,
      );
    } else if (trusted) {
      fail(
        `the log's signing key changed from ${trusted} to ${checkpoint.keyId}, and this witness was not told. ` +
          `If the operator announced key ${checkpoint.keyId} by another channel, run again with ` +
          `--accept-key ${checkpoint.keyId}; otherwise treat the log as compromised and report it.`,
      );
    } else if (options.acceptKey) {
      fail(`the log is signed by key ${checkpoint.keyId}, not by ${options.acceptKey} as --accept-key expects`);
    } else {
      out.push(
        `First run: trusting the signing key ${checkpoint.keyId} (Ed25519 public key ${checkpoint.publicKey}).`,
        'Compare this key id with the one the operator published, by a channel other than this server.',
      );
    }
  }

  if (previous) await checkConsistency(base, previous.checkpoint, checkpoint);
  out.push(
    `Checkpoint at size ${checkpoint.treeSize}, root ${checkpoint.rootHash}, signed ${checkpoint.time}: ` +
      (previous
        ? `signature valid, consistent with the checkpoint stored at size ${previous.checkpoint.treeSize}.`
        : 'signature valid; stored as the first checkpoint.'),
  );

  writeState(options.state, {
    version: 1,
    url: base,
    keyId: checkpoint.keyId,
    publicKey: checkpoint.publicKey,
    checkpoint: OutsideCheckpoint.parse(checkpoint),
    checkedAt: new Date().toISOString(),
  });
  out.push(`State saved to ${options.state}.`);

  if (options.signKey) out.push(await countersign(base, checkpoint, options.signKey));
  return out;
}

/** Refuses a smaller tree, another root at the same size, or a later tree the stored one is not a prefix of. */
async function checkConsistency(base: string, stored: OutsideCheckpoint, current: OutsideCheckpoint) {
  if (current.treeSize < stored.treeSize) {
    fail(
      `the server serves a checkpoint of ${current.treeSize} entries, but this witness stored one of ` +
        `${stored.treeSize}: the log shrank, or its latest checkpoints were removed`,
    );
  }
  if (current.treeSize === stored.treeSize) {
    if (current.rootHash !== stored.rootHash) {
      fail(`the log at size ${stored.treeSize} now has another root than the one stored: it was rewritten`);
    }
    return;
  }
  const answer = ConsistencyAnswer.safeParse(
    await fetchJson(
      base,
      `/api/v1/public/log/proof/consistency?from=${stored.treeSize}&to=${current.treeSize}`,
      'the consistency proof',
    ),
  );
  const proof = answer.success ? answer.data.proof.map((h) => Buffer.from(h, 'hex')) : [];
  const hex = (value: string) => Buffer.from(value, 'hex');
  if (!verifyConsistency(stored.treeSize, current.treeSize, hex(stored.rootHash), hex(current.rootHash), proof)) {
    fail(
      `the log of ${current.treeSize} entries does not extend the one of ${stored.treeSize} entries this witness ` +
        'stored (the consistency proof does not verify): the log was rewritten',
    );
  }
}

/** Signs the checkpoint's note with the witness's key and gives it to the server. */
async function countersign(base: string, checkpoint: OutsideCheckpoint, keyFile: string): Promise<string> {
  const { privateKey, keyId } = readWitnessKey(keyFile);
  const signature = sign(null, Buffer.from(checkpoint.note), privateKey).toString('base64');
  const response = await request(`${base}/api/v1/public/checkpoint/countersignatures`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ treeSize: checkpoint.treeSize, keyId, signature }),
  });
  if (response.status !== 201) {
    fail(`the server refused the countersignature by key ${keyId}: ${await problemText(response)}`);
  }
  const { witness } = (await response.json()) as { witness?: string };
  return `Countersigned the checkpoint at size ${checkpoint.treeSize} as witness "${witness}" (key ${keyId}).`;
}

/** `homeward audit witness-key FILE`: creates the key (readable by its owner only) or reads it back. */
export function witnessKeyLines(file: string, name: string): string[] {
  let created = false;
  if (!fs.existsSync(file)) {
    const { privateKey } = generateKeyPairSync('ed25519');
    fs.writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
    created = true;
  }
  const { publicKey, keyId } = readWitnessKey(file);
  return [
    created ? `Created a witness key in ${file}; keep it private.` : `The witness key in ${file}:`,
    `key id     ${keyId}`,
    `public key ${publicKey} (Ed25519)`,
    'Give the operator this entry for HOMEWARD_WITNESS_KEYS:',
    `  ${name}=${publicKey}`,
  ];
}

function readWitnessKey(file: string) {
  try {
    const privateKey = createPrivateKey(fs.readFileSync(file));
    if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 key');
    const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
    const publicKey = Buffer.from(jwk.x!, 'base64url').toString('base64');
    return { privateKey, publicKey, keyId: ed25519KeyId(publicKey) };
  } catch (error) {
    throw new CliError(`cannot read the witness key ${file}: ${(error as Error).message}`, 2);
  }
}

function baseUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CliError(`"${url}" is not a URL: give the server's address, e.g. https://homeward.example.org`, 2);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new CliError(`"${url}" is not an http:// or https:// address`, 2);
  }
  return parsed.toString().replace(/\/+$/, '');
}

function readState(file: string): WitnessState | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new CliError(`cannot read the state file ${file}: ${(error as Error).message}`);
  }
  try {
    return WitnessState.parse(JSON.parse(text));
  } catch {
    throw new CliError(`${file} is not a witness state file (it was altered, or is another file)`);
  }
}

/** Writes next to the file and renames over it, so a crash leaves the old state or the new, never half. */
function writeState(file: string, state: WitnessState): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  const handle = fs.openSync(temporary, 'w', 0o644);
  try {
    fs.writeFileSync(handle, `${JSON.stringify(state, null, 2)}\n`);
    fs.fsyncSync(handle);
  } finally {
    fs.closeSync(handle);
  }
  fs.renameSync(temporary, file);
}

async function request(url: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
  } catch (error) {
    return fail(`cannot reach ${url}: ${(error as Error).message}`);
  }
}

async function fetchJson(base: string, route: string, what: string): Promise<unknown> {
  const response = await request(`${base}${route}`, { headers: { accept: 'application/json' } });
  if (response.status !== 200) fail(`the server did not give ${what}: ${await problemText(response)}`);
  try {
    return await response.json();
  } catch {
    return fail(`the server answered ${what} with something that is not JSON`);
  }
}

async function problemText(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { detail?: unknown; errors?: { message?: unknown }[] };
  const detail = typeof body?.detail === 'string' ? body.detail : `HTTP ${response.status}`;
  const fields = (body?.errors ?? []).map((e) => e.message).filter((m) => typeof m === 'string');
  return [detail, ...fields].join(' ');
}

function fail(message: string): never {
  throw new CliError(`witness check failed: ${message}`);
}
