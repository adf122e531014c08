import { parentPort, workerData } from 'node:worker_threads';
import { type LogPage, PageChecker } from './verifier.ts';

/** Checks pages off the main thread and sends back their leaf hashes, so checking overlaps with reading. */
const checker = new PageChecker((workerData as { headSize: number }).headSize);
parentPort!.on('message', (page: LogPage) => {
  const checked = checker.check(page);
  parentPort!.postMessage(checked, [checked.hashes.buffer as ArrayBuffer]);
});
