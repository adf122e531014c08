import { z } from 'zod';
import {
  COMPLAINT_CATEGORIES,
  DISCLOSURES,
  SATISFACTIONS,
  SUBMISSION_KINDS,
  SUBMISSION_STATUSES,
  SUBMISSION_TEXT_MAX,
} from '../constants.ts';

/** A text someone typed: trimmed, and refused when empty after trimming. */
const typed = (max: number) => z.string().trim().min(1).max(max);

/** Contact details a confidential or open submitter gives: at least one way to reach them. */
export const SubmissionContact = z
  .strictObject({
    name: z.string().trim().max(200).optional(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 ().-]{5,30}$/)
      .optional(),
    email: z.email().max(254).optional(),
  })
  .refine((contact) => contact.phone !== undefined || contact.email !== undefined, {
    message: 'A phone number or an email address',
    path: ['phone'],
  });
export type SubmissionContact = z.infer<typeof SubmissionContact>;

/**
 * What a submitter sends through the portal or the API. An anonymous submission carries no contact; a
 * confidential or open one carries one. It may name a zone, a transit point or a case reference.
 */
export const NewSubmission = z
  .strictObject({
    kind: z.enum(SUBMISSION_KINDS),
    complaintCategory: z.enum(COMPLAINT_CATEGORIES).optional(),
    /** A protection request about a named person (it then goes to protection officers only). */
    aboutNamedPerson: z.boolean().default(false),
    disclosure: z.enum(DISCLOSURES),
    text: typed(SUBMISSION_TEXT_MAX),
    language: z.enum(['en', 'ar', 'fr']),
    pcode: z
      .string()
      .trim()
      .regex(/^[A-Z]{2}[A-Z0-9]{0,22}$/)
      .optional(),
    /** A transit point by its code (`TP-NORTH-1`), as the portal lists them. */
    transitPoint: z.string().trim().max(40).optional(),
    caseReference: z.string().trim().max(40).optional(),
    contact: SubmissionContact.optional(),
    /** They agree to be answered by the contact they gave, not only through the receipt code. */
    contactConsent: z.boolean().default(false),
  })
  .superRefine((value, context) => {
    if (value.disclosure === 'anonymous' && value.contact !== undefined) {
      context.addIssue({ code: 'custom', path: ['contact'], message: 'An anonymous submission carries no contact' });
    }
    if (value.disclosure !== 'anonymous' && value.contact === undefined) {
      context.addIssue({ code: 'custom', path: ['contact'], message: 'Give a phone number or an email address' });
    }
    if (value.kind !== 'complaint' && value.complaintCategory !== undefined) {
      context.addIssue({ code: 'custom', path: ['complaintCategory'], message: 'Only a complaint has a category' });
    }
  });
export type NewSubmission = z.input<typeof NewSubmission>;
export type NewSubmissionValues = z.output<typeof NewSubmission>;

/** The answer to a submission: its receipt code, shown once and never again. */
export const SubmissionReceipt = z.object({
  /** Sixteen digits; show them grouped (`1234 5678 9012 3456`). */
  receiptCode: z.string().regex(/^\d{16}$/),
  kind: z.enum(SUBMISSION_KINDS),
  receivedAt: z.iso.datetime(),
  /** When the submitter can expect an acknowledgement at the latest. */
  acknowledgeBy: z.iso.datetime(),
});
export type SubmissionReceipt = z.infer<typeof SubmissionReceipt>;

export const ReceiptLookup = z.strictObject({ code: z.string().trim().min(1).max(64) });
export type ReceiptLookup = z.infer<typeof ReceiptLookup>;

/** A message as the submitter reads it: theirs or the handlers', never a staff member's name. */
export const ReceiptMessage = z.object({
  from: z.enum(['submitter', 'staff']),
  text: z.string(),
  at: z.iso.datetime(),
});

/** What a receipt code shows: where the item stands, its steps' dates and the messages; nothing about who handles it. */
export const ReceiptStatus = z.object({
  kind: z.enum(SUBMISSION_KINDS),
  status: z.enum(SUBMISSION_STATUSES),
  receivedAt: z.iso.datetime(),
  acknowledgedAt: z.iso.datetime().nullable(),
  respondedAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
  /** It was passed to another organisation, out of the first one's scope. */
  referred: z.boolean(),
  satisfaction: z.enum(SATISFACTIONS).nullable(),
  messages: z.array(ReceiptMessage),
  /** Information can still be added (the item is not closed). */
  open: z.boolean(),
});
export type ReceiptStatus = z.infer<typeof ReceiptStatus>;

/** The submitter adds information to their item with its code. */
export const ReceiptAddition = z.strictObject({
  code: z.string().trim().min(1).max(64),
  text: typed(SUBMISSION_TEXT_MAX),
});
export type ReceiptAddition = z.infer<typeof ReceiptAddition>;

/** The submitter says whether they are satisfied with how it was handled. */
export const ReceiptSatisfaction = z.strictObject({
  code: z.string().trim().min(1).max(64),
  satisfaction: z.enum(SATISFACTIONS),
});
export type ReceiptSatisfaction = z.infer<typeof ReceiptSatisfaction>;
