import type { HomewardModule } from '../platform/module.ts';
import { type GatewayAuditEvents, gatewayEvents } from './events.ts';
import { type GatewayPermission, gatewayPermissions } from './permissions.ts';
import { gatewayProblems } from './problems.ts';
import { gatewayRoutes, publicGatewayRoutes } from './routes.ts';
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
  work: gatewayWork,
  openApiTags: [
    {
      name: 'gateway',
      description: 'The community gateway: submissions, their handling, incidents and accountability',
    },
    { name: 'public', description: 'What anyone may read without signing in' },
  ],
};

// The module's audit events and permissions join the platform's types (see zones/module.ts).
declare module '../platform/audit/events.ts' {
  interface ModuleAuditEvents extends GatewayAuditEvents {}
}
declare module '../platform/policy/permissions.ts' {
  interface ModulePermissions extends Record<GatewayPermission, readonly string[]> {}
}
