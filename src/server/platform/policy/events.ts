import { z } from 'zod';
import { DATA_CATEGORIES, SHARING_PURPOSES } from '../../../shared/vocabulary.ts';
import { defineAuditEvents } from '../audit/event-schema.ts';

/** Audit events of data-sharing agreements: ids and codes only. */
export const policyEvents = defineAuditEvents({
  'agreement.created': z.strictObject({
    agreementId: z.uuid(),
    fromOrganisationId: z.uuid(),
    toOrganisationId: z.uuid(),
    purpose: z.enum(SHARING_PURPOSES),
    dataCategories: z.array(z.enum(DATA_CATEGORIES)),
    expiresAt: z.iso.datetime({ offset: true }),
  }),
  'agreement.revoked': z.strictObject({
    agreementId: z.uuid(),
    fromOrganisationId: z.uuid(),
    toOrganisationId: z.uuid(),
  }),
});
