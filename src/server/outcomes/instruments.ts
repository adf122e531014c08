import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { and, desc, eq } from 'drizzle-orm';
import { DEFAULT_INSTRUMENT_FORM_ID } from '../../shared/outcomes/constants.ts';
import type { FormDefinition } from '../../shared/outcomes/form.ts';
import {
  INSTRUMENT_FILE_MAX_BYTES,
  type Instrument,
  type InstrumentImported,
  type InstrumentList,
} from '../../shared/outcomes/schemas/instruments.ts';
import { isUniqueViolation } from '../platform/accounts/provisioning.ts';
import { inTransaction } from '../platform/audit/head.ts';
import { appendAudit } from '../platform/audit/log.ts';
import type { RequestContext } from '../platform/context.ts';
import type { Database } from '../platform/db/client.ts';
import { AppError } from '../platform/http/errors.ts';
import { authorize } from '../platform/policy/policy.ts';
import {
  answeredQuestions,
  type InstrumentRow,
  presentInstrument,
  presentInstrumentSummary,
} from './presenters/instruments.ts';
import { outcomeInstruments } from './tables.ts';
import './events.ts';
import './permissions.ts';
import './problems.ts';

/**
 * Survey instruments: an XLSForm workbook imported once per form id and version, read into the form tree that
 * the web form renders and the form engine checks answers against. Importing the same workbook again changes
 * nothing; another workbook under a version already imported is refused (a version's questions never change
 * under the answers given to it).
 */

/** The default instrument's workbook, shipped with Homeward (written by instruments/build-default.ts). */
export const DEFAULT_INSTRUMENT_PATH = path.join(import.meta.dirname, 'instruments', 'homeward_reintegration.xlsx');

const hashOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const instrumentHref = (id: string) => `/api/v1/outcomes/instruments/${id}`;

async function readForm(fileName: string, bytes: Uint8Array, now: Date): Promise<FormDefinition> {
  if (bytes.length > INSTRUMENT_FILE_MAX_BYTES) {
    throw new AppError('payload_too_large', { params: { limit: INSTRUMENT_FILE_MAX_BYTES } });
  }
  // exceljs loads only when a form is imported.
  const { readXlsForm } = await import('./files/xlsform.ts');
  return readXlsForm({ fileName, bytes, importedAt: now });
}

/**
 * Stores a form in its own transaction with its audit entry, or answers the version already there: the same
 * workbook gives it back unchanged; another workbook is a conflict naming the stored one.
 */
async function store(
  db: Database,
  definition: FormDefinition,
  sourceHash: string,
  importedBy: { userId: string; organisationId: string } | null,
  now: Date,
): Promise<{ row: InstrumentRow; created: boolean }> {
  try {
    return await storeOnce(db, definition, sourceHash, importedBy, now);
  } catch (error) {
    // Two imports of the same version at once: the second finds the first's row when it looks again.
    if (!isUniqueViolation(error)) throw error;
    return storeOnce(db, definition, sourceHash, importedBy, now);
  }
}

async function storeOnce(
  db: Database,
  definition: FormDefinition,
  sourceHash: string,
  importedBy: { userId: string; organisationId: string } | null,
  now: Date,
): Promise<{ row: InstrumentRow; created: boolean }> {
  return inTransaction(db, async (tx) => {
    const [existing] = await tx
      .select()
      .from(outcomeInstruments)
      .where(and(eq(outcomeInstruments.formId, definition.formId), eq(outcomeInstruments.version, definition.version)))
      .for('update');
    if (existing) {
      if (existing.sourceHash === sourceHash) return { row: existing, created: false };
      throw new AppError('conflict', {
        params: { reason: 'instrument_version_exists', formId: definition.formId, version: definition.version },
        existing: { id: existing.id, href: instrumentHref(existing.id) },
      });
    }
    const [row] = await tx
      .insert(outcomeInstruments)
      .values({
        formId: definition.formId,
        version: definition.version,
        title: definition.title,
        defaultLanguage: definition.defaultLanguage,
        languages: definition.languages,
        definition,
        sourceHash,
        importedBy: importedBy?.userId ?? null,
        importedAt: now,
      })
      .returning();
    await appendAudit(tx, {
      type: 'outcomes.instrument_imported',
      actor: importedBy,
      subject: `instrument:${row!.id}`,
      details: {
        instrumentId: row!.id,
        formId: definition.formId.slice(0, 200),
        version: definition.version.slice(0, 200),
        questions: answeredQuestions(definition.children),
      },
    });
    return { row: row!, created: true };
  });
}

