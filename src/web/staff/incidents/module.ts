import type { StaffModule } from '../modules.ts';

/**
 * Incidents and abuses: the register with its filters, recording an incident, an incident's page (verification,
 * accountability steps, its history, the zones feed) and the accountability tracker.
 */
export const incidentsModule: StaffModule = {
  id: 'incidents',
  label: 'incidents.module',
  screens: [
    {
      path: 'incidents',
      label: 'incidents.register.title',
      permission: 'incident:read',
      load: () => import('./IncidentsPage.tsx'),
    },
    {
      path: 'incidents/new',
      label: 'incidents.new.title',
      permission: 'incident:record',
      load: () => import('./NewIncidentPage.tsx'),
    },
    {
      path: 'incidents/accountability',
      label: 'incidents.tracker.title',
      permission: 'incident:read',
      load: () => import('./TrackerPage.tsx'),
    },
    {
      path: 'incidents/:incidentId',
      label: 'incidents.page.title',
      permission: 'incident:read',
      load: () => import('./IncidentPage.tsx'),
      nav: false,
    },
  ],
};
