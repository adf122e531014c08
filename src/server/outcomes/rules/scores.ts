import type { Answers } from '../../../shared/outcomes/form.ts';

/**
 * PLACEHOLDER until the scores land (owned by the scores work): the signature the rest of the module codes
 * against. `indicatorsOf` reads the default instrument's answers into the coded values the scores read (numbers
 * and choice codes, never free text); `scoreIndicators` computes every score and own indicator on 0–1 (null when
 * the answers that decide it are missing).
 */
export type Indicators = Record<string, number | string | null>;

export interface Scores {
  economic: number | null;
  social: number | null;
  psychosocial: number | null;
  composite: number | null;
  familyUnity: number | null;
  servicesAccess: number | null;
}

export function indicatorsOf(_answers: Answers): Indicators {
  return {};
}

export function scoreIndicators(_indicators: Indicators): Scores {
  return { economic: null, social: null, psychosocial: null, composite: null, familyUnity: null, servicesAccess: null };
}
