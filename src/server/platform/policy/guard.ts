import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { signInRequired } from '../auth/request-auth.ts';
import { AppError } from '../http/errors.ts';
import type { RouteAccess } from './permissions.ts';
import { can } from './policy.ts';
import './problems.ts';

export interface RouteEntry {
  method: string;
  url: string;
  permission: RouteAccess | undefined;
}

const routeTables = new WeakMap<FastifyInstance, RouteOptions[]>();

/**
 * Every route registered after the guard, with what it declares, read now (a later onRoute hook may still
 * have set the permission). The route-table test walks it.
 */
export function routeTable(app: FastifyInstance): RouteEntry[] {
  return (routeTables.get(app) ?? []).flatMap((route) =>
    (Array.isArray(route.method) ? route.method : [route.method]).map((method) => ({
      method,
      url: route.url,
      permission: route.config?.permission,
    })),
  );
}

/** Whether a request may go on to its handler; throws the problem to answer otherwise. */
export function checkRouteAccess(request: FastifyRequest): void {
  if (request.is404) return;
  const permission = request.routeOptions.config.permission;
  if (permission === 'public') return;
  if (permission === undefined) {
    request.log.error({ route: request.routeOptions.url }, 'route declares no permission; denied');
    throw new AppError('forbidden', { params: { reason: 'route_without_permission' } });
  }
  const actor = request.ctx.actor;
  if (!actor) throw signInRequired(request);
  if (permission === 'authenticated') return;
  if (!can(actor, permission)) throw new AppError('forbidden');
}

/**
 * Deny by default: before any handler, each route's `config.permission` is enforced — 'public' passes,
 * 'authenticated' needs a signed-in person, a Permission needs `can`, and a route that declares nothing is
 * refused. Register before any route, so that it sees them all; it reads `request.ctx.actor`, which the
 * authentication hook sets on request.
 */
export function registerPermissionGuard(app: FastifyInstance): void {
  const table: RouteOptions[] = [];
  routeTables.set(app, table);
  app.addHook('onRoute', (route) => {
    table.push(route);
  });
  // Synchronous: a refusal thrown here reaches the error handler like a rejected promise would, without one.
  app.addHook('preHandler', (request, _reply, done) => {
    checkRouteAccess(request);
    done();
  });
}
