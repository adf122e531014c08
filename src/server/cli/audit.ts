import fs from 'node:fs';
import type { Command } from 'commander';
import { SigningKeyMismatchError, signCheckpoint } from '../platform/audit/checkpoint.ts';
import { presentCheckpoint } from '../platform/audit/presenter.ts';
import { rebuildTreeNodes } from '../platform/audit/tree-cache.ts';
import { type VerifyLogResult, verifyLog } from '../platform/audit/verify.ts';
import { type Keyring, openKeyring } from '../platform/crypto/keyring.ts';
import type { Database } from '../platform/db/client.ts';
import { count, counted } from '../platform/i18n/plural.ts';
import { CliError, commandConfig, withDatabase } from './support.ts';
import { checkpointFault, OutsideCheckpoint, witness, witnessKeyLines } from './witness.ts';

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
  options: { json?: boolean; checkpoint?: string; repairCache?: boolean } = {},
): Promise<{ exitCode: number; out: string[]; err: string[]; result: VerifyLogResult }> {
  const outside = options.checkpoint ? readOutsideCheckpoint(options.checkpoint) : undefined;
  if (outside) {
    const fault = checkpointFault(outside);
    if (fault) throw new CliError(`the checkpoint in ${options.checkpoint} does not hold together: ${fault}`);
  }
  const verifyOptions = {
    outside: outside
      ? [{ treeSize: outside.treeSize, rootHash: outside.rootHash, signedAt: outside.time, signatureValid: true }]
      : [],
  };
  let result = await verifyLog(db, verifyOptions);
  const repaired: string[] = [];
  if (options.repairCache && !result.ok && result.part === 'tree_nodes') {
    const { nodes } = await rebuildTreeNodes(db);
    repaired.push(`Rebuilt the node cache from the entries (${counted(nodes, 'node', 'nodes')}).`);
    result = await verifyLog(db, verifyOptions);
  }
  const exitCode = result.ok ? 0 : 1;
  if (options.json) return { exitCode, out: [JSON.stringify(result, null, 2)], err: [], result };
  if (!result.ok) {
    const notContained =
      outside &&
      result.checkpoint?.treeSize === outside.treeSize &&
      result.checkpoint.signedAt === outside.time &&
      (result.reason === 'checkpoint_mismatch' || result.reason === 'checkpoint_beyond_log');
    const message = notContained
      ? `the database's log does not contain the checkpoint in ${options.checkpoint} (size ` +
        `${count(outside.treeSize)}, root ${outside.rootHash}): ` +
        (result.reason === 'checkpoint_beyond_log'
          ? `the log holds only ${counted(result.entriesChecked, 'entry', 'entries')}`
          : `the tree of its first ${count(outside.treeSize)} entries has another root`)
      : `${FAILURE_PREFIX[result.part]}: ${result.message}`;
    return { exitCode, out: repaired, err: [`homeward: ${message}`], result };
  }
  const checkpoints = result.latestCheckpoint
    ? `${counted(result.checkpointsVerified, 'signed checkpoint matches', 'signed checkpoints match')} ` +
      `(latest at size ${count(result.latestCheckpoint.treeSize)}, signed ${result.latestCheckpoint.signedAt})`
    : 'no checkpoint signed yet';
  const held = outside
    ? `; contains the checkpoint in ${options.checkpoint} (size ${count(outside.treeSize)}, signed ${outside.time})`
    : '';
  const { accessLog } = result;
  const line =
    `Transparency log intact: ${counted(result.treeSize, 'entry', 'entries')}, root ${result.rootHash}; ${checkpoints}` +
    `${held}; access log chain intact: ${counted(accessLog.size, 'row', 'rows')}, ` +
    `${counted(accessLog.anchorsMatched, 'anchor matches', 'anchors match')}; ` +
    `checked in ${result.seconds.toFixed(1)} s.`;
  return { exitCode, out: [...repaired, line], err: [], result };
}

/** A checkpoint held outside: the JSON the public route serves, or a witness's state file (its `checkpoint`). */
function readOutsideCheckpoint(file: string): OutsideCheckpoint {
  let value: unknown;
  try {
    value = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CliError(`cannot read the checkpoint ${file}: ${(error as Error).message}`, 2);
  }
  const held = (value as { checkpoint?: unknown } | null)?.checkpoint ?? value;
  const parsed = OutsideCheckpoint.safeParse(held);
  if (!parsed.success) {
    throw new CliError(`${file} holds no checkpoint (the public checkpoint's JSON, or a witness state file)`, 2);
  }
  return parsed.data;
}

/** `homeward audit checkpoint`: signs a checkpoint when the log grew, and prints the latest one. */
export async function checkpointFromCli(
  db: Database,
  keyring: Keyring,
  options: { json?: boolean; pinnedKeyId?: string | undefined } = {},
) {
  await keyring.verifyMasterKey(db);
  const signed = await signCheckpoint(db, keyring, { pinnedKeyId: options.pinnedKeyId }).catch((error: unknown) => {
    if (error instanceof SigningKeyMismatchError) throw new CliError(error.message);
    throw error;
  });
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
    .option(
      '--checkpoint <file>',
      "also check that the log contains a checkpoint held outside (the public checkpoint's JSON, or a witness state file)",
    )
    .option('--repair-cache', 'when only the stored tree nodes are wrong, rebuild them from the entries')
    .action(async (options: { json?: boolean; checkpoint?: string; repairCache?: boolean }, command: Command) => {
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
      const lines = await withDatabase(config, (database) =>
        checkpointFromCli(database.db, keyring, { ...options, pinnedKeyId: config.auditSigningKeyId }),
      );
      for (const line of lines) console.log(line);
    });
  audit
    .command('witness')
    .description(
      "check a server's transparency log from outside, through its public routes only: the checkpoint's signature, " +
        'and that the log only grew since the checkpoint stored in the state file',
    )
    .argument('<url>', "the server's address, e.g. https://homeward.example.org")
    .requiredOption('--state <file>', "this witness's state file (created on the first run)")
    .option(
      '--accept-key <id>',
      'accept a new signing key announced by the operator (or expect this key on a first run)',
    )
    .option('--sign-key <file>', 'countersign the checkpoint with this witness key (see audit witness-key)')
    .action(async (url: string, options: { state: string; acceptKey?: string; signKey?: string }) => {
      for (const line of await witness(url, options)) console.log(line);
    });
  audit
    .command('witness-key')
    .description("create a witness's Ed25519 key in a file (or show the one there), for --sign-key")
    .argument('<file>', 'where the private key is kept (created readable by its owner only)')
    .option('--name <name>', 'the name to give the operator for HOMEWARD_WITNESS_KEYS', 'witness')
    .action((file: string, options: { name: string }) => {
      for (const line of witnessKeyLines(file, options.name)) console.log(line);
    });
}
