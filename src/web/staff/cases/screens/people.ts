import type { StaffScreen } from '../../modules.ts';

/** The screens of the cases module's people part: search (the module's landing page), registration, households. */
export const peopleScreens: StaffScreen[] = [
  {
    path: 'cases',
    label: 'people.search.title',
    permission: 'case:read',
    load: () => import('../people/SearchPage.tsx'),
  },
  {
    path: 'cases/register',
    label: 'people.register.title',
    permission: 'case:register',
    load: () => import('../people/RegisterPage.tsx'),
  },
  {
    path: 'cases/households',
    label: 'people.list.title',
    permission: 'case:read',
    load: () => import('../people/HouseholdsPage.tsx'),
  },
  {
    path: 'cases/households/:id',
    label: 'people.household.page',
    permission: 'case:read',
    nav: false,
    load: () => import('../people/HouseholdPage.tsx'),
  },
];
