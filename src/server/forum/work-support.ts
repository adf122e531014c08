import type { WorkItem } from '../../shared/work.ts';
import type { Actor } from '../platform/context.ts';
import { forumPermissions } from './permissions.ts';

/** A count of the forum's work for the staff home: the whole list is on the screen `href`. */
export const workItem = (kind: string, role: string, count: number, href: string): WorkItem => ({
  kind,
  role,
  count,
  href,
  entries: [],
  entryCount: 0,
});

/** The person's role that holds `permission` (the home groups work by role). */
export const roleFor = (actor: Actor, permission: keyof typeof forumPermissions): string =>
  actor.roles.find((role) => (forumPermissions[permission] as readonly string[]).includes(role)) ??
  actor.roles[0] ??
  '';
