import type { WorkItem } from '../../shared/work.ts';
import type { RequestContext } from '../platform/context.ts';

/** What waits for the signed-in person in the forum's consultations (the staff home), one item per kind, even at 0. */
export async function consultationsWork(_ctx: RequestContext): Promise<WorkItem[]> {
  return [];
}
