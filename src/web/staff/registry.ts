import { accountModule } from './account/module.ts';
import { administrationModule } from './administration/module.ts';
import { casesModule } from './cases/module.ts';
import { forumModule } from './forum/module.ts';
import { gatewayModule } from './gateway/module.ts';
import { incidentsModule } from './incidents/module.ts';
import type { StaffModule } from './modules.ts';
import { outcomesModule } from './outcomes/module.ts';
import { zonesModule } from './zones/module.ts';

/**
 * Every module of the staff workspace, in navigation order. To add a module: create src/web/staff/<module>/
 * with a module.ts that exports its StaffModule (screens load lazily from that folder), then list it here.
 */
export const STAFF_MODULES: readonly StaffModule[] = [
  zonesModule,
  casesModule,
  gatewayModule,
  incidentsModule,
  outcomesModule,
  forumModule,
  administrationModule,
  accountModule,
];
