import type { StaffModule } from '../modules.ts';
import { inboxScreens } from './screens/inbox.ts';

/**
 * The community gateway: the organisation's inbox of concerns, protection requests, complaints and appeals, each
 * item's handling, and the routing rules. Each part keeps its screens in screens/<part>.ts.
 */
export const gatewayModule: StaffModule = {
  id: 'gateway',
  label: 'gatewayInbox.module',
  screens: [...inboxScreens],
};
