import fs from 'node:fs';
import path from 'node:path';
import { POPULATIONS, type Population, ROUNDS } from '../../shared/outcomes/constants.ts';
import type { Keyring } from '../platform/crypto/keyring.ts';
import type { Database } from '../platform/db/client.ts';
import { count, counted } from '../platform/i18n/plural.ts';
import type { ImportProgress } from './import.ts';
import { CliError } from './support.ts';

/**
 * `homeward import responses FILE --form ID --org ORGANISATION [--population resident] [--round N]
 * [--repeat REPEAT.csv …]`: answers exported from KoboToolbox or ODK Central (its zip, or its main CSV with a
 * `--repeat` per repeat CSV), for the organisation that collected them (as observations are given
 * by one), all or nothing. The service and its readers load only when the command runs.
 */

export interface ResponsesOptions {
  form?: string;
  formVersion?: string;
  population?: string;
  round?: string;
  /** ODK Central's repeat CSVs beside the main CSV. */
  repeat?: string[];
}

/** Refuses options that cannot be right before anything is read (exit 2). */
export function checkResponsesOptions(options: ResponsesOptions): { population: Population; round?: number } {
  if (!options.form) {
    throw new CliError(
      'Importing responses needs --form: the form id of the instrument the answers were collected with.',
      2,
    );
  }
  const population = (options.population ?? 'returnee') as Population;
  if (!POPULATIONS.includes(population)) {
    throw new CliError(`--population is ${POPULATIONS.join(' or ')}, not "${options.population}".`, 2);
  }
  if (options.round === undefined) {
    if (population === 'resident') {
      throw new CliError('Importing resident answers needs --round: the round (1, 3, 6 or 12) they sit beside.', 2);
    }
    return { population };
  }
  const round = Number(options.round);
  if (!(ROUNDS as readonly number[]).includes(round)) {
    throw new CliError(`--round is one of ${ROUNDS.join(', ')} (months after arrival), not "${options.round}".`, 2);
  }
  return { population, round };
}

export async function importResponsesFromCli(
  db: Database,
  keyring: Keyring,
  file: string,
  organisation: { id: string; name: string },
  options: ResponsesOptions & { progress?: ImportProgress },
): Promise<{ summary: string; warnings: string[] }> {
  const { population, round } = checkResponsesOptions(options);
  const { importResponseFile } = await import('../outcomes/response-imports.ts');
  const bytes = fs.readFileSync(file);
  const repeatFiles = (options.repeat ?? []).map((repeat) => {
    if (!fs.existsSync(repeat) || !fs.statSync(repeat).isFile()) {
      throw new CliError(`The repeat file ${repeat} cannot be read: no such file.`, 2);
    }
    return { name: path.basename(repeat), bytes: fs.readFileSync(repeat) };
  });
  let done = false;
  options.progress?.begin();
  try {
    const result = await importResponseFile(
      db,
      keyring,
      {
        formId: options.form!,
        ...(options.formVersion ? { version: options.formVersion } : {}),
        fileName: path.basename(file),
        bytes,
        ...(repeatFiles.length > 0 ? { repeatFiles } : {}),
        population,
        ...(round === undefined ? {} : { round }),
        ...(options.progress ? { onProgress: options.progress.update } : {}),
      },
      { organisationId: organisation.id, actor: null },
    );
    done = true;
    const lines = [
      `imported ${counted(result.created, 'answer set', 'answer sets')} (${count(result.unchanged)} unchanged) ` +
        `of ${result.formId} ${result.version} for ${organisation.name}` +
        (population === 'resident' ? ', resident households' : ''),
    ];
    if (result.skipped > 0) {
      lines.push(`  not imported: ${counted(result.skipped, 'row', 'rows')} rejected in the collection tool`);
    }
    return { summary: lines.join('\n'), warnings: [] };
  } finally {
    options.progress?.end(done);
  }
}
