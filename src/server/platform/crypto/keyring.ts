import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { type Config, ConfigError } from '../../config.ts';
import type { Database } from '../db/client.ts';
import { open, seal } from './aead.ts';
import { activeDataKey, type DataKeyKind, type DataKeyRow, findDataKey, unwrapDataKey } from './data-keys.ts';
import {
  fingerprintMasterKey,
  loadMasterKey,
  type MasterKey,
  type MasterKeySource,
  parseMasterKey,
} from './master-key.ts';
import { normaliseForIndex } from './normalise.ts';
import { dataKeys } from './schema.ts';

export { normaliseForIndex } from './normalise.ts';

/**
 * What personal data is encrypted for. Each purpose has its own data keys (so a key can be rotated or
 * destroyed for one purpose without touching the others) and its own blind-index key.
 * Modules add their purposes here.
 */
export const DATA_PURPOSES = [
  'totp',
  'login-throttle',
  'audit-signing',
  'audit-details',
  'person',
  'contact',
  'narrative',
  'case-status',
  'gateway-receipt',
  'gateway-rate',
  'outcome',
  'outcome-link',
] as const;
export type DataPurpose = (typeof DATA_PURPOSES)[number];

/**
 * Envelope encryption of personal data (AES-256-GCM). Data keys are generated per purpose, stored wrapped by
 * the master key, and their id is stored inside every ciphertext. Blind indexes are keyed HMACs of
 * normalised values, truncated, for exact-match search without decrypting.
 */
export interface Keyring {
  /** Fingerprint of the master key in use (safe to print; identifies the key, reveals nothing of it). */
  readonly masterKeyId: string;
  /** Where the master key came from (HOMEWARD_MASTER_KEY or the key file). */
  readonly masterKeySource: MasterKeySource;
  /** `hw1.<data key id>.<base64url(iv ‖ ciphertext ‖ tag)>`, the purpose bound as associated data. */
  encrypt(db: Database, purpose: DataPurpose, plaintext: string): Promise<string>;
  /**
   * The plaintext of an envelope. Give `purpose` to insist the envelope was made for it (a value copied from
   * another purpose's column is refused). Throws DecryptionError on any tampering.
   */
  decrypt(db: Database, envelope: string, purpose?: DataPurpose): Promise<string>;
  /** Keyed, truncated HMAC of the normalised value (see normaliseForIndex): 22 base64url characters. */
  blindIndex(db: Database, purpose: DataPurpose, value: string): Promise<string>;
  /** Throws MasterKeyMismatchError (a ConfigError) when this database's data keys were wrapped by another key. */
  verifyMasterKey(db: Database): Promise<void>;
  /** At boot: verifyMasterKey, then creates every purpose's data keys, committed before any request uses them. */
  prepare(db: Database): Promise<void>;
}

/** The master key given is not the one that wrapped this database's data keys. */
export class MasterKeyMismatchError extends ConfigError {
  readonly expected: string;
  readonly given: string;
  constructor(expected: string, given: MasterKey) {
    const from = given.source.kind === 'environment' ? 'HOMEWARD_MASTER_KEY' : `the key file ${given.source.path}`;
    const pending = given.source.kind === 'file' ? pendingRotationHint(given.source.path, expected) : '';
    super(
      `Wrong master key: this database's data keys are wrapped by the master key with fingerprint ${expected}, ` +
        `but the key from ${from} has fingerprint ${given.id}. Start Homeward with the master key ${expected} ` +
        `(HOMEWARD_MASTER_KEY or master.key in the data directory).${pending}`,
    );
    this.name = 'MasterKeyMismatchError';
    this.expected = expected;
    this.given = given.id;
  }
}

/** An envelope that is malformed, was altered, or belongs to another purpose. Never carries the value. */
export class DecryptionError extends Error {
  constructor(reason: string) {
    super(`cannot decrypt: ${reason}`);
    this.name = 'DecryptionError';
  }
}

/** Where `homeward keys rotate` leaves the new key until the database has committed to it. */
export const pendingKeyFile = (keyFile: string) => `${keyFile}.next`;

function pendingRotationHint(keyFile: string, expected: string): string {
  const pending = pendingKeyFile(keyFile);
  try {
    const key = parseMasterKey(fs.readFileSync(pending, 'utf8'), pending);
    if (fingerprintMasterKey(key) !== expected) return '';
  } catch {
    return '';
  }
  return ` A key rotation was interrupted after the database switched keys: ${pending} holds the key ${expected}; move it over ${keyFile}.`;
}

const ENVELOPE = /^hw1\.([0-9a-f-]{36})\.([A-Za-z0-9_-]+)$/;
const dataAad = (purpose: string) => `homeward/data/v1/${purpose}`;
const BLIND_INDEX_BYTES = 16;

