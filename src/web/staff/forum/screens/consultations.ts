import type { StaffScreen } from '../../modules.ts';

/** The screens of the forum's consultations: the console and one consultation. */
export const consultationsScreens: StaffScreen[] = [
  {
    path: 'forum/consultations',
    label: 'forumConsultations.console.title',
    permission: 'forum:read',
    load: () => import('../consultations/ConsultationsPage.tsx'),
  },
  {
    path: 'forum/consultations/:id',
    label: 'forumConsultations.item.screen',
    permission: 'forum:read',
    nav: false,
    load: () => import('../consultations/ConsultationPage.tsx'),
  },
];
