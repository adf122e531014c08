import type { RouteOptions } from 'fastify';
import type { Role } from '../../shared/vocabulary.ts';
import type { WorkItem } from '../../shared/work.ts';
import type { HomewardApp } from '../app.ts';
import type { AuditDetailsSchema } from './audit/event-schema.ts';
import { registerAuditEvents } from './audit/events.ts';
import type { RequestContext } from './context.ts';
import type { Keyring } from './crypto/keyring.ts';
import type { Database } from './db/client.ts';
import { type ProblemTexts, registerProblems } from './i18n/problems.ts';
import { isPermission, registerPermissions } from './policy/permissions.ts';
import type { FormRegistration } from './web/forms.ts';

/**
 * What a feature module (zones, cases, the gateway...) declares about itself, once, in
 * `src/server/<module>/module.ts`. `src/server/modules.ts` lists the modules and `installModules` builds the
 * registries from them: audit events, problem texts, permissions, routes and OpenAPI tags. The platform never
 * imports a module; a module adds its events' and permissions' types to the platform's by declaration merging
 * (see ModuleAuditEvents and ModulePermissions).
 */
export interface HomewardModule {
  /** Lower-case, the folder name and the first part of its audit event types: `zones`. */
  name: string;
  /** The module's Drizzle tables (its `tables.ts`): the schema other modules never import. */
  tables: Readonly<Record<string, unknown>>;
  /** Every audit event type the module appends, with the schema of its details. */
  auditEvents: Readonly<Record<string, AuditDetailsSchema>>;
  /** Titles and details of the module's `code.reason` problems, in every language. */
  problems: ProblemTexts;
  /** The module's permissions and the roles that hold them. */
  permissions: Readonly<Record<string, readonly Role[]>>;
  /** Routes for signed-in staff, under /api/v1: each declares a permission other than `public`. */
  staffRoutes?: (app: HomewardApp) => Promise<void>;
  /** Routes anyone may call, under /api/v1: each declares `permission: 'public'`. */
  publicRoutes?: (app: HomewardApp) => Promise<void>;
  /**
   * Forms of the module's public pages that work without JavaScript (`publicForm(…)`, or a registration of its
   * own for a form whose answer shows on its page: docs/web.md, "Forms without JavaScript").
   */
  publicForms?: readonly FormRegistration[];
  /** The OpenAPI tags the module's routes use, with what each groups. */
  openApiTags: readonly OpenApiTag[];
  /** Loads the module's part of the fictional demo region (`homeward demo`). */
  demo?: ModuleDemo;
  /**
   * The signed-in person's pending work in this module (`GET /api/v1/me/work`, the staff home): one item per
   * kind of work their roles have in their active organisation, with its count, even when it is 0. It reads
   * only what the person may see, as the module's own routes would show it.
   */
  work?: (ctx: RequestContext) => Promise<WorkItem[]>;
}

export interface OpenApiTag {
  name: string;
  description: string;
}

/** The people and organisations of the demo region, created by the platform before any module's loader runs. */
export interface DemoContext {
  db: Database;
  keyring: Keyring;
  scale: 'small' | 'regional';
  /** The clock the demo's months follow. */
  now: Date;
  /** The demo account holding each role, and the organisation it acts for. */
  people: Partial<Record<Role, { userId: string; organisationId: string }>>;
  /** Every demo account by its key (the role, or `<role>_<organisation>` for a second one: `field_monitor_un`). */
  accounts: Readonly<Record<string, { userId: string; organisationId: string }>>;
  /** The demo organisations' ids by key (`jmc`, `cso`, `un`). */
  organisations: Readonly<Record<string, string>>;
}

export interface ModuleDemo {
  /** Loads what is missing and says what there is; idempotent. */
  load(context: DemoContext): Promise<unknown>;
  /** Says what there is without loading anything. */
  summarise(db: Database): Promise<unknown>;
}

/**
 * Adds a module's audit events, problem texts and permissions to the platform's registries, without the HTTP
 * app. A declaration the platform cannot honour stops the start-up with a message naming the module.
 */
export function registerModule(module: HomewardModule): void {
  for (const type of Object.keys(module.auditEvents)) {
    if (!type.startsWith(`${module.name}.`)) {
      throw new Error(`module "${module.name}": audit event "${type}" must start with "${module.name}."`);
    }
  }
  registerAuditEvents(module.name, module.auditEvents);
  registerPermissions(module.name, module.permissions);
  registerProblems(module.problems);
}

/** The OpenAPI tags of the platform's and the modules' routes, for the API description. */
export function openApiTags(platformTags: readonly OpenApiTag[], modules: readonly HomewardModule[]): OpenApiTag[] {
  const tags = new Map<string, OpenApiTag>();
  for (const tag of [...platformTags, ...modules.flatMap((module) => module.openApiTags)]) {
    if (!tags.has(tag.name)) tags.set(tag.name, tag);
  }
  return [...tags.values()];
}

type RouteKind = 'staff' | 'public';

/**
 * Why a route a module registers breaks the contract, or undefined when it keeps it: a staff route declares a
 * known permission (or `authenticated`), a public route declares `public`, and its tags are the module's own.
 */
export function routeProblem(module: HomewardModule, kind: RouteKind, route: RouteOptions): string | undefined {
  const methods = Array.isArray(route.method) ? route.method.join(',') : route.method;
  const name = `${methods} ${route.url}`;
  const permission: unknown = route.config?.permission;
  if (permission === undefined) return `${kind} route ${name} declares no permission`;
  if (kind === 'public' && permission !== 'public') {
    return `public route ${name} declares "${String(permission)}" instead of "public"`;
  }
  if (kind === 'staff') {
    if (permission === 'public') return `staff route ${name} declares "public"; register it as a public route`;
    if (permission !== 'authenticated' && !(typeof permission === 'string' && isPermission(permission))) {
      return `staff route ${name} declares the unknown permission "${String(permission)}"`;
    }
  }
  const tags = (route.schema as { tags?: unknown } | undefined)?.tags;
  const ownTags = new Set(module.openApiTags.map((tag) => tag.name));
  for (const tag of Array.isArray(tags) ? tags : []) {
    if (!ownTags.has(tag))
      return `route ${name} uses the OpenAPI tag "${String(tag)}", which the module does not declare`;
  }
  return undefined;
}

/**
 * Registers every module: its registries first, then its staff and public routes under /api/v1, each checked
 * as it is added. A route without a permission, or an audit event without a schema, makes this throw, so the
 * application does not start.
 */
export async function installModules(app: HomewardApp, modules: readonly HomewardModule[]): Promise<void> {
  const names = new Set<string>();
  for (const module of modules) {
    if (names.has(module.name)) throw new Error(`module "${module.name}" is listed twice`);
    names.add(module.name);
    registerModule(module);
  }
  for (const module of modules) {
    for (const [kind, routes] of [
      ['staff', module.staffRoutes],
      ['public', module.publicRoutes],
    ] as const) {
      if (!routes) continue;
      await app.register(
        async (scope: HomewardApp) => {
          scope.addHook('onRoute', (route) => {
            const problem = routeProblem(module, kind, route);
            if (problem) throw new Error(`module "${module.name}": ${problem}`);
          });
          await routes(scope);
        },
        { prefix: '/api/v1' },
      );
    }
  }
}
