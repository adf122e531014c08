import { z } from 'zod';
import { Timestamp } from './dates.ts';
import { ORGANISATION_KINDS, ROLES, STATE_CODE } from './vocabulary.ts';

/**
 * The accounts and sign-in API's request and response shapes, shared by the server (validation, OpenAPI)
 * and the web application (forms, types).
 */

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export const RoleSchema = z.enum(ROLES);
export const OrganisationKindSchema = z.enum(ORGANISATION_KINDS);
const Id = z.uuid();
const Email = z.email().max(254);
const Name = z.string().trim().min(1).max(200);
const StateCode = z.string().regex(STATE_CODE, 'must be a two-letter upper-case state code');
/** A new password: the length rule is the whole policy (NIST SP 800-63B: length over composition rules). */
const NewPassword = z
  .string()
  .refine((value) => [...value].length >= PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .refine((value) => [...value].length <= PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`);
const TotpCode = z.string().regex(/^\d{6}$/, 'must be six digits');

// Sign-in

export const LoginRequest = z.strictObject({ email: Email, password: z.string().min(1).max(1024) });
export const TotpCodeRequest = z.strictObject({ code: TotpCode });
export const ChangePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  newPassword: NewPassword,
});
export const SwitchOrganisationRequest = z.strictObject({ organisationId: Id });

export const OrganisationSummary = z.object({
  id: Id,
  name: z.string(),
  kind: OrganisationKindSchema,
  homeState: z.string(),
});

export const Me = z.object({
  user: z.object({ id: Id, email: z.string(), displayName: z.string() }),
  /** The organisation the person acts for now. */
  organisation: OrganisationSummary,
  /** Roles in the active organisation. */
  roles: z.array(RoleSchema),
  /** What the active roles allow (permission names, e.g. `user:manage`). */
  permissions: z.array(z.string()),
  memberships: z.array(z.object({ organisation: OrganisationSummary, roles: z.array(RoleSchema) })),
  twoFactor: z.object({ enabled: z.boolean(), required: z.boolean() }),
  session: z.object({ idleExpiresAt: Timestamp, absoluteExpiresAt: Timestamp, idleMinutes: z.number().int() }),
});
export type Me = z.infer<typeof Me>;

/** What each sign-in step answers: the next step, or the signed-in person. */
export const SignInResponse = z.discriminatedUnion('status', [
  z.object({ status: z.literal('signed_in'), me: Me }),
  z.object({ status: z.literal('totp_required') }),
  z.object({ status: z.literal('totp_enrolment_required') }),
  z.object({ status: z.literal('password_change_required') }),
]);
export type SignInResponse = z.infer<typeof SignInResponse>;

export const TotpEnrolment = z.object({
  /** Base32 secret, for people who type it into their app instead of scanning. */
  secret: z.string(),
  /** otpauth:// URI for the QR code. */
  uri: z.string(),
});

export const CsrfToken = z.object({ token: z.string() });

// Administration

export const Organisation = OrganisationSummary.extend({ active: z.boolean(), createdAt: Timestamp });
export type Organisation = z.infer<typeof Organisation>;

export const CreateOrganisationRequest = z.strictObject({
  name: Name,
  kind: OrganisationKindSchema,
  homeState: StateCode,
});
export const UpdateOrganisationRequest = z
  .strictObject({ name: Name, kind: OrganisationKindSchema, homeState: StateCode })
  .partial()
  .refine((value) => Object.keys(value).length > 0, 'give at least one field to change');

export const MembershipInput = z.strictObject({ organisationId: Id, role: RoleSchema });

export const UserSummary = z.object({
  id: Id,
  email: z.string(),
  displayName: z.string(),
  active: z.boolean(),
  twoFactor: z.object({ enabled: z.boolean(), required: z.boolean() }),
  passwordChangeRequired: z.boolean(),
  createdAt: Timestamp,
  memberships: z.array(z.object({ id: Id, organisation: OrganisationSummary, role: RoleSchema })),
});
export type UserSummary = z.infer<typeof UserSummary>;

export const CreateUserRequest = z.strictObject({
  email: Email,
  displayName: Name,
  /** Omit to have a one-time password generated (shown once; the person must change it at first sign-in). */
  password: NewPassword.optional(),
  memberships: z.array(MembershipInput).min(1).max(50),
});

export const CreatedUser = z.object({
  user: UserSummary,
  /** Present only when the password was generated: shown this once, never stored in clear. */
  oneTimePassword: z.string().optional(),
});

export const UserListQuery = z.strictObject({ organisationId: Id.optional() });
