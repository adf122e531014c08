import type { Command } from 'commander';
import { commandConfig, withDatabase } from './support.ts';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('apply database migrations (the server also applies them at start)')
    .action(async (_options, command: Command) => {
      const config = commandConfig(command);
      await withDatabase(
        config,
        async (database) => {
          console.log(`Migrations applied (${database.kind} database).`);
        },
        { bufferPool: 'small' },
      );
    });
}
