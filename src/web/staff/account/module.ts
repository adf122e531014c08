import type { StaffModule } from '../modules.ts';

/** The signed-in person's own account: who they are, where they act, what they may see. */
export const accountModule: StaffModule = {
  id: 'account',
  label: 'account.module',
  screens: [{ path: 'account', label: 'account.title', load: () => import('./AccountPage.tsx') }],
};
