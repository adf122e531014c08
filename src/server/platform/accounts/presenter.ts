import type { Organisation, UserSummary } from '../../../shared/accounts.ts';
import { type MembershipView, type OrganisationRow, rolesRequireTotp, type UserRow } from './directory.ts';

export function presentOrganisation(row: OrganisationRow): Organisation {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    homeState: row.homeState,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A person as the administration screens show them: never the password hash or the TOTP secret. */
export function presentUser(user: UserRow, memberships: MembershipView[]): UserSummary {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    active: user.active,
    twoFactor: { enabled: user.totpEnabledAt !== null, required: rolesRequireTotp(memberships.map((m) => m.role)) },
    passwordChangeRequired: user.passwordChangeRequired,
    createdAt: user.createdAt.toISOString(),
    memberships: memberships.map((m) => ({
      id: m.membershipId,
      role: m.role,
      organisation: {
        id: m.organisation.id,
        name: m.organisation.name,
        kind: m.organisation.kind,
        homeState: m.organisation.homeState,
      },
    })),
  };
}
