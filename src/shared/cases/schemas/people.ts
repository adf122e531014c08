import { z } from 'zod';
import { Day, Timestamp } from '../../dates.ts';
import { SHARING_PURPOSES } from '../../vocabulary.ts';
import { LocalizedText, PCode } from '../../zones/schemas.ts';
import {
  CASE_REFERENCE,
  CASE_STAGES,
  CONSENT_CHANNELS,
  DOCUMENT_KINDS,
  DOCUMENT_STATUSES,
  RELATIONSHIPS,
  SEXES,
  SPECIFIC_NEEDS,
} from '../constants.ts';

/**
 * The API shapes of the cases module's people part: registering a household and its members, reading and
 * updating it, reviewing a possible duplicate, consent per person and purpose, sharing with another
 * organisation, and search by blind index (in a POST body: search terms never go into a URL).
 */

const Id = z.uuid();
const Reference = z.string().regex(CASE_REFERENCE);
const NamePart = z.string().trim().min(1).max(100);
const StateCode = z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter state code');
/** Digits with the usual separators and an optional leading +: what people write a phone number with. */
const Phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ().-]{4,28}$/, 'must be a phone number: digits, spaces, dashes, an optional leading +');
const DocumentNumber = z.string().trim().min(1).max(50);

export const PersonName = z.strictObject({ given: NamePart, family: NamePart, other: NamePart.optional() });
export const PersonDocument = z.strictObject({ kind: z.enum(DOCUMENT_KINDS), number: DocumentNumber });
export const PersonNeed = z.strictObject({
  need: z.enum(SPECIFIC_NEEDS),
  /** How the need will be met on the way and at home; eligibility asks for one per need. */
  plan: z.string().trim().max(2000).optional(),
});

const uniqueNeeds = (needs: readonly { need: string }[]) => new Set(needs.map((n) => n.need)).size === needs.length;
const Needs = z.array(PersonNeed).max(SPECIFIC_NEEDS.length).refine(uniqueNeeds, 'each need once');

export const MemberInput = z.strictObject({
  name: PersonName,
  dateOfBirth: Day,
  sex: z.enum(SEXES),
  relationship: z.enum(RELATIONSHIPS),
  documents: z.array(PersonDocument).max(10).default([]),
  documentStatus: z.enum(DOCUMENT_STATUSES),
  phones: z.array(Phone).max(5).default([]),
  needs: Needs.default([]),
  /** An unaccompanied or separated child: keeps a voluntariness file of their own. */
  unaccompanied: z.boolean().default(false),
});
export type MemberInput = z.input<typeof MemberInput>;

export const RegisterHouseholdRequest = z.strictObject({
  asylumStateCode: StateCode,
  intendedPcode: PCode,
  members: z.array(MemberInput).min(1).max(30),
});
export type RegisterHouseholdRequest = z.input<typeof RegisterHouseholdRequest>;

/** A member's fields that can change after registration; the name and date of birth are corrected by a new registration. */
export const MemberUpdate = z.strictObject({
  personId: Id,
  documents: z.array(PersonDocument).max(10).optional(),
  documentStatus: z.enum(DOCUMENT_STATUSES).optional(),
  phones: z.array(Phone).max(5).optional(),
  needs: Needs.optional(),
  unaccompanied: z.boolean().optional(),
});

export const UpdateHouseholdRequest = z
  .strictObject({
    asylumStateCode: StateCode.optional(),
    intendedPcode: PCode.optional(),
    members: z.array(MemberUpdate).max(30).optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), 'nothing to change');
export type UpdateHouseholdRequest = z.input<typeof UpdateHouseholdRequest>;

export const Person = z.object({
  id: Id,
  position: z.number().int(),
  relationship: z.enum(RELATIONSHIPS),
  sex: z.enum(SEXES),
  name: PersonName,
  dateOfBirth: Day,
  documents: z.array(PersonDocument),
  documentStatus: z.enum(DOCUMENT_STATUSES),
  phones: z.array(z.string()),
  needs: z.array(PersonNeed),
  unaccompanied: z.boolean(),
});
export type Person = z.infer<typeof Person>;

export const Consent = z.object({
  id: Id,
  personId: Id,
  purpose: z.enum(SHARING_PURPOSES),
  givenOn: Day,
  channel: z.enum(CONSENT_CHANNELS),
  recordedBy: Id,
  recordedAt: Timestamp,
  withdrawnAt: Timestamp.nullable(),
  withdrawnChannel: z.enum(CONSENT_CHANNELS).nullable(),
});
export type Consent = z.infer<typeof Consent>;

export const Share = z.object({
  id: Id,
  toOrganisationId: Id,
  purpose: z.enum(SHARING_PURPOSES),
  agreementId: Id,
  sharedBy: Id,
  createdAt: Timestamp,
  endedAt: Timestamp.nullable(),
});
export type Share = z.infer<typeof Share>;

export const DUPLICATE_REVIEWS = ['pending', 'distinct', 'same'] as const;
export const DUPLICATE_VERDICTS = ['distinct', 'same'] as const;

/**
 * A possible duplicate: whether it is reviewed, and the other household only when the reader may see it
 * (otherwise `of` is null: a reader learns that a review is pending, never whose household it looks like).
 */
