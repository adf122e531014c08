import type { CaseStage, ConsentChannel, Relationship, Sex } from '../../../shared/cases/constants.ts';
import type { Consent, HouseholdDetail, HouseholdSummary, Person, Share } from '../../../shared/cases/schemas.ts';
import type { SharingPurpose } from '../../../shared/vocabulary.ts';
import type { LocalizedText } from '../../../shared/zones/schemas.ts';
import type { Actor } from '../../platform/context.ts';
import type { HouseholdRow } from '../access.ts';
import { ownsHousehold } from '../access.ts';
import type { PersonalFields } from '../person-fields.ts';
import type { caseConsents, casePeople, caseShares } from '../tables.ts';

/** How the people part's rows become API shapes: the one place that decides what a reader is shown. */

type DuplicateReview = NonNullable<HouseholdSummary['duplicateReview']>;

export const presentHouseholdSummary = (
  row: HouseholdRow,
  intendedZoneName: LocalizedText | null,
): HouseholdSummary => ({
  id: row.id,
  reference: row.reference,
  stage: row.stage as CaseStage,
  memberCount: row.memberCount,
  intendedPcode: row.intendedPcode,
  intendedZoneName,
  stateCode: row.stateCode,
  registeredAt: row.registeredAt.toISOString(),
  duplicateReview: (row.duplicateReview as DuplicateReview | null) ?? null,
});

export const presentPerson = (row: typeof casePeople.$inferSelect, fields: PersonalFields): Person => ({
  id: row.id,
  position: row.position,
  relationship: row.relationship as Relationship,
  sex: row.sex as Sex,
  name: fields.name.other ? fields.name : { given: fields.name.given, family: fields.name.family },
  dateOfBirth: fields.dateOfBirth,
  documents: [...fields.documents],
  documentStatus: row.documentStatus as Person['documentStatus'],
  phones: [...fields.phones],
  needs: fields.needs.map((need) => (need.plan ? { need: need.need, plan: need.plan } : { need: need.need })),
  unaccompanied: row.unaccompanied,
});

export const presentConsent = (row: typeof caseConsents.$inferSelect): Consent => ({
  id: row.id,
  personId: row.personId,
  purpose: row.purpose as SharingPurpose,
  givenOn: row.givenOn,
  channel: row.channel as ConsentChannel,
  recordedBy: row.recordedBy,
  recordedAt: row.recordedAt.toISOString(),
  withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
  withdrawnChannel: (row.withdrawnChannel as ConsentChannel | null) ?? null,
});

export const presentShare = (row: typeof caseShares.$inferSelect): Share => ({
  id: row.id,
  toOrganisationId: row.toOrganisationId,
  purpose: row.purpose as SharingPurpose,
  agreementId: row.agreementId,
  sharedBy: row.sharedBy,
  createdAt: row.createdAt.toISOString(),
  endedAt: row.endedAt?.toISOString() ?? null,
});

export interface HouseholdParts {
  members: Person[];
  consents: Consent[];
  shares: Share[];
  /** The household it may duplicate, when flagged and the reader may reach it. */
  duplicateOf: { id: string; reference: string } | null;
  /** The intended zone's names, from the zones module. */
  intendedZoneName: LocalizedText | null;
}

export const presentHousehold = (actor: Actor, row: HouseholdRow, parts: HouseholdParts): HouseholdDetail => ({
  id: row.id,
  reference: row.reference,
  stage: row.stage as CaseStage,
  organisationId: row.organisationId,
  owned: ownsHousehold(actor, row),
  asylumStateCode: row.asylumStateCode,
  intendedPcode: row.intendedPcode,
  intendedZoneName: parts.intendedZoneName,
  stateCode: row.stateCode,
  memberCount: row.memberCount,
  registeredAt: row.registeredAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
  closedAt: row.closedAt?.toISOString() ?? null,
  duplicate: row.duplicateReview ? { review: row.duplicateReview as DuplicateReview, of: parts.duplicateOf } : null,
  members: parts.members,
  consents: parts.consents,
  shares: parts.shares,
});
