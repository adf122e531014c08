import type { Command } from 'commander';
import { verifyLog } from '../platform/audit/verify.ts';
import { writeBackup } from '../platform/backup/backup.ts';
import { RestoreError, restoreBackup } from '../platform/backup/restore.ts';
import { openKeyring } from '../platform/crypto/keyring.ts';
import { CliError, commandConfig, withDatabase } from './support.ts';

const describeCounts = (tables: Record<string, number>) =>
  `${Object.values(tables)
    .reduce((sum, n) => sum + n, 0)
    .toLocaleString('en')} rows in ${Object.keys(tables).length} tables`;

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description('write a full backup of the database to FILE (personal data stays encrypted)')
    .argument('<file>', 'where to write the backup')
    .action(async (file: string, _options, command: Command) => {
      const config = commandConfig(command);
      const keyring = await openKeyring(config);
      const summary = await withDatabase(config, async ({ db }) => {
        await keyring.verifyMasterKey(db);
        return writeBackup(db, file, keyring.masterKeyId);
      });
      console.log(
        `Backup written to ${file}: ${describeCounts(summary.tables)}, ${summary.bytes.toLocaleString('en')} bytes.`,
      );
      console.log(
        `Data keys are wrapped with master key ${keyring.masterKeyId}: keep that key safe, apart from backups.`,
      );
    });

  program
    .command('restore')
    .description('restore a backup from FILE into an empty database; the transparency log is verified first')
    .argument('<file>', 'the backup to restore')
    .option('--replace', 'replace everything the database holds')
    .action(async (file: string, options: { replace?: boolean }, command: Command) => {
      const config = commandConfig(command);
      const keyring = await openKeyring(config);
      const result = await withDatabase(config, async ({ db }) => {
        try {
          return await restoreBackup(db, file, {
            masterKeyId: keyring.masterKeyId,
            replace: options.replace === true,
            verify: async (tx) => {
              const verdict = await verifyLog(tx);
              return verdict.ok
                ? { ok: true, message: `${verdict.treeSize} entries, root ${verdict.rootHash}` }
                : { ok: false, message: `first bad entry: ${verdict.message}` };
            },
          });
        } catch (error) {
          if (error instanceof RestoreError)
            throw new CliError(`restore refused, nothing was changed: ${error.message}`);
          throw error;
        }
      });
      console.log(`Restored the backup of ${result.createdAt}: ${describeCounts(result.tables)}.`);
      console.log(`Transparency log verified: ${result.verification}.`);
    });
}
