import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations, users } from '../accounts/schema.ts';
import { createdAt, id } from '../db/columns.ts';

/**
 * Where a sign-in stands. Only an `active` session acts for the person; the others can do nothing but the
 * next sign-in step (the TOTP code, two-factor enrolment, choosing a password).
 */
export const SESSION_STAGES = ['totp', 'enrolment', 'password_change', 'active'] as const;
export type SessionStage = (typeof SESSION_STAGES)[number];
export const sessionStage = pgEnum('session_stage', SESSION_STAGES);

/** Server-side sessions. The cookie holds a random token; only its SHA-256 is stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    stage: sessionStage('stage').notNull(),
    /** The organisation the person acts for now (the organisation switcher sets it). */
    organisationId: uuid('organisation_id').references(() => organisations.id),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
  },
  (t) => [index().on(t.userId)],
);

/** Single-use CSRF tokens bound to a session; only the SHA-256 of each is stored, and using it deletes it. */
export const csrfTokens = pgTable(
  'csrf_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.sessionId, t.createdAt)],
);

/**
 * Failed sign-in counters. `key` is a keyed hash (blind index) of `account:<email>` or `address:<ip>`:
 * neither the email address nor the IP address is stored.
 */
export const loginFailures = pgTable('login_failures', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
  blockedUntil: timestamp('blocked_until', { withTimezone: true }),
});