async function isLatest(db: Database, row: InstrumentRow): Promise<boolean> {
  const latest = await instrumentByFormId(db, row.formId);
  return latest?.id === row.id;
}

/** Imports an XLSForm workbook (coordinators and administrators); every problem of the form refuses it whole. */
export async function importInstrument(
  ctx: RequestContext,
  input: { fileName: string; bytes: Uint8Array },
): Promise<InstrumentImported> {
  const actor = authorize(ctx, 'instrument:import');
  const now = new Date();
  const definition = await readForm(input.fileName, input.bytes, now);
  const { row, created } = await store(
    ctx.db,
    definition,
    hashOf(input.bytes),
    { userId: actor.userId, organisationId: actor.organisationId },
    now,
  );
  return { instrument: presentInstrument(row, await isLatest(ctx.db, row)), created };
}

/** Imports a workbook from the command line (no signed-in person: the audit entry names no actor). */
export async function importInstrumentFile(
  db: Database,
  file: string,
): Promise<{ row: InstrumentRow; created: boolean; questions: number }> {
  const bytes = new Uint8Array(await fs.promises.readFile(file));
  const now = new Date();
  const definition = await readForm(path.basename(file), bytes, now);
  const result = await store(db, definition, hashOf(bytes), null, now);
  return { ...result, questions: answeredQuestions(definition.children) };
}

/** Reads a workbook from the command line without storing it (`--dry-run`). */
export async function readInstrumentFile(
  file: string,
): Promise<{ formId: string; version: string; languages: string[]; questions: number }> {
  const bytes = new Uint8Array(await fs.promises.readFile(file));
  const definition = await readForm(path.basename(file), bytes, new Date());
  return { ...definition, questions: answeredQuestions(definition.children) };
}

/** The default instrument, imported from the workbook Homeward ships when it is not there yet (demo, tests). */
export async function ensureDefaultInstrument(
  db: Database,
  options: { importedBy?: { userId: string; organisationId: string } } = {},
): Promise<InstrumentRow> {
  const bytes = new Uint8Array(await fs.promises.readFile(DEFAULT_INSTRUMENT_PATH));
  const now = new Date();
  const definition = await readForm(path.basename(DEFAULT_INSTRUMENT_PATH), bytes, now);
  const { row } = await store(db, definition, hashOf(bytes), options.importedBy ?? null, now);
  return row;
}

/** A form's instrument: the given version, or the newest imported when none is given. */
export async function instrumentByFormId(
  db: Database,
  formId: string = DEFAULT_INSTRUMENT_FORM_ID,
  version?: string,
): Promise<InstrumentRow | undefined> {
  const [row] = await db
    .select()
    .from(outcomeInstruments)
    .where(
      version === undefined
        ? eq(outcomeInstruments.formId, formId)
        : and(eq(outcomeInstruments.formId, formId), eq(outcomeInstruments.version, version)),
    )
    .orderBy(desc(outcomeInstruments.importedAt), desc(outcomeInstruments.version))
    .limit(1);
  return row;
}

export async function instrumentById(db: Database, id: string): Promise<InstrumentRow | undefined> {
  const [row] = await db.select().from(outcomeInstruments).where(eq(outcomeInstruments.id, id));
  return row;
}

/** Every instrument version, newest first, marking the newest of each form. */
export async function listInstruments(ctx: RequestContext): Promise<InstrumentList> {
  authorize(ctx, 'instrument:read');
  const rows = await ctx.db
    .select()
    .from(outcomeInstruments)
    .orderBy(desc(outcomeInstruments.importedAt), desc(outcomeInstruments.version))
    .limit(500);
  const seen = new Set<string>();
  return {
    items: rows.map((row) => {
      const latest = !seen.has(row.formId);
      seen.add(row.formId);
      return presentInstrumentSummary(row, latest);
    }),
  };
}

export async function getInstrument(ctx: RequestContext, id: string): Promise<Instrument> {
  authorize(ctx, 'instrument:read');
  const row = await instrumentById(ctx.db, id);
  if (!row) throw new AppError('not_found', { params: { reason: 'instrument', thing: 'instrument' } });
  return presentInstrument(row, await isLatest(ctx.db, row));
}
