import {
  HANDLING_STEPS,
  type HandlingStep,
  NEXT_STEP,
  type SubmissionStatus,
} from '../../../shared/gateway/constants.ts';

const DAY_MS = 86_400_000;

/**
 * When an item in `status`, which entered it at `since`, is due to take its next step: the step's service level
 * in days after `since`. Null once closed (nothing more is due).
 */
export function dueAt(status: SubmissionStatus, since: Date, levels: Record<HandlingStep, number>): Date | null {
  if (status === 'closed') return null;
  return new Date(since.getTime() + levels[NEXT_STEP[status]] * DAY_MS);
}

/** Whether an item due at `due` is overdue at `now`. */
export const isOverdue = (due: Date | null, now: Date): boolean => due !== null && due.getTime() < now.getTime();

/** The steps in order, for screens that show them as a line. */
export const STEPS_IN_ORDER: readonly HandlingStep[] = HANDLING_STEPS;
