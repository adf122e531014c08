import type { TestClient } from '../../src/server/platform/auth/test-support.ts';
import type { Role } from '../../src/shared/vocabulary.ts';
import type { TestEnvironment } from './app.ts';

/**
 * The authorization matrix's vocabulary (src/server/platform/policy/matrix.test.ts), shared with the modules'
 * parts of it, so that each module declares the cells of its own operations next to its code.
 */
export type Target = 'own' | 'other';
/**
 * What a record-level operation reaches. `own`: records of the caller's organisation only (another's is
 * refused); `foreign`: another organisation's only (nobody verifies their own); `any`: both (zones data is no
 * one's personal data); `centre`: the monitoring centre's alone, refused to the callers here whatever the
 * target; `evidence`: the caller's organisation's, and any organisation's for a verifier (evidence files).
 * Operations without a record have no rule: own and other are the same cell.
 */
export type Reach = 'own' | 'foreign' | 'any' | 'centre' | 'evidence';
export interface Case {
  request: (target: Target) => { url: string; body?: unknown; headers?: Record<string, string> };
  reach?: Reach;
  /** The refusal for a record out of reach: 404 where its existence is not revealed. */
  refusal?: 403 | 404;
  /** A 2xx answer must not show the other organisation's people. */
  hides?: boolean;
}

/** What a module's part of the matrix gets to set up its records: two organisations and a client per role. */
export interface MatrixFixture {
  env: TestEnvironment;
  /** The callers' organisation (civil society, home state QT). */
  own: string;
  /** The other organisation (the monitoring centre, home state QM). */
  other: string;
  /** A third organisation (a donor, home state QO), for agreements and reviews. */
  third: string;
  clients: ReadonlyMap<Role, TestClient>;
}

/** A module's part of the matrix: its setup, then the cells of its operations keyed `METHOD /api/v1/path`. */
export interface MatrixPart {
  setup: (fixture: MatrixFixture) => Promise<void>;
  cases: () => Record<string, Case>;
}
