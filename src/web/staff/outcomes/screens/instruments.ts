import type { StaffScreen } from '../../modules.ts';

/** The screens of survey instruments: the list with its import, and an instrument's preview. */
export const instrumentScreens: StaffScreen[] = [
  {
    path: 'outcomes/instruments',
    label: 'outcomes.instruments.title',
    permission: 'instrument:read',
    load: () => import('../instruments/InstrumentsPage.tsx'),
  },
  {
    path: 'outcomes/instruments/:id',
    label: 'outcomes.instruments.preview',
    permission: 'instrument:read',
    nav: false,
    load: () => import('../instruments/InstrumentPage.tsx'),
  },
];
