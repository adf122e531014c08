import type { Language, Role } from '../../shared/vocabulary.ts';
import type { Config } from '../config.ts';
import type { Keyring } from './crypto/keyring.ts';
import type { Database, DatabaseHandle } from './db/client.ts';
import type { RouteAccess } from './policy/permissions.ts';

/** The signed-in person acting through the current request, in their active organisation. */
export interface Actor {
  userId: string;
  sessionId: string;
  /** The organisation the person is acting for now (their active membership). */
  organisationId: string;
  roles: Role[];
  /** Every organisation the person belongs to, for the organisation switcher. */
  memberships: { organisationId: string; roles: Role[] }[];
}

/** What every service function receives first: who is asking, and the database to work in. */
export interface RequestContext {
  db: Database;
  actor: Actor | null;
  requestId: string;
  language: Language;
  platform: Platform;
}

/** Long-lived services shared by every request, built once in buildApp. */
export interface Platform {
  config: Config;
  database: DatabaseHandle;
  keyring: Keyring;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Who may call this route. Every route must declare it: one that does not is refused to everyone
     * (policy/guard.ts), and a test walks the route table.
     */
    permission?: RouteAccess;
    /**
     * The anonymous gateway (the web app's pages): the session cookie is not even read. Whether the request log
     * holds an address follows from `permission` and the caller (http/logging.ts), not from this flag.
     */
    anonymous?: boolean;
  }
  interface FastifyRequest {
    ctx: RequestContext;
  }
  interface FastifyInstance {
    platform: Platform;
  }
}
