import type { Command } from 'commander';
import { type Config, ConfigError, loadConfig } from '../config.ts';
import { type DatabaseHandle, openDatabase } from '../platform/db/client.ts';
import { DataDirInUseError } from '../platform/db/lock.ts';
import { AppError } from '../platform/http/errors.ts';
import { describeProblem } from '../platform/i18n/problems.ts';

/** A refusal the person can act on: printed without a stack trace, exit status 1 (2 for wrong usage). */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
  }
}

export interface GlobalOptions {
  dataDir?: string;
}

/** Configuration for a command: the environment, with `--data-dir` taking precedence. */
export function commandConfig(command: Command, overrides: Partial<Config> = {}): Config {
  const { dataDir } = command.optsWithGlobals<GlobalOptions>();
  return loadConfig(process.env, { ...(dataDir ? { dataDir } : {}), ...overrides });
}

/** Opens (and migrates) the database for one command, and always closes it, releasing the data-directory lock. */
export async function withDatabase<T>(
  config: Config,
  work: (database: DatabaseHandle) => Promise<T>,
  { migrate = true } = {},
): Promise<T> {
  const database = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  try {
    if (migrate) await database.migrate();
    return await work(database);
  } finally {
    await database.close();
  }
}

/** Prints a failure for a person at a terminal: the message, never a stack trace. */
export function reportFailure(error: unknown): number {
  if (error instanceof CliError) {
    console.error(`homeward: ${error.message}`);
    return error.exitCode;
  }
  if (error instanceof AppError) {
    const { detail } = describeProblem('en', error.code, error.params);
    const fields = (error.errors ?? []).map((e) => `  ${e.field.replace(/^body\./, '')}: ${e.message}`);
    console.error([`homeward: ${detail}`, ...fields].join('\n'));
    return 1;
  }
  if (error instanceof ConfigError || error instanceof DataDirInUseError) {
    console.error(`homeward: ${error.message}`);
    return 1;
  }
  console.error(`homeward: unexpected failure: ${error instanceof Error ? error.message : String(error)}`);
  if (process.env.HOMEWARD_DEBUG) console.error(error);
  return 1;
}
