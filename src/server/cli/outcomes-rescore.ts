import type { Command } from 'commander';
import type { Database } from '../platform/db/client.ts';
import { commandConfig, withDatabase } from './support.ts';

/**
 * `homeward outcomes rescore`: recomputes every stored round's reintegration scores from its coded indicators
 * with the configured weights (HOMEWARD_OUTCOME_SCORE_WEIGHTS), after the weights changed. Logged in the
 * transparency log, by the system.
 */
export async function rescoreFromCli(
  db: Database,
  weights: { economic: number; social: number; psychosocial: number },
): Promise<string[]> {
  const { rescoreAll } = await import('../outcomes/rescore.ts');
  const { responses } = await rescoreAll(db, weights);
  return [
    `Recomputed the scores of ${responses.toLocaleString('en')} ${responses === 1 ? 'round' : 'rounds'} ` +
      `with the weights economic ${weights.economic}, social ${weights.social}, psychosocial ${weights.psychosocial}.`,
  ];
}

export function registerOutcomesRescore(program: Command): void {
  const outcomes =
    program.commands.find((command) => command.name() === 'outcomes') ??
    program.command('outcomes').description('outcome monitoring after return');
  outcomes
    .command('rescore')
    .description("recompute every round's scores with the configured weights (HOMEWARD_OUTCOME_SCORE_WEIGHTS)")
    .action(async (_options: unknown, command: Command) => {
      const config = commandConfig(command);
      const lines = await withDatabase(config, ({ db }) => rescoreFromCli(db, config.outcomeScoreWeights));
      for (const line of lines) console.log(line);
    });
}