export async function openKeyring(config: Pick<Config, 'masterKey' | 'dataDir'>): Promise<Keyring> {
  return createKeyring(loadMasterKey(config));
}

export function createKeyring(master: MasterKey): Keyring {
  /** Unwrapped data keys by id. */
  const unwrapped = new Map<string, { purpose: string; kind: DataKeyKind; key: Buffer }>();
  /**
   * Active key id per purpose and kind, remembered for the process only when read outside a transaction: inside
   * one, the key may be that transaction's own uncommitted insert, which a rollback would take away.
   */
  const active = new Map<string, string>();
  /**
   * The same, remembered for one transaction only (a bulk import seals millions of fields in one): it goes with
   * the transaction, so a key its rollback takes away is never used after it.
   */
  const activeInTransaction = new WeakMap<object, Map<string, string>>();

  function unwrap(row: DataKeyRow): Buffer {
    const cached = unwrapped.get(row.id);
    if (cached) return cached.key;
    if (row.masterKeyId !== master.id) throw new MasterKeyMismatchError(row.masterKeyId, master);
    const key = unwrapDataKey(master, row);
    if (!key) throw new DecryptionError(`data key ${row.id} is damaged (it does not unwrap with the master key)`);
    unwrapped.set(row.id, { purpose: row.purpose, kind: row.kind, key });
    return key;
  }

  async function currentKey(db: Database, purpose: string, kind: DataKeyKind): Promise<{ id: string; key: Buffer }> {
    const slot = `${purpose}/${kind}`;
    const inTransaction = db instanceof PgTransaction;
    const remembered = inTransaction ? activeInTransaction.get(db) : active;
    const cachedId = remembered?.get(slot) ?? active.get(slot);
    const cached = cachedId ? unwrapped.get(cachedId) : undefined;
    if (cachedId && cached) return { id: cachedId, key: cached.key };
    // A new key is wrapped by our master key: first make sure it is this database's, or keys would be mixed.
    const row = await activeDataKey(db, master, purpose, kind, () => keyring.verifyMasterKey(db));
    const key = unwrap(row);
    if (!inTransaction) active.set(slot, row.id);
    else if (remembered) remembered.set(slot, row.id);
    else activeInTransaction.set(db, new Map([[slot, row.id]]));
    return { id: row.id, key };
  }

  async function keyById(db: Database, keyId: string) {
    const cached = unwrapped.get(keyId);
    if (cached) return cached;
    const row = await findDataKey(db, keyId);
    if (!row) throw new DecryptionError(`data key ${keyId} does not exist`);
    unwrap(row);
    return unwrapped.get(keyId)!;
  }

  const keyring: Keyring = {
    masterKeyId: master.id,
    masterKeySource: master.source,

    async encrypt(db, purpose, plaintext) {
      const { id, key } = await currentKey(db, purpose, 'encryption');
      const sealed = seal(key, Buffer.from(plaintext, 'utf8'), dataAad(purpose));
      return `hw1.${id}.${sealed.toString('base64url')}`;
    },

    async decrypt(db, envelope, purpose) {
      const match = ENVELOPE.exec(envelope);
      if (!match) throw new DecryptionError('not a Homeward envelope');
      const data = await keyById(db, match[1]!);
      if (data.kind !== 'encryption') throw new DecryptionError('the key named is not an encryption key');
      if (purpose && data.purpose !== purpose) throw new DecryptionError(`made for another purpose than ${purpose}`);
      const plaintext = open(data.key, Buffer.from(match[2]!, 'base64url'), dataAad(data.purpose));
      if (!plaintext) throw new DecryptionError('the ciphertext was altered or the key is wrong');
      return plaintext.toString('utf8');
    },

    async blindIndex(db, purpose, value) {
      const { key } = await currentKey(db, purpose, 'blind_index');
      const mac = createHmac('sha256', key).update(normaliseForIndex(value), 'utf8').digest();
      return mac.subarray(0, BLIND_INDEX_BYTES).toString('base64url');
    },

    async verifyMasterKey(db) {
      const rows = await db
        .selectDistinct({ masterKeyId: dataKeys.masterKeyId })
        .from(dataKeys)
        .orderBy(dataKeys.masterKeyId);
      const other = rows.find((row) => row.masterKeyId !== master.id);
      if (other) throw new MasterKeyMismatchError(other.masterKeyId, master);
    },

    async prepare(db) {
      await keyring.verifyMasterKey(db);
      for (const purpose of DATA_PURPOSES) {
        await currentKey(db, purpose, 'encryption');
        await currentKey(db, purpose, 'blind_index');
      }
    },
  };
  return keyring;
}
