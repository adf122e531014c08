import type { Actor } from '../platform/context.ts';
import type { DemoContext } from '../platform/module.ts';

/** A demo account acting for its organisation, as a signed-in session would (the demo writes through the writers). */
export function demoActor(context: DemoContext, key: string): Actor {
  const account = context.accounts[key];
  if (!account) throw new Error(`module "forum": the demo needs the account ${key}`);
  return {
    userId: account.userId,
    sessionId: 'demo',
    organisationId: account.organisationId,
    roles: [],
    memberships: [],
  };
}

/** The day `days` after `from` (negative: before), YYYY-MM-DD, and that day at `hour` UTC. */
export const dayFrom = (from: Date, days: number): string =>
  new Date(from.getTime() + days * 86_400_000).toISOString().slice(0, 10);
export const at = (day: string, hour = 10): Date => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);
