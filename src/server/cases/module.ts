import type { DemoContext, HomewardModule } from '../platform/module.ts';
import { demoCasePeople, loadDemoCases, summariseDemoCases } from './demo.ts';
import { type CaseAuditEvents, caseEvents } from './events.ts';
import { type CasePermission, casePermissions } from './permissions.ts';
import { caseProblems } from './problems.ts';
import { caseRoutes, publicCaseRoutes } from './routes.ts';
import { caseStatusForm } from './status-page.ts';
import * as caseTables from './tables.ts';
import { caseWork } from './work.ts';

/**
 * Returnee cases: households and their members, consent, the voluntariness file, eligibility with reasons and
 * the non-refoulement guard, decisions with deadlines, appeals, and safe movements to arrival.
 */
export const casesModule: HomewardModule = {
  name: 'cases',
  tables: caseTables,
  auditEvents: caseEvents,
  problems: caseProblems,
  permissions: casePermissions,
  staffRoutes: caseRoutes,
  publicRoutes: publicCaseRoutes,
  publicForms: [caseStatusForm],
  work: caseWork,
  openApiTags: [
    {
      name: 'cases',
      description: 'Returnee cases: households, consent, voluntariness, eligibility, decisions, appeals and movements',
    },
    { name: 'public', description: 'What anyone may read without signing in' },
  ],
  demo: {
    load: (context: DemoContext) => loadDemoCases(context.db, context.keyring, demoCasePeople(context), context.now),
    summarise: (db) => summariseDemoCases(db),
  },
};

// The module's audit events and permissions join the platform's types (see zones/module.ts).
declare module '../platform/audit/events.ts' {
  interface ModuleAuditEvents extends CaseAuditEvents {}
}
declare module '../platform/policy/permissions.ts' {
  interface ModulePermissions extends Record<CasePermission, readonly string[]> {}
}
