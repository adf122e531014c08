import { describe, expect, it } from 'vitest';
import { registerModules } from '../../server/modules.ts';
import { auditEventTypes } from '../../server/platform/audit/events.ts';
import { PERMISSIONS } from '../../server/platform/policy/permissions.ts';
import { DATA_CATEGORIES, ORGANISATION_KINDS, ROLES, SHARING_PURPOSES } from '../../shared/vocabulary.ts';
import { languagesOnDisk, readCatalogue } from './read-catalogue.ts';

/**
 * Every word of the server's vocabulary that a screen shows has a label in every language, so no one reads a raw
 * key such as `zone:read`. The lists come from the server itself: a new permission, role or audit event without
 * labels fails here.
 */
registerModules();

const NEEDED: Record<string, readonly string[]> = {
  permission: Object.keys(PERMISSIONS),
  role: ROLES,
  organisationKind: ORGANISATION_KINDS,
  purpose: SHARING_PURPOSES,
  dataCategory: DATA_CATEGORIES,
  auditEvent: auditEventTypes(),
};

describe('labels for the server vocabulary', () => {
  it.each(languagesOnDisk())('%s names every permission, role, kind, purpose, category and audit event', (code) => {
    const catalogue = readCatalogue(code);
    const missing = Object.entries(NEEDED).flatMap(([prefix, values]) =>
      values.map((value) => `${prefix}.${value}`).filter((key) => !(key in catalogue)),
    );
    expect(missing).toEqual([]);
  });
});
