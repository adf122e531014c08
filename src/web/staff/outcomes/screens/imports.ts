import type { StaffScreen } from '../../modules.ts';

/** The screens of answer-file imports: uploading a KoboToolbox or ODK Central export. */
export const importsScreens: StaffScreen[] = [
  {
    path: 'outcomes/imports',
    label: 'outcomes.imports.title',
    permission: 'response:import',
    load: () => import('../imports/ImportAnswersPage.tsx'),
  },
];
