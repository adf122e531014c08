import type { MatrixPart } from '../../../../test/support/matrix.ts';

/** The authorization matrix's cells for the forum's consultations (see ../../platform/policy/matrix.test.ts). */
export const forumConsultationsMatrix: MatrixPart = {
  setup: async () => {},
  cases: () => ({}),
};
