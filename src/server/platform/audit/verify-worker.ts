import { parentPort, workerData } from 'node:worker_threads';
import { type LogPage, LogVerifier, type VerifierSetup } from './verifier.ts';

/** Runs a LogVerifier off the main thread, so hashing one page overlaps with reading the next. */
const verifier = new LogVerifier(workerData as VerifierSetup);
parentPort!.on('message', (message: { page: LogPage } | { finish: true }) => {
  if ('page' in message) parentPort!.postMessage({ type: 'consumed', more: verifier.consume(message.page) });
  else parentPort!.postMessage({ type: 'finished', outcome: verifier.finish() });
});
