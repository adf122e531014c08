import { ROLES, type Role } from '../../../shared/vocabulary.ts';
import type { Me } from '../session.ts';
import type { Organisation } from './types.ts';

/**
 * Mirrors the server's rule (src/server/platform/accounts/service.ts) so the screens offer only what will be
 * accepted: an administrator acting for a monitoring centre administers every organisation, any other
 * administrator their own organisation only. The server enforces it regardless.
 */
export const administersEverything = (me: Me) => me.organisation.kind === 'monitoring_centre';

/** The active organisations the person may give memberships in. */
export function organisationsForMemberships(me: Me, organisations: readonly Organisation[]): Organisation[] {
  return organisations.filter(
    (organisation) => organisation.active && (administersEverything(me) || organisation.id === me.organisation.id),
  );
}

export const mayEditOrganisation = (me: Me, organisation: Organisation) =>
  me.permissions.includes('organisation:manage') &&
  (administersEverything(me) || organisation.id === me.organisation.id);

/** An organisation's kind and home state decide its reach: only a monitoring centre changes them. */
export const mayChangeReach = administersEverything;

/** The roles the person may give: the auditor role, which reads every organisation's log details, only from a centre. */
export const grantableRoles = (me: Me): readonly Role[] =>
  ROLES.filter((role) => role !== 'auditor' || administersEverything(me));
