import type { MatrixPart } from '../../../../test/support/matrix.ts';

/** The authorization matrix's cells for the forum's commitments (see ../../platform/policy/matrix.test.ts). */
export const forumCommitmentsMatrix: MatrixPart = {
  setup: async () => {},
  cases: () => ({}),
};
