import { z } from 'zod';

/**
 * Survey instruments: XLSForm workbooks imported once per version, and the form read from them (the tree the
 * web form renders and the form engine checks answers against). No personal data.
 */

/** The largest XLSForm workbook imported (a Kobo form in several languages is some 20 to 300 kB). */
export const INSTRUMENT_FILE_MAX_BYTES = 700 * 1024;
const BASE64_MAX = Math.ceil(INSTRUMENT_FILE_MAX_BYTES / 3) * 4;

export const ImportInstrumentRequest = z.strictObject({
  /** The workbook's file name: its form id when the settings sheet gives none. */
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[^/\\]+$/, 'must be a file name, without folders'),
  /** The workbook's bytes in base64. */
  contentBase64: z
    .string()
    .min(1)
    .max(BASE64_MAX, `must be a workbook of at most ${INSTRUMENT_FILE_MAX_BYTES / 1024} kB`)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64'),
});
export type ImportInstrumentRequest = z.infer<typeof ImportInstrumentRequest>;

const Localized = z.record(z.string(), z.string());

export const InstrumentSummary = z.object({
  id: z.uuid(),
  formId: z.string(),
  version: z.string(),
  title: Localized,
  defaultLanguage: z.string(),
  languages: z.array(z.string()),
  /** Questions a person answers (calculations and metadata fields left out). */
  questions: z.number().int(),
  importedAt: z.iso.datetime({ offset: true }),
  /** Whether it is the newest version of its form. */
  latest: z.boolean(),
});
export type InstrumentSummary = z.infer<typeof InstrumentSummary>;

/** The form as read from the workbook (see shared/outcomes/form.ts for its shape). */
export const FormDefinitionSchema = z.looseObject({
  formId: z.string(),
  version: z.string(),
  title: Localized,
  defaultLanguage: z.string(),
  languages: z.array(z.string()),
  children: z.array(z.looseObject({ kind: z.string(), name: z.string() })),
  choices: z.record(z.string(), z.array(z.looseObject({ name: z.string(), label: Localized }))),
});

export const Instrument = InstrumentSummary.extend({ definition: FormDefinitionSchema });
export type Instrument = z.infer<typeof Instrument>;

export const InstrumentImported = z.object({
  instrument: Instrument,
  /** False when the same workbook had already been imported: nothing changed. */
  created: z.boolean(),
});
export type InstrumentImported = z.infer<typeof InstrumentImported>;

export const InstrumentList = z.object({ items: z.array(InstrumentSummary) });
export type InstrumentList = z.infer<typeof InstrumentList>;
