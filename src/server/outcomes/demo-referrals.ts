import type { DemoContext } from '../platform/module.ts';

/**
 * PLACEHOLDER until the referrals work lands (owned by it): the demo's consented referrals, made from the alerts
 * the demo's falling households raised, and followed to their outcomes. Called by demo.ts after the rounds.
 */
export async function loadDemoReferrals(_context: DemoContext): Promise<{ referrals: number }> {
  return { referrals: 0 };
}
