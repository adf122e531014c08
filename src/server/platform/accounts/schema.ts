import { boolean, char, index, integer, pgEnum, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { ORGANISATION_KINDS, ROLES } from '../../../shared/vocabulary.ts';
import { createdAt, id } from '../db/columns.ts';

export const organisationKind = pgEnum('organisation_kind', ORGANISATION_KINDS);
export const role = pgEnum('role', ROLES);

/** Organisations take part in the mechanism; `homeState` is the distribution key for a sharded deployment. */
export const organisations = pgTable('organisations', {
  id: id(),
  name: text('name').notNull().unique(),
  kind: organisationKind('kind').notNull(),
  homeState: char('home_state', { length: 2 }).notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
});

export const users = pgTable('users', {
  id: id(),
  /** Normalised (trimmed, lower-case) email address: staff accounts are not personal data of returnees. */
  email: text('email').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  /** TOTP secret, encrypted with the `totp` data key. */
  totpSecret: text('totp_secret'),
  /** Set when enrolment is confirmed; a secret without it is an enrolment in progress. */
  totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
  /** The last TOTP time step accepted: a code is accepted once, so a step at or before it is a replay. */
  totpLastStep: integer('totp_last_step'),
  /** The password was generated for one use: the person must choose their own before doing anything else. */
  passwordChangeRequired: boolean('password_change_required').notNull().default(false),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
});

export const memberships = pgTable(
  'memberships',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    role: role('role').notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique('memberships_user_org_role').on(t.userId, t.organisationId, t.role), index().on(t.organisationId)],
);
