import type { MatrixPart } from '../../../../test/support/matrix.ts';

/** The authorization matrix's cells for the forum's flags (see ../../platform/policy/matrix.test.ts). */
export const forumFlagsMatrix: MatrixPart = {
  setup: async () => {},
  cases: () => ({}),
};
