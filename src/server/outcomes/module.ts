import type { HomewardModule } from '../platform/module.ts';
import { alertWork } from './alerts-work.ts';
import { outcomesDemo } from './demo.ts';
import { type OutcomeAuditEvents, outcomeEvents } from './events.ts';
import { followUpWork } from './follow-ups-work.ts';
import { followUpLinkForm } from './link-page.ts';
import { type OutcomePermission, outcomePermissions } from './permissions.ts';
import './alerts.ts';
import { outcomeProblems } from './problems.ts';
import { outcomeRoutes, publicOutcomeRoutes } from './routes.ts';
import * as outcomeTables from './tables.ts';

/**
 * Outcome monitoring after return: survey instruments imported from XLSForm, the follow-up rounds the cases
 * module schedules at arrival (1, 3, 6 and 12 months), answers from the web form, the API and Kobo or ODK
 * exports, reintegration scores per household and round, the comparison with non-displaced residents of the same
 * zones, and alerts that become consented referrals followed to their outcome.
 */
export const outcomesModule: HomewardModule = {
  name: 'outcomes',
  tables: outcomeTables,
  auditEvents: outcomeEvents,
  problems: outcomeProblems,
  permissions: outcomePermissions,
  staffRoutes: outcomeRoutes,
  publicRoutes: publicOutcomeRoutes,
  publicForms: [followUpLinkForm],
  work: async (ctx) => [...(await followUpWork(ctx)), ...(await alertWork(ctx))],
  openApiTags: [
    { name: 'outcomes', description: 'Outcome monitoring after return: instruments, follow-ups, scores, alerts' },
    { name: 'public', description: 'What anyone may read without signing in' },
  ],
  demo: outcomesDemo,
};

// The module's audit events and permissions join the platform's types (see zones/module.ts).
declare module '../platform/audit/events.ts' {
  interface ModuleAuditEvents extends OutcomeAuditEvents {}
}
declare module '../platform/policy/permissions.ts' {
  interface ModulePermissions extends Record<OutcomePermission, readonly string[]> {}
}
