import type { StaffModule } from '../modules.ts';

/**
 * Return zones: the zones and their class (safe, voluntary and dignified return supported or not), observations
 * and their verification by another organisation, each period's review and publication, the criteria framework.
 */
export const zonesModule: StaffModule = {
  id: 'zones',
  label: 'zones.module',
  screens: [
    { path: 'zones', label: 'zones.list', permission: 'zone:read', load: () => import('./ZonesPage.tsx') },
    {
      path: 'zones/observations/new',
      label: 'zones.observe.title',
      permission: 'observation:create',
      load: () => import('./NewObservationPage.tsx'),
    },
    {
      path: 'zones/verification',
      label: 'zones.verification',
      permission: 'observation:verify',
      load: () => import('./VerificationPage.tsx'),
    },
    {
      path: 'zones/review',
      label: 'zones.review.title',
      permission: 'zone:assess',
      load: () => import('./ReviewPage.tsx'),
    },
    {
      path: 'zones/frameworks',
      label: 'zones.frameworks',
      permission: 'framework:manage',
      load: () => import('./FrameworksPage.tsx'),
    },
    {
      path: 'zones/:pcode',
      label: 'zones.detail',
      permission: 'zone:read',
      nav: false,
      load: () => import('./ZonePage.tsx'),
    },
  ],
};
