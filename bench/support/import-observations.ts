import { openKeyring } from '../../src/server/platform/crypto/keyring.ts';
import { openDatabase } from '../../src/server/platform/db/client.ts';
import { importObservations } from '../../src/server/zones/imports.ts';

// Child process for bench/zones.ts: imports an observation file into an embedded data directory, in a process
// of its own so that its peak memory is the import's. Prints the time, the result and the memory as JSON.
const [dataDir, file, organisationId] = process.argv.slice(2) as [string, string, string];
const handle = await openDatabase({ dataDir });
const keyring = await openKeyring({ dataDir, masterKey: undefined });
const rssBefore = process.memoryUsage.rss();
/** Resident set size (and the JS heap's part) every 100,000 rows: flat when the file is streamed. */
const rssSamples: { rows: number; rss: number; heap: number; maxRssKb: number }[] = [];
const started = performance.now();
const result = await importObservations(handle.db, keyring, file, {
  organisationId,
  onProgress: (rows) => {
    if (rows % 100_000 === 0) {
      const { rss, heapUsed } = process.memoryUsage();
      rssSamples.push({ rows, rss, heap: heapUsed, maxRssKb: process.resourceUsage().maxRSS });
    }
  },
});
const seconds = (performance.now() - started) / 1000;
await handle.close();
console.log(JSON.stringify({ seconds, result, rssBefore, rssSamples, maxRssKb: process.resourceUsage().maxRSS }));
