import fs from 'node:fs';
import type { Command } from 'commander';
import type { Config } from '../config.ts';
import { appendAudit } from '../platform/audit/log.ts';
import { pendingKeyFile } from '../platform/crypto/keyring.ts';
import {
  fingerprintMasterKey,
  generateMasterKey,
  loadMasterKey,
  type MasterKey,
  masterKeyFilePath,
  readMasterKeyFile,
  writeMasterKeyFile,
} from '../platform/crypto/master-key.ts';
import { type RotationResult, rotateMasterKey } from '../platform/crypto/rotate.ts';
import type { DatabaseHandle } from '../platform/db/client.ts';
import { CliError, commandConfig, withDatabase } from './support.ts';

export interface RotateOptions {
  newKeyFile?: string;
  dataKeys?: boolean;
}

/** Refusals that need no database: checked before the database is opened. */
export function planRotation(config: Config, options: RotateOptions): { current: MasterKey; next: MasterKey } {
  if (config.masterKey === undefined && !fs.existsSync(masterKeyFilePath(config.dataDir))) {
    throw new CliError(
      `There is no master key to rotate: HOMEWARD_MASTER_KEY is not set and ${masterKeyFilePath(config.dataDir)} does not exist.`,
    );
  }
  const current = loadMasterKey(config);
  if (current.source.kind === 'environment' && !options.newKeyFile) {
    throw new CliError(
      'The master key comes from HOMEWARD_MASTER_KEY, which Homeward cannot change: give the new key with ' +
        '--new-key-file FILE (for example made with `openssl rand -base64 32 > FILE && chmod 600 FILE`).',
      2,
    );
  }
  const key = options.newKeyFile ? readMasterKeyFile(options.newKeyFile) : generateMasterKey();
  const next: MasterKey = { key, id: fingerprintMasterKey(key), source: current.source };
  if (next.id === current.id) throw new CliError(`The new master key is the key already in use (${current.id}).`);
  return { current, next };
}

/**
 * Rotates the master key of an open database. With a key file, the new key is first written beside it
 * (`master.key.next`), the data keys are rewrapped in one transaction, and only then is the new key renamed over
 * the old one: an interruption never leaves the database wrapped by a key that is not on disk.
 */
export async function rotateKeys(
  database: DatabaseHandle,
  plan: { current: MasterKey; next: MasterKey },
  options: RotateOptions,
): Promise<{ result: RotationResult; lines: string[] }> {
  const { current, next } = plan;
  const keyFile = current.source.kind === 'file' ? current.source.path : undefined;
  const pending = keyFile ? pendingKeyFile(keyFile) : undefined;
  if (pending) writeMasterKeyFile(pending, next.key);
  let result: RotationResult;
  try {
    result = await rotateMasterKey(database.db, current, next, {
      newDataKeys: options.dataKeys === true,
      record: (tx, rotation) =>
        appendAudit(tx, {
          type: 'crypto.master_key_rotated',
          actor: null,
          subject: `master-key:${rotation.masterKeyId}`,
          details: {
            previousMasterKeyId: rotation.previousMasterKeyId,
            masterKeyId: rotation.masterKeyId,
            rewrappedDataKeys: rotation.rewrapped,
            newDataKeyPurposes: rotation.newDataKeyPurposes,
          },
        }).then(() => {}),
    });
  } catch (error) {
    if (pending) fs.rmSync(pending, { force: true });
    throw error;
  }
  if (keyFile && pending) fs.renameSync(pending, keyFile);

  const lines = [
    `Master key rotated from ${result.previousMasterKeyId} to ${result.masterKeyId}: ${result.rewrapped} data keys rewrapped.`,
  ];
  if (result.newDataKeyPurposes.length > 0) {
    lines.push(`New data keys for new writes: ${result.newDataKeyPurposes.join(', ')} (old keys kept for reading).`);
  }
  if (keyFile) {
    lines.push(`The new key is in ${keyFile} (mode 0600).`);
  } else {
    lines.push(
      `Now set HOMEWARD_MASTER_KEY to the contents of ${options.newKeyFile} (fingerprint ${result.masterKeyId}) ` +
        `wherever Homeward runs, before it starts again: the key ${result.previousMasterKeyId} no longer opens this database.`,
    );
  }
  lines.push(`Backups made before now still need the old master key ${result.previousMasterKeyId}.`);
  return { result, lines };
}

export function registerKeys(program: Command): void {
  const keys = program.command('keys').description('manage the encryption keys of personal data');
  keys
    .command('rotate')
    .description(
      'replace the master key: rewrap every data key in one transaction, then replace the key file (stop the server first)',
    )
    .option('--new-key-file <file>', 'take the new master key from this file (base64 of 32 bytes, mode 0600)')
    .option('--data-keys', 'also start new data keys for new writes (old ones stay for reading)')
    .action(async (options: RotateOptions, command: Command) => {
      const config = commandConfig(command);
      const plan = planRotation(config, options);
      await withDatabase(config, async (database) => {
        const { lines } = await rotateKeys(database, plan, options);
        for (const line of lines) console.log(line);
      });
    });
}
