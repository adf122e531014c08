import { z } from 'zod';
import { Timestamp } from './dates.ts';
import { DATA_CATEGORIES, SHARING_PURPOSES } from './vocabulary.ts';

/** Data-sharing agreements between organisations: request and response shapes for server and web. */

const Id = z.uuid();

export const SharingPurposeSchema = z.enum(SHARING_PURPOSES);
export const DataCategorySchema = z.enum(DATA_CATEGORIES);

export const CreateAgreementRequest = z.strictObject({
  /** The organisation whose data is shared: the caller's own (the default) — only the owner can share. */
  fromOrganisationId: Id.optional(),
  /** The organisation that may then see it. */
  toOrganisationId: Id,
  purpose: SharingPurposeSchema,
  dataCategories: z
    .array(DataCategorySchema)
    .min(1)
    .max(DATA_CATEGORIES.length)
    .refine((categories) => new Set(categories).size === categories.length, 'list each data category once'),
  expiresAt: Timestamp,
});
export type CreateAgreementRequest = z.infer<typeof CreateAgreementRequest>;

export const AgreementListQuery = z.strictObject({
  status: z.enum(['active', 'expired', 'revoked']).optional(),
});

export const AgreementParams = z.strictObject({ agreementId: Id });

const Party = z.object({ id: Id, name: z.string() });

export const Agreement = z.object({
  id: Id,
  from: Party,
  to: Party,
  purpose: SharingPurposeSchema,
  dataCategories: z.array(DataCategorySchema),
  expiresAt: Timestamp,
  status: z.enum(['active', 'expired', 'revoked']),
  createdAt: Timestamp,
  createdBy: Id,
  revokedAt: Timestamp.nullable(),
  revokedBy: Id.nullable(),
});
export type Agreement = z.infer<typeof Agreement>;
