import type { HomewardModule } from '../platform/module.ts';
import { commitmentsWork } from './commitments-work.ts';
import { consultationForms } from './consultation-forms.ts';
import { consultationsWork } from './consultations-work.ts';
import { forumDemo } from './demo.ts';
import { type ForumAuditEvents, forumEvents } from './events.ts';
import { flagsWork } from './flags-work.ts';
import { meetingsWork } from './meetings-work.ts';
import { type ForumPermission, forumPermissions } from './permissions.ts';
import { forumProblems } from './problems.ts';
import { forumRoutes, publicForumRoutes } from './routes.ts';
import * as forumTables from './tables.ts';
import { timelineFeed } from './timeline-feed.ts';

/**
 * The inclusive forum: the mechanism's meetings (who met, who was heard, what was decided), the commitments made
 * there and whether they were kept, consultations before the zone criteria change, watchdog flags that must be
 * answered, and one public timeline of decisions across modules, anchored in the transparency log.
 */
export const forumModule: HomewardModule = {
  name: 'forum',
  tables: forumTables,
  auditEvents: forumEvents,
  problems: forumProblems,
  permissions: forumPermissions,
  staffRoutes: forumRoutes,
  publicRoutes: publicForumRoutes,
  // The portal's routes beside its pages: the consultations' comment form and the timeline's Atom feed.
  publicForms: [...consultationForms, timelineFeed],
  work: async (ctx) => [
    ...(await meetingsWork(ctx)),
    ...(await commitmentsWork(ctx)),
    ...(await consultationsWork(ctx)),
    ...(await flagsWork(ctx)),
  ],
  openApiTags: [
    { name: 'forum', description: 'The forum: meetings, positions, commitments, consultations, flags, the timeline' },
    { name: 'public', description: 'What anyone may read without signing in' },
  ],
  demo: forumDemo,
};

// The module's audit events and permissions join the platform's types (see zones/module.ts).
declare module '../platform/audit/events.ts' {
  interface ModuleAuditEvents extends ForumAuditEvents {}
}
declare module '../platform/policy/permissions.ts' {
  interface ModulePermissions extends Record<ForumPermission, readonly string[]> {}
}
