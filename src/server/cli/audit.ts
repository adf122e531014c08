import type { Command } from 'commander';
import { signCheckpoint } from '../platform/audit/checkpoint.ts';
import { presentCheckpoint } from '../platform/audit/presenter.ts';
import { rebuildTreeNodes } from '../platform/audit/tree-cache.ts';
import { type VerifyLogResult, verifyLog } from '../platform/audit/verify.ts';
import { type Keyring, openKeyring } from '../platform/crypto/keyring.ts';
import type { Database } from '../platform/db/client.ts';
import { CliError, commandConfig, withDatabase } from './support.ts';

const count = (n: number) => n.toLocaleString('en');
const plural = (n: number, one: string, many: string) => `${count(n)} ${n === 1 ? one : many}`;

const FAILURE_PREFIX = {
  entries: 'first bad entry',
  tree_nodes: 'node cache',
  access_log: 'first bad access log row',
} as const;

/**
 * `homeward audit verify`: the lines to print and the exit status (0 intact, 1 not). With `repairCache`, a
 * node cache found wrong while the entries are intact is rebuilt from the entries, and the log verified again.
 */
export async function verifyFromCli(
  db: Database,
  options: { json?: boolean; repairCache?: boolean } = {},
): Promise<{ exitCode: number; out: string[]; err: string[]; result: VerifyLogResult }> {
  let result = await verifyLog(db);
  const repaired: string[] = [];
  if (options.repairCache && !result.ok && result.part === 'tree_nodes') {
    const { nodes } = await rebuildTreeNodes(db);
    repaired.push(`Rebuilt the node cache from the entries (${plural(nodes, 'node', 'nodes')}).`);
    result = await verifyLog(db);
  }
  const exitCode = result.ok ? 0 : 1;
  if (options.json) return { exitCode, out: [JSON.stringify(result, null, 2)], err: [], result };
  if (!result.ok) {
    return { exitCode, out: repaired, err: [`homeward: ${FAILURE_PREFIX[result.part]}: ${result.message}`], result };
  }
  const checkpoints = result.latestCheckpoint
    ? `${plural(result.checkpointsVerified, 'signed checkpoint matches', 'signed checkpoints match')} ` +
      `(latest at size ${count(result.latestCheckpoint.treeSize)}, signed ${result.latestCheckpoint.signedAt})`
    : 'no checkpoint signed yet';
  const { accessLog } = result;
  const line =
    `Transparency log intact: ${plural(result.treeSize, 'entry', 'entries')}, root ${result.rootHash}; ${checkpoints}; ` +
    `access log chain intact: ${plural(accessLog.size, 'row', 'rows')}, ` +
    `${plural(accessLog.anchorsMatched, 'anchor matches', 'anchors match')}; ` +
    `checked in ${result.seconds.toFixed(1)} s.`;
  return { exitCode, out: [...repaired, line], err: [], result };
}

/** `homeward audit checkpoint`: signs a checkpoint when the log grew, and prints the latest one. */
export async function checkpointFromCli(db: Database, keyring: Keyring, options: { json?: boolean } = {}) {
  await keyring.verifyMasterKey(db);
  const signed = await signCheckpoint(db, keyring);
  if (!signed) throw new CliError('The transparency log is empty: there is nothing to sign.');
  const view = presentCheckpoint(signed.checkpoint);
  if (options.json) return [JSON.stringify({ ...view, signed: signed.signed }, null, 2)];
  return [
    signed.signed ? 'Signed a new checkpoint.' : 'The log has not grown since the latest checkpoint:',
    `tree size  ${view.treeSize}`,
    `root hash  ${view.rootHash}`,
    `time       ${view.time}`,
    `signature  ${view.signature}`,
    `key id     ${view.keyId}`,
    `public key ${view.publicKey} (Ed25519)`,
  ];
}

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('check and sign the transparency log');
  audit
    .command('verify')
    .description(
      'rebuild the Merkle tree from the stored entries and check every signed checkpoint, the stored tree nodes ' +
        "and the access log's hash chain",
    )
    .option('--json', 'print the result as JSON')
    .option('--repair-cache', 'when only the stored tree nodes are wrong, rebuild them from the entries')
    .action(async (options: { json?: boolean; repairCache?: boolean }, command: Command) => {
      const config = commandConfig(command);
      const { exitCode, out, err } = await withDatabase(config, (database) => verifyFromCli(database.db, options));
      for (const line of out) console.log(line);
      for (const line of err) console.error(line);
      process.exitCode = exitCode;
    });
  audit
    .command('checkpoint')
    .description('sign a checkpoint if the log grew, and print the latest (tree size, root hash, time, signature)')
    .option('--json', 'print the checkpoint as JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      const config = commandConfig(command);
      const keyring = await openKeyring(config);
      const lines = await withDatabase(config, (database) => checkpointFromCli(database.db, keyring, options));
      for (const line of lines) console.log(line);
    });
}
