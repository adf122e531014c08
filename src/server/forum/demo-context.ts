import type { DemoContext } from '../platform/module.ts';

/**
 * What the forum's demo parts hand on to each other, in the order demo.ts runs them: meetings first (the bodies
 * and a year of quarterly tripartite commissions), then the commitments they made, the consultation, the flags.
 */
export interface ForumDemo {
  context: DemoContext;
  /** The demo's bodies' ids by code. */
  bodies: Record<string, string>;
  /** The meetings held, oldest first, with the decisions each made. */
  meetings: { id: string; bodyCode: string; heldOn: string; decisionIds: string[] }[];
  /** The commitment on replacement documents: broken, flagged, then kept (null until the commitments part runs). */
  documentsCommitmentId: string | null;
}
