import type { ForumDemo } from './demo-context.ts';

/** The forum demo's flags (see demo.ts); adds what it made to `demo` for the parts after it. */
export async function loadDemoFlags(_demo: ForumDemo): Promise<void> {}
