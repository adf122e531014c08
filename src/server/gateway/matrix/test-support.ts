import type { MatrixPart } from '../../../../test/support/matrix.ts';
import { figuresMatrix } from './figures-test-support.ts';
import { inboxMatrix } from './inbox-test-support.ts';
import { incidentsMatrix } from './incidents-test-support.ts';
import { smsMatrix } from './sms-test-support.ts';
import { submissionsMatrix } from './submissions-test-support.ts';

/** The community gateway's cells of the authorization matrix, one part per part of the module. */
export const GATEWAY_MATRIX_PARTS: readonly MatrixPart[] = [
  submissionsMatrix,
  smsMatrix,
  figuresMatrix,
  inboxMatrix,
  incidentsMatrix,
];
