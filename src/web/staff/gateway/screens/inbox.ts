import type { StaffScreen } from '../../modules.ts';

/** The screens of the gateway's inbox part: the inbox, an item, and the routing rules. */
export const inboxScreens: StaffScreen[] = [
  {
    path: 'gateway/inbox',
    label: 'gatewayInbox.inbox.title',
    permission: 'gateway:handle',
    load: () => import('../inbox/InboxPage.tsx'),
  },
  {
    path: 'gateway/inbox/:id',
    label: 'gatewayInbox.item.screen',
    permission: 'gateway:handle',
    nav: false,
    load: () => import('../inbox/ItemPage.tsx'),
  },
  {
    path: 'gateway/routing-rules',
    label: 'gatewayInbox.rules.title',
    permission: 'gateway:route',
    load: () => import('../inbox/RoutingRulesPage.tsx'),
  },
];
