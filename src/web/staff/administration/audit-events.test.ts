import { describe, expect, it } from 'vitest';
import { registerModules } from '../../../server/modules.ts';
import { auditEventTypes } from '../../../server/platform/audit/events.ts';
import { AUDIT_EVENT_TYPES } from './audit-events.ts';

describe('transparency log event types on the screen', () => {
  it('lists exactly the event types the server records (add new ones to audit-events.ts)', () => {
    registerModules();
    expect([...AUDIT_EVENT_TYPES].sort()).toEqual(auditEventTypes().sort());
  });
});
