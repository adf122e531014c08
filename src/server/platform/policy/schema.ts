import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations, users } from '../accounts/schema.ts';
import { createdAt, id } from '../db/columns.ts';

/**
 * A recorded data-sharing agreement: the `from` organisation lets the `to` organisation see its data of the
 * listed categories, for one purpose, until the expiry, unless revoked. Purpose and categories hold codes from
 * SHARING_PURPOSES and DATA_CATEGORIES (src/shared/vocabulary.ts); the API validates them.
 */
export const dataSharingAgreements = pgTable(
  'data_sharing_agreements',
  {
    id: id(),
    fromOrganisationId: uuid('from_organisation_id')
      .notNull()
      .references(() => organisations.id),
    toOrganisationId: uuid('to_organisation_id')
      .notNull()
      .references(() => organisations.id),
    purpose: text('purpose').notNull(),
    dataCategories: text('data_categories').array().notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => users.id),
  },
  (t) => [index().on(t.fromOrganisationId, t.toOrganisationId), index().on(t.toOrganisationId)],
);
