import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { CreateOrganisationRequest, CreateUserRequest } from '../../../shared/accounts.ts';
import type { OrganisationKind, Role } from '../../../shared/vocabulary.ts';
import { type AuditActor, appendAudit } from '../audit/log.ts';
import { generatePassword, hashPassword } from '../auth/password.ts';
import { isTotpSecret } from '../auth/totp.ts';
import type { Keyring } from '../crypto/keyring.ts';
import type { Database } from '../db/client.ts';
import { AppError, conflict, notFound } from '../http/errors.ts';
import { findUserByEmail, normaliseEmail, type OrganisationRow, type UserRow } from './directory.ts';
import { memberships, organisations, users } from './schema.ts';

/**
 * System-level account operations: no permission check, for the CLI, the demo loader and the administration
 * services (which authorize first, then call these). Each writes its audit entry in the same transaction.
 */

export interface OrganisationInput {
  name: string;
  kind: OrganisationKind;
  /** Two-letter code of the organisation's home state. */
  homeState: string;
}

export interface UserInput {
  email: string;
  displayName: string;
  /** Omit to generate a one-time password, which the person must replace at first sign-in. */
  password?: string | undefined;
  memberships: { organisationId: string; role: Role }[];
  /** A base32 TOTP secret to enrol two-factor at once (the demo's fixed secrets). */
  totpSecret?: string | undefined;
}

const UserInputSchema = CreateUserRequest.extend({
  totpSecret: z.string().refine(isTotpSecret, 'must be a base32 secret of at least 80 bits').optional(),
});

/** Validates input from callers that did not go through a route schema (the CLI, the demo loader). */
function validate<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new AppError('validation_failed', {
    errors: parsed.error.issues.map((issue) => ({
      field: ['body', ...issue.path.map(String)].join('.'),
      code: issue.code,
      message: issue.message,
    })),
  });
}

/** A unique constraint refused the write (the driver error may be wrapped by Drizzle). */
export function isUniqueViolation(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    if ((current as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

export async function findOrganisationByName(db: Database, name: string): Promise<OrganisationRow | undefined> {
  const [row] = await db.select().from(organisations).where(eq(organisations.name, name.trim()));
  return row;
}

export async function findOrganisationById(db: Database, id: string): Promise<OrganisationRow | undefined> {
  if (!z.uuid().safeParse(id).success) return undefined;
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  return row;
}

/** An organisation by id or by exact name (the CLI accepts either). */
export async function findOrganisation(db: Database, idOrName: string): Promise<OrganisationRow | undefined> {
  return (await findOrganisationById(db, idOrName)) ?? (await findOrganisationByName(db, idOrName));
}

export async function createOrganisation(
  db: Database,
  input: OrganisationInput,
  actor: AuditActor | null,
): Promise<OrganisationRow> {
  const values = validate(CreateOrganisationRequest, input);
  if (await findOrganisationByName(db, values.name)) throw conflict('organisation_name_taken');
  try {
    return await db.transaction(async (tx) => {
      const [organisation] = await tx.insert(organisations).values(values).returning();
      const { id, kind, homeState } = organisation!;
      await appendAudit(tx, {
        type: 'account.organisation_created',
        actor,
        subject: `organisation:${id}`,
        details: { organisationId: id, kind, homeState },
      });
      return organisation!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('organisation_name_taken');
    throw error;
  }
}

/**
 * Creates an account with its memberships. Without a password, a one-time password is generated and
 * returned (once); the person must replace it at first sign-in. With `totpSecret`, two-factor is on at once.
 */
export async function createUser(
  db: Database,
  keyring: Keyring,
  input: UserInput,
  actor: AuditActor | null,
): Promise<{ user: UserRow; oneTimePassword?: string }> {
  const values = validate(UserInputSchema, { ...input, email: normaliseEmail(input.email) });
  const wanted = [...new Map(values.memberships.map((m) => [`${m.organisationId}/${m.role}`, m])).values()];
  const organisationIds = [...new Set(wanted.map((m) => m.organisationId))];
  const found = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(inArray(organisations.id, organisationIds), eq(organisations.active, true)));
  if (found.length !== organisationIds.length) throw notFound('organisation');
  if (await findUserByEmail(db, values.email)) throw conflict('email_taken');

  const oneTimePassword = values.password === undefined ? generatePassword() : undefined;
  const passwordHash = await hashPassword(values.password ?? oneTimePassword!);
  try {
    const user = await db.transaction(async (tx) => {
      const totpSecret = values.totpSecret ? await keyring.encrypt(tx, 'totp', values.totpSecret) : null;
      const [user] = await tx
        .insert(users)
        .values({
          email: values.email,
          displayName: values.displayName,
          passwordHash,
          passwordChangeRequired: oneTimePassword !== undefined,
          totpSecret,
          totpEnabledAt: totpSecret ? new Date() : null,
        })
        .returning();
      await tx.insert(memberships).values(wanted.map((m) => ({ ...m, userId: user!.id })));
      await appendAudit(tx, {
        type: 'account.user_created',
        actor,
        subject: `user:${user!.id}`,
        details: {
          userId: user!.id,
          memberships: wanted,
          passwordGenerated: oneTimePassword !== undefined,
          twoFactorPreset: totpSecret !== null,
        },
      });
      return user!;
    });
    return oneTimePassword === undefined ? { user } : { user, oneTimePassword };
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('email_taken');
    throw error;
  }
}
