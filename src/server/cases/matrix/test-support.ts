import type { MatrixPart } from '../../../../test/support/matrix.ts';
import { appealsMatrix } from './appeals-test-support.ts';
import { choiceMatrix } from './choice-test-support.ts';
import { movementsMatrix } from './movements-test-support.ts';
import { peopleMatrix } from './people-test-support.ts';

/** The cases module's cells of the authorization matrix, one part per part of the module. */
export const CASE_MATRIX_PARTS: readonly MatrixPart[] = [peopleMatrix, choiceMatrix, appealsMatrix, movementsMatrix];
