import type { Command } from 'commander';
import { buildApp, type HomewardApp } from '../app.ts';
import { SigningKeyMismatchError, signCheckpoint } from '../platform/audit/checkpoint.ts';
import { openDatabase } from '../platform/db/client.ts';
import { CliError, commandConfig } from './support.ts';

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new CliError(`--port must be 0–65535, got "${value}"`, 2);
  return port;
}

/**
 * Signs a checkpoint before serving when the log grew while the server was down (a visitor then finds one at
 * once, not after the first interval), and refuses to start when the signing key is not the pinned one.
 */
async function signAtStart(app: HomewardApp): Promise<void> {
  const { database, keyring, config } = app.platform;
  try {
    const result = await signCheckpoint(database.db, keyring, { pinnedKeyId: config.auditSigningKeyId });
    if (result?.signed) app.log.info({ treeSize: result.checkpoint.treeSize }, 'transparency log checkpoint signed');
  } catch (error) {
    if (error instanceof SigningKeyMismatchError) throw new CliError(`refusing to start: ${error.message}`);
    throw error;
  }
}

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('start the Homeward server (default 127.0.0.1:8080)')
    .option('--port <port>', 'port to listen on (HOMEWARD_PORT)', parsePort)
    .option('--host <host>', 'address to listen on (HOMEWARD_HOST)')
    .action(async (options: { port?: number; host?: string }, command: Command) => {
      const config = commandConfig(command, {
        ...(options.port !== undefined ? { port: options.port } : {}),
        ...(options.host ? { host: options.host } : {}),
      });
      const database = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
      let closing = false;
      try {
        await database.migrate();
        const app = await buildApp(config, { database });
        await signAtStart(app).catch(async (error: unknown) => {
          await app.close();
          throw error;
        });
        const shutdown = async (signal: string) => {
          if (closing) return;
          closing = true;
          app.log.info({ signal }, 'shutting down');
          await app.close();
          await database.close();
          process.exit(0);
        };
        process.once('SIGINT', () => void shutdown('SIGINT'));
        process.once('SIGTERM', () => void shutdown('SIGTERM'));
        const address = await app.listen({ port: config.port, host: config.host });
        console.log(`Homeward is running at ${address.replace('127.0.0.1', 'localhost')} (${database.kind} database)`);
      } catch (error) {
        await database.close();
        throw error;
      }
    });
}
