import type { ForumDemo } from './demo-context.ts';

/** The forum demo's commitments (see demo.ts); adds what it made to `demo` for the parts after it. */
export async function loadDemoCommitments(_demo: ForumDemo): Promise<void> {}
