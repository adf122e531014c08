import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const serveScript = fileURLToPath(new URL('./serve.ts', import.meta.url));

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/** Starts a server in its own process so the load generator does not share its event loop. */
export async function startServer(kind: 'homeward' | 'bare', env: NodeJS.ProcessEnv = {}): Promise<RunningServer> {
  const child: ChildProcess = spawn(process.execPath, [serveScript, kind], {
    env: { ...process.env, HOMEWARD_LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const match = buffered.match(/listening (\S+)/);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      if (child.exitCode === null) await once(child, 'exit');
    },
  };
}

/** Requests per second a server sustains for `seconds` with `connections` concurrent clients. */
export async function measureRps(url: string, { connections = 50, seconds = 5 } = {}): Promise<number> {
  await autocannon({ url, connections, duration: 1 });
  const result = await autocannon({ url, connections, duration: seconds });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx responses and ${result.errors} errors under load`);
  }
  return result.requests.average;
}
