import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../../config.ts';

export const MASTER_KEY_BYTES = 32;
export const MASTER_KEY_FILE = 'master.key';

/** Where the master key in use came from: rotation treats an environment key differently from a key file. */
export type MasterKeySource = { kind: 'environment' } | { kind: 'file'; path: string };

export interface MasterKey {
  key: Buffer;
  /** Fingerprint: identifies the key in messages and in `data_keys`, reveals nothing of it. */
  id: string;
  source: MasterKeySource;
}

/** Short, printable fingerprint of a master key (a domain-separated SHA-256, first 16 hex digits). */
export function fingerprintMasterKey(key: Buffer): string {
  return createHash('sha256').update('homeward master key fingerprint\0').update(key).digest('hex').slice(0, 16);
}

const BASE64_32_BYTES = /^[A-Za-z0-9+/]{43}=$/;

/** Decodes a base64 32-byte key; `where` names the source in the error (never the value). */
export function parseMasterKey(text: string, where: string): Buffer {
  const trimmed = text.trim();
  if (!BASE64_32_BYTES.test(trimmed)) {
    throw new ConfigError(
      `${where} must be the base64 encoding of exactly ${MASTER_KEY_BYTES} random bytes ` +
        '(44 characters ending in "=", for example the output of `openssl rand -base64 32`).',
    );
  }
  return Buffer.from(trimmed, 'base64');
}

export const encodeMasterKey = (key: Buffer): string => `${key.toString('base64')}\n`;

export const generateMasterKey = (): Buffer => randomBytes(MASTER_KEY_BYTES);

export const masterKeyFilePath = (dataDir: string): string => path.join(dataDir, MASTER_KEY_FILE);

/** A key file must be readable by its owner only; a wider mode means the key may have leaked, so we refuse. */
export function assertPrivateKeyFile(file: string): void {
  if (process.platform === 'win32') return;
  const mode = fs.statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new ConfigError(
      `The master key file ${file} is readable or writable by other users (mode ${mode.toString(8).padStart(4, '0')}). ` +
        `Homeward refuses to use it: check who may have read it, then run \`chmod 600 ${file}\`.`,
    );
  }
}

export function readMasterKeyFile(file: string): Buffer {
  assertPrivateKeyFile(file);
  return parseMasterKey(fs.readFileSync(file, 'utf8'), `The master key file ${file}`);
}

/** Writes a key file atomically: a private temporary file beside it, then a rename over the old one. */
export function writeMasterKeyFile(file: string, key: Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    fs.writeFileSync(temporary, encodeMasterKey(key), { mode: 0o600, flag: 'wx' });
    fs.chmodSync(temporary, 0o600);
    fs.renameSync(temporary, file);
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

/**
 * The master key: HOMEWARD_MASTER_KEY when set, else `master.key` in the data directory, generated (mode 0600)
 * on first use. Two processes starting together both end up with the file that was created first.
 */
export function loadMasterKey(config: { masterKey: string | undefined; dataDir: string }): MasterKey {
  if (config.masterKey !== undefined) {
    const key = parseMasterKey(config.masterKey, 'HOMEWARD_MASTER_KEY');
    return { key, id: fingerprintMasterKey(key), source: { kind: 'environment' } };
  }
  const file = masterKeyFilePath(config.dataDir);
  if (!fs.existsSync(file)) createMasterKeyFile(file);
  const key = readMasterKeyFile(file);
  return { key, id: fingerprintMasterKey(key), source: { kind: 'file', path: file } };
}

/** Creates a new key file unless one appeared meanwhile: written in full aside, then linked into place (atomic). */
function createMasterKeyFile(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    fs.writeFileSync(temporary, encodeMasterKey(generateMasterKey()), { mode: 0o600, flag: 'wx' });
    fs.chmodSync(temporary, 0o600);
    fs.linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}
