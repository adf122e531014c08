import { casesModule } from './cases/module.ts';
import { forumModule } from './forum/module.ts';
import { gatewayModule } from './gateway/module.ts';
import { outcomesModule } from './outcomes/module.ts';
import { type HomewardModule, registerModule } from './platform/module.ts';
import { zonesModule } from './zones/module.ts';

/**
 * The feature modules, in the order their routes are registered. Adding a module is adding it here: its
 * tables, audit events, problems, permissions, routes, OpenAPI tags and demo come from its `module.ts`.
 */
export const MODULES: readonly HomewardModule[] = [
  zonesModule,
  casesModule,
  gatewayModule,
  outcomesModule,
  forumModule,
];

/** Every module's audit events, problems and permissions, for code that runs without the HTTP app (tests, tools). */
export function registerModules(): void {
  for (const module of MODULES) registerModule(module);
}
