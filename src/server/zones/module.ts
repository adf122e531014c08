import type { DemoContext, HomewardModule } from '../platform/module.ts';
import { loadDemoZones, summariseDemoZones } from './demo.ts';
import { type ZoneAuditEvents, zoneEvents } from './events.ts';
import { type ZonePermission, zonePermissions } from './permissions.ts';
import { zoneProblems } from './problems.ts';
import { publicZoneRoutes, zoneRoutes } from './routes.ts';
import * as zoneTables from './tables.ts';
import { zoneWork } from './work.ts';

/** Return zones: the gazetteer, the criteria framework, observations, assessment and publication. */
export const zonesModule: HomewardModule = {
  name: 'zones',
  tables: zoneTables,
  auditEvents: zoneEvents,
  problems: zoneProblems,
  permissions: zonePermissions,
  staffRoutes: zoneRoutes,
  publicRoutes: publicZoneRoutes,
  openApiTags: [
    { name: 'zones', description: 'Return zones: gazetteer, criteria framework, observations, publication' },
    { name: 'public', description: 'What anyone may read without signing in' },
  ],
  demo: { load: loadDemo, summarise: summariseDemoZones },
  work: zoneWork,
};

/** Marenland's zones, a year of observations and publications, by the demo's coordinator, monitor and verifier. */
function loadDemo(context: DemoContext) {
  const { coordinator, field_monitor: fieldMonitor, verifier } = context.people;
  const { jmc, cso, un } = context.organisations;
  const unFieldMonitor = context.accounts.field_monitor_un;
  const csoFieldMonitor = context.accounts.field_monitor_cso;
  if (!coordinator || !fieldMonitor || !verifier || !unFieldMonitor || !csoFieldMonitor || !jmc || !cso || !un) {
    throw new Error(
      'module "zones": the demo needs a coordinator, a field monitor in each observing organisation, a verifier and three organisations',
    );
  }
  return loadDemoZones(
    context.db,
    context.keyring,
    context.scale,
    {
      coordinator,
      fieldMonitor,
      verifier,
      fieldMonitors: { jmc: fieldMonitor, un: unFieldMonitor, cso: csoFieldMonitor },
      organisations: { jmc, cso, un },
    },
    context.now,
  );
}

// The module's audit events and permissions join the platform's types, so that appendAudit, routes and
// services check them at compile time.
declare module '../platform/audit/events.ts' {
  interface ModuleAuditEvents extends ZoneAuditEvents {}
}
declare module '../platform/policy/permissions.ts' {
  interface ModulePermissions extends Record<ZonePermission, readonly string[]> {}
}
