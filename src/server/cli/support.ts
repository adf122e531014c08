import fs from 'node:fs';
import v8 from 'node:v8';
import type { Command } from 'commander';
import { type Config, ConfigError, loadConfig } from '../config.ts';
import type { DatabaseHandle, OpenOptions } from '../platform/db/client.ts';
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

/** The command named on the command line after the global options (`--data-dir DIR`), if any. */
export function commandName(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--data-dir') i++;
    else if (arg === '--') return args[i + 1];
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

/**
 * The buffer pool for a command that reads a file: small for a file of up to 4 MB (a gazetteer, a month of
 * observations), the engine's default for a larger one.
 */
export function bufferPoolFor(file: string): 'small' | 'default' {
  const size = fs.statSync(file, { throwIfNoEntry: false })?.size ?? Number.POSITIVE_INFINITY;
  return size <= 4 * 1024 * 1024 ? 'small' : 'default';
}

/** Configuration for a command: the environment, with `--data-dir` taking precedence. */
export function commandConfig(command: Command, overrides: Partial<Config> = {}): Config {
  const { dataDir } = command.optsWithGlobals<GlobalOptions>();
  return loadConfig(process.env, { ...(dataDir ? { dataDir } : {}), ...overrides });
}

/**
 * V8 compiles the embedded engine's WebAssembly with its fast baseline compiler, then recompiles a function with
 * its optimizing compiler once the function has run a budget of code (13 MB by default). The engine's own start
 * spends that budget in a few large functions, whose recompilation took 1 to 2 s of a 2-core machine's time
 * during a short command, and its exit waited for the compilation in progress. A command raises the budget
 * 150-fold: a short command runs on the baseline code, and a long one (the demo, a large import) still has its
 * hot functions optimized within seconds (the demo took no longer). The server keeps V8's default.
 */
const WASM_TIERING_BUDGET = 2_000_000_000;

/** Opens (and migrates) the database for one command, and always closes it, releasing the data-directory lock. */
export async function withDatabase<T>(
  config: Config,
  work: (database: DatabaseHandle) => Promise<T>,
  { migrate = true, bufferPool = 'default' }: { migrate?: boolean; bufferPool?: OpenOptions['bufferPool'] } = {},
): Promise<T> {
  v8.setFlagsFromString(`--wasm-tiering-budget=${WASM_TIERING_BUDGET}`);
  // Loaded here, not at the top: `--help` and the commands without a database do not load the database drivers.
  const { openDatabase } = await import('../platform/db/client.ts');
  const database = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, bufferPool });
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
