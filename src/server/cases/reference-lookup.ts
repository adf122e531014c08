import { inArray } from 'drizzle-orm';
import type { Database } from '../platform/db/client.ts';
import { normaliseReference } from './references.ts';
import { caseHouseholds } from './tables.ts';

/**
 * Households found by the case reference printed on their slip, for another module's file imports (outcome
 * answers carry the reference the household gave): the household's id and its registering organisation, nothing
 * personal. The caller decides what its organisation may reach; a reference that names no household is absent.
 */
export interface HouseholdByReference {
  id: string;
  organisationId: string;
}

/** `references` as typed (`hw 7k3m9qxd`); the map is keyed by the normalised reference (`HW-7K3M-9QXD`). */
export async function householdsByReference(
  db: Database,
  references: readonly string[],
): Promise<Map<string, HouseholdByReference>> {
  const wanted = [...new Set(references.map(normaliseReference))];
  const found = new Map<string, HouseholdByReference>();
  const CHUNK = 5000;
  for (let start = 0; start < wanted.length; start += CHUNK) {
    const rows = await db
      .select({
        reference: caseHouseholds.reference,
        id: caseHouseholds.id,
        organisationId: caseHouseholds.organisationId,
      })
      .from(caseHouseholds)
      .where(inArray(caseHouseholds.reference, wanted.slice(start, start + CHUNK)));
    for (const row of rows) found.set(row.reference, { id: row.id, organisationId: row.organisationId });
  }
  return found;
}
