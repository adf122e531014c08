import fs from 'node:fs';
import type { Command } from 'commander';
import { ROLES, ROLES_REQUIRING_TOTP, type Role } from '../../shared/vocabulary.ts';
import { createUser, findOrganisation } from '../platform/accounts/provisioning.ts';
import { checkPasswordPolicy, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../platform/auth/password.ts';
import { type Keyring, openKeyring } from '../platform/crypto/keyring.ts';
import type { Database } from '../platform/db/client.ts';
import { AppError } from '../platform/http/errors.ts';
import { CliError, commandConfig, withDatabase } from './support.ts';

export interface UserCreateOptions {
  email: string;
  org: string;
  role: string;
  name?: string;
  passwordFile?: string;
}

/** The role named, or a refusal that lists the roles. */
export function parseRole(value: string): Role {
  if ((ROLES as readonly string[]).includes(value)) return value as Role;
  throw new CliError(`Unknown role "${value}". Roles: ${ROLES.join(', ')}.`);
}

/** The initial password from a file: its first line, without the line ending. */
export function readPasswordFile(file: string): string {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new CliError(`Cannot read the password file ${file} (${reason}).`);
  }
  const password = text.split(/\r?\n/)[0] ?? '';
  const problem = checkPasswordPolicy(password);
  if (problem === 'too_short') {
    throw new CliError(`The password in ${file} is too short: it needs at least ${PASSWORD_MIN_LENGTH} characters.`);
  }
  if (problem === 'too_long') {
    throw new CliError(`The password in ${file} is too long: at most ${PASSWORD_MAX_LENGTH} characters.`);
  }
  return password;
}

/** Creates the account and answers the lines to print. Refusals are CliErrors (exit status 1). */
export async function createUserFromCli(
  db: Database,
  keyring: Keyring,
  options: UserCreateOptions,
  password: string | undefined,
): Promise<string[]> {
  const role = parseRole(options.role);
  const organisation = await findOrganisation(db, options.org);
  if (!organisation) throw new CliError(`No organisation has the name or id "${options.org}".`);
  const email = options.email.trim();
  const displayName = options.name?.trim() || email.split('@')[0] || email;

  let created: Awaited<ReturnType<typeof createUser>>;
  try {
    created = await createUser(
      db,
      keyring,
      { email, displayName, password, memberships: [{ organisationId: organisation.id, role }] },
      null,
    );
  } catch (error) {
    if (error instanceof AppError && error.code === 'conflict') {
      throw new CliError(`An account with the email address ${email} already exists.`);
    }
    if (error instanceof AppError && error.code === 'validation_failed') {
      const problems = (error.errors ?? []).map((e) => `${e.field.replace(/^body\./, '')}: ${e.message}`);
      throw new CliError(`The account was not created: ${problems.join('; ')}.`);
    }
    throw error;
  }

  const lines = [`Created the account ${created.user.email} (${created.user.id}): ${role} in ${organisation.name}.`];
  if (created.oneTimePassword) {
    lines.push(
      `One-time password (shown only now): ${created.oneTimePassword}`,
      'They must choose their own password at first sign-in.',
    );
  }
  if (ROLES_REQUIRING_TOTP.includes(role)) {
    lines.push(
      `The ${role} role sees personal data: they will set up two-factor sign-in (an authenticator app) at first sign-in.`,
    );
  }
  return lines;
}

export function registerUser(program: Command): void {
  const user = program.command('user').description('manage accounts');
  user
    .command('create')
    .description('create an account with one role in one organisation')
    .requiredOption('--email <email>', 'the email address the person signs in with')
    .requiredOption('--org <organisation>', 'the organisation, by name or id')
    .requiredOption('--role <role>', `the role: ${ROLES.join(', ')}`)
    .option('--name <name>', 'display name (default: the part of the email address before @)')
    .option(
      '--password-file <file>',
      'read the initial password from the first line of this file; without it a one-time password is generated',
    )
    .action(async (options: UserCreateOptions, command: Command) => {
      const config = commandConfig(command);
      parseRole(options.role);
      const password = options.passwordFile ? readPasswordFile(options.passwordFile) : undefined;
      const lines = await withDatabase(config, async (database) => {
        const keyring = await openKeyring(config);
        await keyring.prepare(database.db);
        return createUserFromCli(database.db, keyring, options, password);
      });
      for (const line of lines) console.log(line);
    });
}
