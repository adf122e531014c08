import type { ComponentType } from 'react';
import type { Permission } from '../../server/platform/policy/permissions.ts';

/**
 * One screen of the staff workspace. A module lists its screens in `src/web/staff/<module>/module.ts` and is
 * listed once in registry.ts; the workspace then builds the routes, the navigation (grouped by module, filtered
 * by the person's permissions) and the page titles from it.
 */
export interface StaffScreen {
  /** The address under /staff, without a leading slash: `administration/users`, `administration/users/:userId`. */
  path: string;
  /** Catalogue key of the screen's name: navigation label and browser tab title. */
  label: string;
  /** What the person must be allowed to do to see the screen; omit for every signed-in person. */
  permission?: Permission;
  /** The screen's page, loaded only when someone opens it (each screen is its own chunk). */
  load: () => Promise<{ default: ComponentType }>;
  /** Listed in the navigation (default true); false for detail pages reached from a list. */
  nav?: boolean;
}

export interface StaffModule {
  /** Stable id, also the folder name: `administration`, `zones`, `cases`. */
  id: string;
  /** Catalogue key of the module's name: the navigation group's heading. */
  label: string;
  screens: readonly StaffScreen[];
}

/** Whether a person holding `permissions` may open the screen (the server checks again on every request). */
export function canOpen(screen: StaffScreen, permissions: readonly string[]): boolean {
  return screen.permission === undefined || permissions.includes(screen.permission);
}

/** The navigation: each module with the listed screens the person may open; modules left empty are dropped. */
export function navigationFor(modules: readonly StaffModule[], permissions: readonly string[]): StaffModule[] {
  return modules
    .map((module) => ({
      ...module,
      screens: module.screens.filter((screen) => screen.nav !== false && canOpen(screen, permissions)),
    }))
    .filter((module) => module.screens.length > 0);
}

/**
 * The navigation entry of the page at `pathname`: the longest entry that is the page itself or one of its
 * parents (`/staff/zones` for `/staff/zones/QM01`, but `/staff/zones/review` for the review), so that one
 * entry only is marked current. `exact` entries (the overview at `/staff`) match only themselves.
 */
export function currentEntry(
  pathname: string,
  entries: readonly { to: string; exact?: boolean }[],
): string | undefined {
  const path = pathname.replace(/\/+$/, '') || '/';
  return entries
    .filter(({ to, exact }) => path === to || (!exact && path.startsWith(`${to}/`)))
    .map(({ to }) => to)
    .sort((a, b) => b.length - a.length)[0];
}
