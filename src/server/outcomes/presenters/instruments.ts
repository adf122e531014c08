import type { FormDefinition, FormNode } from '../../../shared/outcomes/form.ts';
import { METADATA_TYPES } from '../../../shared/outcomes/form.ts';
import type { Instrument, InstrumentSummary } from '../../../shared/outcomes/schemas/instruments.ts';
import type { outcomeInstruments } from '../tables.ts';

export type InstrumentRow = typeof outcomeInstruments.$inferSelect;

/** The questions a person answers: not calculations, notes or the metadata fields the engine fills. */
export function answeredQuestions(nodes: readonly FormNode[]): number {
  return nodes.reduce(
    (n, node) =>
      n +
      (node.kind !== 'question'
        ? answeredQuestions(node.children)
        : node.type === 'calculate' || node.type === 'note' || (METADATA_TYPES as readonly string[]).includes(node.type)
          ? 0
          : 1),
    0,
  );
}

export function presentInstrumentSummary(row: InstrumentRow, latest: boolean): InstrumentSummary {
  return {
    id: row.id,
    formId: row.formId,
    version: row.version,
    title: row.title,
    defaultLanguage: row.defaultLanguage,
    languages: row.languages,
    questions: answeredQuestions((row.definition as FormDefinition).children),
    importedAt: row.importedAt.toISOString(),
    latest,
  };
}

export function presentInstrument(row: InstrumentRow, latest: boolean): Instrument {
  return {
    ...presentInstrumentSummary(row, latest),
    definition: row.definition as unknown as Instrument['definition'],
  };
}
