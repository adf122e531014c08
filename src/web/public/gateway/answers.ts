import type { ReceiptStatus, SubmissionReceipt } from '../../../shared/gateway/schemas.ts';

/**
 * What the server's gateway forms answer on their own page (src/server/gateway/submit-page.ts and
 * receipt-page.ts), under the form's id in the page's state. The receipt code travels only here, and only in the
 * answer to the submission itself: never in an address, never in the form's typed values.
 */
export const SUBMIT_FORM = 'gateway-submit';
export const RECEIPT_FORM = 'gateway-receipt';

export type SubmitPageAnswer =
  | {
      receipt: Pick<SubmissionReceipt, 'receiptCode' | 'kind' | 'receivedAt' | 'acknowledgeBy'>;
      /** Sent anonymously: no contact was kept, whatever was typed in its fields. */
      anonymous: boolean;
    }
  | { retryAfterSeconds: number }
  /** The server's problem, in the page's language (nobody receives such submissions yet). */
  | { problem: { title: string; detail: string } }
  /** The body could not be read as a form: too large, or not a form at all. */
  | { refused: 'too_large' | 'unreadable' };

/** Which of the receipt page's forms was sent: look up, add information, or say how satisfied. */
export const RECEIPT_ACTIONS = ['status', 'add', 'rate'] as const;
export type ReceiptAction = (typeof RECEIPT_ACTIONS)[number];

export type ReceiptPageAnswer =
  /** The status is missing only when a refusal could not show it (the lookups ran out meanwhile). */
  | { status?: ReceiptStatus; done?: 'added' | 'rated'; refused?: 'closed' | 'not_answered' }
  | { retryAfterSeconds: number };
