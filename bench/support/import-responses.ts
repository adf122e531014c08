import fs from 'node:fs';
import { importResponseFile } from '../../src/server/outcomes/response-imports.ts';
import { openKeyring } from '../../src/server/platform/crypto/keyring.ts';
import { openDatabase } from '../../src/server/platform/db/client.ts';

// Child process for bench/outcomes.ts: imports answer files (one per round) into an embedded data directory, in
// a process of its own so that its peak memory is the import's. Prints the time, the results and the memory.
const [dataDir, organisationId, ...files] = process.argv.slice(2) as [string, string, ...string[]];
const handle = await openDatabase({ dataDir });
const keyring = await openKeyring({ dataDir, masterKey: process.env.HOMEWARD_MASTER_KEY });
const rssBefore = process.memoryUsage.rss();
const results: unknown[] = [];
let seconds = 0;
for (const spec of files) {
  const [file, round] = spec.split('@') as [string, string];
  const bytes = fs.readFileSync(file);
  const started = performance.now();
  results.push(
    await importResponseFile(
      handle.db,
      keyring,
      { formId: 'homeward_bench', fileName: file, bytes, population: 'resident', round: Number(round) },
      { organisationId, actor: null },
    ),
  );
  seconds += (performance.now() - started) / 1000;
}
await handle.close();
console.log(JSON.stringify({ seconds, results, rssBefore, maxRssKb: process.resourceUsage().maxRSS }));
