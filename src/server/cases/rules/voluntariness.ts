import type { VoluntarinessFileStatus, VoluntarinessStep } from '../../../shared/cases/constants.ts';

/**
 * Where a voluntariness file stands: the step to record next. Pure: the file's dates and what counts for its
 * current intention (the latest counselling session and zone information dated on or after it).
 */
export interface FileState {
  status: VoluntarinessFileStatus | string;
  intentionOn: string | null;
  declarationSignedOn: string | null;
  coolingOffEndsOn: string | null;
}

/** The first day a departure may be scheduled: the declaration's day plus the cooling-off days (`YYYY-MM-DD`). */
export const coolingOffEndsOn = (signedOn: string, days: number): string =>
  new Date(Date.parse(signedOn) + days * 86_400_000).toISOString().slice(0, 10);

/** The step a file stands at (the one to record next), as far as the stored dates tell. */
export function nextStep(
  file: FileState | undefined,
  done: { counselledOn: string | null; informedOn: string | null },
  today: string,
): VoluntarinessStep | null {
  if (!file || file.status === 'withdrawn' || file.intentionOn === null) return 'intention';
  if (done.counselledOn === null) return 'counselling';
  if (done.informedOn === null) return 'zone_information';
  if (file.declarationSignedOn === null) return 'declaration';
  if (file.coolingOffEndsOn !== null && today < file.coolingOffEndsOn) return 'cooling_off';
  return null;
}
