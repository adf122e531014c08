import { describe, expect, it } from 'vitest';
import { AUDIT_EVENT_TYPES as SERVER_TYPES } from '../../../server/platform/audit/events.ts';
import { readCatalogue } from '../../i18n/read-catalogue.ts';
import { AUDIT_EVENT_TYPES } from './audit-events.ts';

const english = readCatalogue('en');

describe('transparency log event types on the screen', () => {
  it('lists exactly the event types the server records (add new ones to audit-events.ts)', () => {
    expect([...AUDIT_EVENT_TYPES].sort()).toEqual([...SERVER_TYPES].sort());
  });

  it('names each event type in the catalogue as auditEvent.<type> (the catalogue test covers other languages)', () => {
    expect(AUDIT_EVENT_TYPES.filter((type) => !(`auditEvent.${type}` in english))).toEqual([]);
  });
});
