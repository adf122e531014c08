import type { HomewardApp } from '../app.ts';
import { commitmentsRoutes, publicCommitmentRoutes } from './routes/commitments.ts';
import { consultationsRoutes, publicConsultationRoutes } from './routes/consultations.ts';
import { flagsRoutes, publicFlagRoutes } from './routes/flags.ts';
import { meetingsRoutes, publicMeetingRoutes } from './routes/meetings.ts';
import { publicTimelineRoutes, timelineRoutes } from './routes/timeline.ts';

/**
 * The forum's routes. Each noun's thin routes live in routes/<noun>.ts and this file assembles them: staff
 * routes, then public ones.
 */
export async function forumRoutes(app: HomewardApp): Promise<void> {
  await meetingsRoutes(app);
  await commitmentsRoutes(app);
  await consultationsRoutes(app);
  await flagsRoutes(app);
  await timelineRoutes(app);
}

export async function publicForumRoutes(app: HomewardApp): Promise<void> {
  await publicMeetingRoutes(app);
  await publicCommitmentRoutes(app);
  await publicConsultationRoutes(app);
  await publicFlagRoutes(app);
  await publicTimelineRoutes(app);
}