export const DuplicateFlag = z.object({
  review: z.enum(DUPLICATE_REVIEWS),
  of: z.object({ id: Id, reference: Reference }).nullable(),
});

export const HouseholdSummary = z.object({
  id: Id,
  reference: Reference,
  stage: z.enum(CASE_STAGES),
  memberCount: z.number().int(),
  intendedPcode: z.string(),
  /** The intended zone's names in the languages the gazetteer has (null only if the zone left the gazetteer). */
  intendedZoneName: LocalizedText.nullable(),
  stateCode: z.string(),
  registeredAt: Timestamp,
  duplicateReview: z.enum(DUPLICATE_REVIEWS).nullable(),
});
export type HouseholdSummary = z.infer<typeof HouseholdSummary>;

export const HouseholdListQuery = z.strictObject({
  stage: z.enum(CASE_STAGES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const HouseholdPage = z.object({ total: z.number().int(), items: z.array(HouseholdSummary) });
export type HouseholdPage = z.infer<typeof HouseholdPage>;

export const HouseholdReadQuery = z.strictObject({
  /** The purpose the household is read for (a shared case is reached only for the purpose it was shared for). */
  purpose: z.enum(SHARING_PURPOSES).default('case_management'),
});

export const HouseholdDetail = z.object({
  id: Id,
  reference: Reference,
  stage: z.enum(CASE_STAGES),
  organisationId: Id,
  /** Whether the reader's organisation registered it (only the owner shares it). */
  owned: z.boolean(),
  asylumStateCode: z.string(),
  intendedPcode: z.string(),
  /** The intended zone's names in the languages the gazetteer has (null only if the zone left the gazetteer). */
  intendedZoneName: LocalizedText.nullable(),
  stateCode: z.string(),
  memberCount: z.number().int(),
  registeredAt: Timestamp,
  updatedAt: Timestamp,
  closedAt: Timestamp.nullable(),
  duplicate: DuplicateFlag.nullable(),
  members: z.array(Person),
  consents: z.array(Consent),
  shares: z.array(Share),
});
export type HouseholdDetail = z.infer<typeof HouseholdDetail>;

export const RegisteredHousehold = z.object({
  household: HouseholdDetail,
  /** The slip's secret code, shown this once: only its keyed hash is stored. */
  statusCode: z.string().regex(/^\d{10}$/),
});
export type RegisteredHousehold = z.infer<typeof RegisteredHousehold>;

export const DuplicateReviewRequest = z.strictObject({ verdict: z.enum(DUPLICATE_VERDICTS) });

export const RecordConsentRequest = z.strictObject({
  personId: Id,
  purpose: z.enum(SHARING_PURPOSES),
  givenOn: Day,
  channel: z.enum(CONSENT_CHANNELS),
});
export type RecordConsentRequest = z.input<typeof RecordConsentRequest>;
export const WithdrawConsentRequest = z.strictObject({ channel: z.enum(CONSENT_CHANNELS) });

export const ShareRequest = z.strictObject({ toOrganisationId: Id, purpose: z.enum(SHARING_PURPOSES) });
export type ShareRequest = z.input<typeof ShareRequest>;

/** Whom the caller's organisation may share a case with for a purpose: the organisations it has an agreement in force with. */
export const ShareRecipientsQuery = z.strictObject({ purpose: z.enum(SHARING_PURPOSES) });
export type ShareRecipientsQuery = z.infer<typeof ShareRecipientsQuery>;
export const ShareRecipient = z.object({ id: z.uuid(), name: z.string() });
export type ShareRecipient = z.infer<typeof ShareRecipient>;

export const SEARCH_FIELDS = ['name', 'document', 'phone'] as const;

/** Exactly one of: the exact full name (given, other, family), a document number (any kind unless given), a phone. */
export const CaseSearchRequest = z
  .strictObject({
    name: z.string().trim().min(1).max(300).optional(),
    document: z.strictObject({ kind: z.enum(DOCUMENT_KINDS).optional(), number: DocumentNumber }).optional(),
    phone: Phone.optional(),
  })
  .refine(
    (body) => [body.name, body.document, body.phone].filter((value) => value !== undefined).length === 1,
    'give exactly one of name, document or phone',
  );
export type CaseSearchRequest = z.input<typeof CaseSearchRequest>;

export const CaseSearchResult = z.object({
  householdId: Id,
  reference: Reference,
  stage: z.enum(CASE_STAGES),
  intendedPcode: z.string(),
  /** The intended zone's names in the languages the gazetteer has (null only if the zone left the gazetteer). */
  intendedZoneName: LocalizedText.nullable(),
  /** The matching member's place in the household (0 is the head) and relationship; names only on the household page. */
  memberPosition: z.number().int(),
  relationship: z.enum(RELATIONSHIPS),
  matched: z.enum(SEARCH_FIELDS),
});
export type CaseSearchResult = z.infer<typeof CaseSearchResult>;
export const CaseSearchResults = z.object({ items: z.array(CaseSearchResult) });
export type CaseSearchResults = z.infer<typeof CaseSearchResults>;
