/**
 * Pure rules of the commitments tracker (no database, no clock): when a commitment is overdue, and whether it was
 * kept on time. Days are ISO dates (YYYY-MM-DD), compared as text.
 */
export interface CommitmentDates {
  status: 'open' | 'kept' | 'broken';
  dueOn: string;
  closedOn: string | null;
}

/** Open past its due date (the due date itself is still on time). */
export const isOverdue = (commitment: CommitmentDates, today: string): boolean =>
  commitment.status === 'open' && commitment.dueOn < today;

/** Kept on or before its due date; null while open; false when broken or kept late. */
export const keptOnTime = (commitment: CommitmentDates): boolean | null =>
  commitment.status === 'open' ? null : commitment.status === 'kept' && (commitment.closedOn ?? '') <= commitment.dueOn;

/** Whether a commitment counts as due for the scorecard: closed, or open past its due date. */
export const isDue = (commitment: CommitmentDates, today: string): boolean =>
  commitment.status !== 'open' || commitment.dueOn < today;
