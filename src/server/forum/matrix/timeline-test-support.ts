import type { MatrixPart } from '../../../../test/support/matrix.ts';

/** The authorization matrix's cells for the forum's timeline (see ../../platform/policy/matrix.test.ts). */
export const forumTimelineMatrix: MatrixPart = {
  setup: async () => {},
  cases: () => ({}),
};
