import type { DemoContext, HomewardModule } from '../platform/module.ts';
import { loadDemoGateway, summariseDemoGateway } from './demo.ts';
import { type GatewayAuditEvents, gatewayEvents } from './events.ts';
import { type GatewayPermission, gatewayPermissions } from './permissions.ts';
import { gatewayProblems } from './problems.ts';
import { receiptForm } from './receipt-page.ts';
import { gatewayRoutes, publicGatewayRoutes } from './routes.ts';
import { submitForm } from './submit-page.ts';
import * as gatewayTables from './tables.ts';
import { gatewayWork } from './work.ts';

/**
 * The community gateway: concerns, protection requests, complaints and appeals from anyone, anonymously if they
 * wish, on the portal or by SMS; their handling to a reply the submitter reads with a receipt code; and incidents
 * and abuses followed to accountability.
 */
export const gatewayModule: HomewardModule = {
  name: 'gateway',
  tables: gatewayTables,
  auditEvents: gatewayEvents,
  problems: gatewayProblems,
  permissions: gatewayPermissions,
  staffRoutes: gatewayRoutes,
  publicRoutes: publicGatewayRoutes,
  publicForms: [submitForm, receiptForm],
  work: gatewayWork,
  openApiTags: [
    {
      name: 'gateway',
      description: 'The community gateway: submissions, their handling, incidents and accountability',
    },
    { name: 'public', description: 'What anyone may read without signing in' },
  ],
  demo: {
    load: (context: DemoContext) => loadDemoGateway(context),
    summarise: (db) => summariseDemoGateway(db),
  },
};

// The module's audit events and permissions join the platform's types (see zones/module.ts).
declare module '../platform/audit/events.ts' {
  interface ModuleAuditEvents extends GatewayAuditEvents {}
}
declare module '../platform/policy/permissions.ts' {
  interface ModulePermissions extends Record<GatewayPermission, readonly string[]> {}
}
