import { Command, CommanderError } from 'commander';
import { VERSION } from '../version.ts';
import { registerAssess } from './assess.ts';
import { registerAudit } from './audit.ts';
import { registerBackup } from './backup.ts';
import { registerDemo } from './demo.ts';
import { registerImport } from './import.ts';
import { registerKeys } from './keys.ts';
import { registerMigrate } from './migrate.ts';
import { registerStart } from './start.ts';
import { reportFailure } from './support.ts';
import { registerUser } from './user.ts';

const program = new Command('homeward')
  .description('Homeward: the software of a regional mechanism for safe, voluntary and dignified return')
  .version(VERSION)
  .option('--data-dir <dir>', 'data directory of the embedded database (HOMEWARD_DATA_DIR, default ./.homeward)')
  .showHelpAfterError()
  .exitOverride();

registerStart(program);
registerMigrate(program);
registerDemo(program);
registerBackup(program);
registerKeys(program);
registerUser(program);
registerAudit(program);
registerImport(program);
registerAssess(program);

for (const command of program.commands) command.exitOverride();

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // --help and --version end here too, with exit code 0; usage mistakes exit 2.
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else {
    process.exitCode = reportFailure(error);
  }
}
