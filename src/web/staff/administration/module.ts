import type { StaffModule } from '../modules.ts';

/** Administration of the mechanism: organisations, people, data-sharing agreements and the logs. */
export const administrationModule: StaffModule = {
  id: 'administration',
  label: 'administration.module',
  screens: [
    {
      path: 'administration/organisations',
      label: 'administration.organisations',
      permission: 'organisation:read',
      load: () => import('./OrganisationsPage.tsx'),
    },
    {
      path: 'administration/users',
      label: 'administration.users',
      permission: 'user:read',
      load: () => import('./UsersPage.tsx'),
    },
    {
      path: 'administration/users/new',
      label: 'administration.user.createTitle',
      permission: 'user:manage',
      nav: false,
      load: () => import('./CreateUserPage.tsx'),
    },
    {
      path: 'administration/users/:userId',
      label: 'administration.user.pageTitle',
      permission: 'user:read',
      nav: false,
      load: () => import('./UserPage.tsx'),
    },
    {
      path: 'administration/agreements',
      label: 'administration.agreements',
      permission: 'agreement:read',
      load: () => import('./AgreementsPage.tsx'),
    },
    {
      path: 'administration/transparency-log',
      label: 'administration.transparencyLog',
      permission: 'audit:read',
      load: () => import('./TransparencyLogPage.tsx'),
    },
    {
      path: 'administration/access-log',
      label: 'administration.accessLog',
      permission: 'access-log:read',
      load: () => import('./AccessLogPage.tsx'),
    },
  ],
};
