import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/vocabulary.ts';
import type { Actor } from '../context.ts';
import { AppError } from '../http/errors.ts';
import { PERMISSIONS, type Permission } from './permissions.ts';
import { authorize, can } from './policy.ts';

const actorWith = (roles: Role[], others: Actor['memberships'] = []): Actor => ({
  userId: '01900000-0000-7000-8000-000000000001',
  sessionId: '01900000-0000-7000-8000-000000000002',
  organisationId: '01900000-0000-7000-8000-00000000000a',
  roles,
  memberships: [{ organisationId: '01900000-0000-7000-8000-00000000000a', roles }, ...others],
});
const permissions = Object.keys(PERMISSIONS) as Permission[];

describe('can', () => {
  it('grants exactly what the permission table gives each role', () => {
    for (const permission of permissions) {
      for (const role of ROLES) {
        const expected = (PERMISSIONS[permission] as readonly Role[]).includes(role);
        expect(can(actorWith([role]), permission), `${role} → ${permission}`).toBe(expected);
      }
    }
  });

  it('gives a person with several roles the union of their permissions', () => {
    const actor = actorWith(['donor', 'verifier']);
    expect(can(actor, 'audit:read')).toBe(true);
    expect(can(actor, 'user:manage')).toBe(false);
  });

  it('denies nobody-signed-in and a person without roles', () => {
    for (const permission of permissions) {
      expect(can(null, permission)).toBe(false);
      expect(can(actorWith([]), permission)).toBe(false);
    }
  });

  it('counts only the roles held in the active organisation', () => {
    const actor = actorWith(
      ['donor'],
      [{ organisationId: '01900000-0000-7000-8000-00000000000b', roles: ['administrator'] }],
    );
    expect(can(actor, 'user:manage')).toBe(false);
    expect(can(actor, 'audit:read')).toBe(true);
  });
});

describe('authorize', () => {
  it('answers the actor when they hold the permission', () => {
    const actor = actorWith(['administrator']);
    expect(authorize({ actor }, 'agreement:manage')).toBe(actor);
  });

  it('is 401 with nobody signed in and 403 without the permission', () => {
    const status = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return error instanceof AppError ? `${error.status} ${error.code}` : 'other';
      }
      return 'passed';
    };
    expect(status(() => authorize({ actor: null }, 'agreement:read'))).toBe('401 unauthenticated');
    expect(status(() => authorize({ actor: actorWith(['field_monitor']) }, 'agreement:read'))).toBe('403 forbidden');
  });
});
