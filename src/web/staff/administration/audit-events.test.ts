import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_EVENT_TYPES as SERVER_TYPES } from '../../../server/platform/audit/events.ts';
import { AUDIT_EVENT_TYPES } from './audit-events.ts';

const english = JSON.parse(
  readFileSync(path.join(import.meta.dirname, '../../i18n/locales/en.json'), 'utf8'),
) as Record<string, string>;

describe('transparency log event types on the screen', () => {
  it('lists exactly the event types the server records (add new ones to audit-events.ts)', () => {
    expect([...AUDIT_EVENT_TYPES].sort()).toEqual([...SERVER_TYPES].sort());
  });

  it('names each event type in the catalogue as auditEvent.<type> (the catalogue test covers other languages)', () => {
    expect(AUDIT_EVENT_TYPES.filter((type) => !(`auditEvent.${type}` in english))).toEqual([]);
  });
});
