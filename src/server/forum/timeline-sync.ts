import type { Database } from '../platform/db/client.ts';

/**
 * Projects the transparency-log entries written since the last run onto the public timeline (forum_timeline),
 * and moves the cursor; answers how many entries it added. Idempotent: a second run adds nothing.
 */
export async function syncTimeline(_db: Database): Promise<number> {
  return 0;
}
