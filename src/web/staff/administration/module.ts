import type { StaffModule } from '../modules.ts';

/**
 * Administration of the mechanism. The screens are reserved here with their addresses, names and permissions;
 * each still loads the "being built" page: point `load` at the real page when it is written
 * (e.g. `load: () => import('./OrganisationsPage.tsx')`).
 */
export const administrationModule: StaffModule = {
  id: 'administration',
  label: 'administration.module',
  screens: [
    {
      path: 'administration/organisations',
      label: 'administration.organisations',
      permission: 'organisation:read',
      load: () => import('./PendingScreen.tsx'),
    },
    {
      path: 'administration/users',
      label: 'administration.users',
      permission: 'user:read',
      load: () => import('./PendingScreen.tsx'),
    },
    {
      path: 'administration/agreements',
      label: 'administration.agreements',
      permission: 'agreement:read',
      load: () => import('./PendingScreen.tsx'),
    },
    {
      path: 'administration/transparency-log',
      label: 'administration.transparencyLog',
      permission: 'audit:read',
      load: () => import('./PendingScreen.tsx'),
    },
    {
      path: 'administration/access-log',
      label: 'administration.accessLog',
      permission: 'access-log:read',
      load: () => import('./PendingScreen.tsx'),
    },
  ],
};
