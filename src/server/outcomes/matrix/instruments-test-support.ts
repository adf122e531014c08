import fs from 'node:fs';
import path from 'node:path';
import type { MatrixPart } from '../../../../test/support/matrix.ts';
import { ensureDefaultInstrument } from '../instruments.ts';

const ids = { instrument: '' };
const kobo = () =>
  fs.readFileSync(path.join(import.meta.dirname, '..', 'files', 'fixtures', 'kobo_household.xlsx')).toString('base64');

/**
 * The authorization matrix's cells for survey instruments (see ../../platform/policy/matrix.test.ts). An
 * instrument belongs to no organisation (it holds questions, never answers): reading is for the roles with
 * `instrument:read`, importing for coordinators and administrators; importing the same workbook again is allowed
 * and changes nothing.
 */
export const instrumentsMatrix: MatrixPart = {
  setup: async ({ env }) => {
    ids.instrument = (await ensureDefaultInstrument(env.database.db)).id;
  },
  cases: () => ({
    'POST /api/v1/outcomes/instruments': {
      request: () => ({
        url: '/api/v1/outcomes/instruments',
        body: { fileName: 'kobo_household.xlsx', contentBase64: kobo() },
      }),
    },
    'GET /api/v1/outcomes/instruments': { request: () => ({ url: '/api/v1/outcomes/instruments' }) },
    'GET /api/v1/outcomes/instruments/{instrumentId}': {
      request: () => ({ url: `/api/v1/outcomes/instruments/${ids.instrument}` }),
    },
  }),
};
