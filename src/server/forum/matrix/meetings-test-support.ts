import type { MatrixPart } from '../../../../test/support/matrix.ts';

/** The authorization matrix's cells for the forum's meetings (see ../../platform/policy/matrix.test.ts). */
export const forumMeetingsMatrix: MatrixPart = {
  setup: async () => {},
  cases: () => ({}),
};
