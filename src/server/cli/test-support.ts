import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const bin = path.resolve('bin/homeward.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `homeward` command on a data directory and answers its exit code and output. */
export async function runHomeward(
  dataDir: string,
  env: NodeJS.ProcessEnv,
  args: readonly string[],
): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, '--data-dir', dataDir, ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as CliResult;
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
