import { z } from 'zod';
import { ORGANISATION_KINDS, ROLES, STATE_CODE } from '../../../shared/vocabulary.ts';
import { auditId, defineAuditEvents } from '../audit/event-schema.ts';

/**
 * Audit events of the accounts and sign-in modules. Details carry ids, roles and flags: never an email
 * address, a name or a secret.
 */
const userId = auditId;
const organisationId = auditId;
const role = z.enum(ROLES);
const userOnly = z.strictObject({ userId });
const kind = z.enum(ORGANISATION_KINDS);
const stateCode = z.string().regex(STATE_CODE);
const membership = z.strictObject({ membershipId: auditId, userId, organisationId, role });

export const accountEvents = defineAuditEvents({
  'account.organisation_created': z.strictObject({
    organisationId,
    kind,
    homeState: stateCode,
  }),
  'account.organisation_updated': z.strictObject({
    organisationId,
    changed: z.array(z.enum(['name', 'kind', 'homeState'])),
    /** A change of what the organisation reaches (only a monitoring centre makes it): before and after. */
    kind: z.strictObject({ from: kind, to: kind }).optional(),
    homeState: z.strictObject({ from: stateCode, to: stateCode }).optional(),
  }),
  'account.user_created': z.strictObject({
    userId,
    memberships: z.array(z.strictObject({ organisationId, role })),
    /** A one-time password was generated (the person must replace it at first sign-in). */
    passwordGenerated: z.boolean(),
    /** Two-factor was set up at creation (the demo loader does this). */
    twoFactorPreset: z.boolean(),
  }),
  'account.user_deactivated': userOnly,
  'account.user_reactivated': userOnly,
  'account.two_factor_reset': userOnly,
  'account.two_factor_enabled': userOnly,
  'account.password_changed': userOnly,
  'account.membership_added': membership,
  'account.membership_removed': membership,
});
