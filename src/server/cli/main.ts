import { Command, CommanderError } from 'commander';
import { VERSION } from '../version.ts';
import { commandName, reportFailure } from './support.ts';

type Register = (program: Command) => void;

/**
 * Each command's module, loaded when it is needed: a command loads only its own module (and what its work needs),
 * not those of every other command (the server, the demo region, backups…), which took most of a second to load.
 * In the order `--help` lists them; `restore` is in the backup module.
 */
const COMMANDS: [names: string[], load: () => Promise<Register>][] = [
  [['start'], async () => (await import('./start.ts')).registerStart],
  [['migrate'], async () => (await import('./migrate.ts')).registerMigrate],
  [['demo'], async () => (await import('./demo.ts')).registerDemo],
  [['backup', 'restore'], async () => (await import('./backup.ts')).registerBackup],
  [['keys'], async () => (await import('./keys.ts')).registerKeys],
  [['user'], async () => (await import('./user.ts')).registerUser],
  [['audit'], async () => (await import('./audit.ts')).registerAudit],
  [['import'], async () => (await import('./import.ts')).registerImport],
  [['assess'], async () => (await import('./assess.ts')).registerAssess],
  [['outcomes'], async () => (await import('./outcomes-rescore.ts')).registerOutcomesRescore],
];

const program = new Command('homeward')
  .description('Homeward: the software of a regional mechanism for safe, voluntary and dignified return')
  .version(VERSION)
  .option('--data-dir <dir>', 'data directory of the embedded database (HOMEWARD_DATA_DIR, default ./.homeward)')
  .showHelpAfterError()
  .exitOverride();

// A known command registers alone; anything else (help, no command, a mistyped one) registers them all, so that
// help lists every command and a mistake is answered with the nearest name.
const name = commandName(process.argv.slice(2));
const named = COMMANDS.find(([names]) => name !== undefined && names.includes(name));
for (const [, load] of named ? [named] : COMMANDS) (await load())(program);

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
