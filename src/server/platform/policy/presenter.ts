import type { Agreement } from '../../../shared/agreements.ts';
import type { DataCategory, SharingPurpose } from '../../../shared/vocabulary.ts';
import type { dataSharingAgreements } from './schema.ts';

export type AgreementRow = typeof dataSharingAgreements.$inferSelect;

export function agreementStatus(row: Pick<AgreementRow, 'revokedAt' | 'expiresAt'>, now: Date): Agreement['status'] {
  if (row.revokedAt) return 'revoked';
  return row.expiresAt.getTime() <= now.getTime() ? 'expired' : 'active';
}

export function presentAgreement(row: AgreementRow, names: ReadonlyMap<string, string>, now: Date): Agreement {
  return {
    id: row.id,
    from: { id: row.fromOrganisationId, name: names.get(row.fromOrganisationId) ?? '' },
    to: { id: row.toOrganisationId, name: names.get(row.toOrganisationId) ?? '' },
    purpose: row.purpose as SharingPurpose,
    dataCategories: row.dataCategories as DataCategory[],
    expiresAt: row.expiresAt.toISOString(),
    status: agreementStatus(row, now),
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revokedBy: row.revokedBy,
  };
}
