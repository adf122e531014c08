import { count } from 'drizzle-orm';
import type { Database } from '../platform/db/client.ts';
import type { DemoContext, ModuleDemo } from '../platform/module.ts';
import { loadDemoCommitments } from './demo-commitments.ts';
import { loadDemoConsultations } from './demo-consultations.ts';
import type { ForumDemo } from './demo-context.ts';
import { loadDemoFlags } from './demo-flags.ts';
import { loadDemoMeetings } from './demo-meetings.ts';
import {
  forumBodies,
  forumCommitments,
  forumConsultations,
  forumFlags,
  forumMeetings,
  forumTimeline,
} from './tables.ts';
import { syncTimeline } from './timeline-sync.ts';
import './events.ts';

/**
 * The forum's part of the demo region: a year of the region's forum. A tripartite commission every quarter with
 * civil-society positions; a commitment on replacement documents that is broken, flagged and then kept; a
 * consultation on a framework change with public comments and their answers; a flag on the class of the zone the
 * zones demo downgrades, answered when it was downgraded. Then the public timeline reads it all from the log.
 * Loads once: nothing is added when a body exists.
 */
export interface DemoForumSummary {
  bodies: number;
  meetings: number;
  commitments: number;
  consultations: number;
  flags: number;
  timeline: number;
}

export async function loadForumDemo(context: DemoContext): Promise<DemoForumSummary> {
  const [existing] = await context.db.select({ n: count() }).from(forumBodies);
  if ((existing?.n ?? 0) === 0) {
    const demo: ForumDemo = { context, bodies: {}, meetings: [], documentsCommitmentId: null };
    await loadDemoMeetings(demo);
    await loadDemoCommitments(demo);
    await loadDemoConsultations(demo);
    await loadDemoFlags(demo);
  }
  await syncTimeline(context.db);
  return summariseForumDemo(context.db);
}

export async function summariseForumDemo(db: Database): Promise<DemoForumSummary> {
  const counted = async (
    table:
      | typeof forumBodies
      | typeof forumMeetings
      | typeof forumCommitments
      | typeof forumConsultations
      | typeof forumFlags
      | typeof forumTimeline,
  ) => (await db.select({ n: count() }).from(table))[0]?.n ?? 0;
  return {
    bodies: await counted(forumBodies),
    meetings: await counted(forumMeetings),
    commitments: await counted(forumCommitments),
    consultations: await counted(forumConsultations),
    flags: await counted(forumFlags),
    timeline: await counted(forumTimeline),
  };
}

export const forumDemo: ModuleDemo = { load: loadForumDemo, summarise: summariseForumDemo };
