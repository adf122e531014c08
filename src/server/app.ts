import type { IncomingMessage, ServerResponse } from 'node:http';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyServerOptions,
  LogController,
  type RawServerDefault,
} from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config.ts';
import { MODULES } from './modules.ts';
import { accountRoutes } from './platform/accounts/routes.ts';
import { auditRoutes } from './platform/audit/routes.ts';
import authentication from './platform/auth/plugin.ts';
import { authRoutes } from './platform/auth/routes.ts';
import type { Platform } from './platform/context.ts';
import { openKeyring } from './platform/crypto/keyring.ts';
import { type DatabaseHandle, openDatabase } from './platform/db/client.ts';
import { registerInputChecks } from './platform/http/input.ts';
import { loggerOptions, registerRequestLogging, requestIds } from './platform/http/logging.ts';
import { clientErrorHandler, frameworkErrorHandler, registerErrorHandling } from './platform/http/problem.ts';
import { registerPublicCache } from './platform/http/public-cache.ts';
import { apiSecurityHeaders, registerSecurityHeaders } from './platform/http/security-headers.ts';
import { negotiateLanguage } from './platform/i18n/language.ts';
import { installModules, openApiTags } from './platform/module.ts';
import { registerPermissionGuard } from './platform/policy/guard.ts';
import { agreementRoutes } from './platform/policy/routes.ts';
import { webApp } from './platform/web/plugin.ts';
import { workRoutes } from './platform/work/routes.ts';
import { VERSION } from './version.ts';

/** The application instance, typed with the Zod provider that every module's routes use. */
export type HomewardApp = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface BuildOptions {
  /** An open database (tests and the CLI pass one); otherwise buildApp opens and migrates its own. */
  database?: DatabaseHandle;
  logger?: boolean;
  /** Where log lines go (standard output by default); tests read them to prove what is never logged. */
  logStream?: { write(line: string): void };
}

/** The OpenAPI tags of the platform's own routes; each module declares its own. */
const PLATFORM_TAGS = [
  { name: 'platform', description: 'Health and the API description' },
  { name: 'auth', description: 'Signing in and out, two-factor sign-in, the signed-in person' },
  { name: 'administration', description: 'Organisations and accounts' },
  { name: 'agreements', description: 'Data-sharing agreements between organisations' },
  { name: 'transparency log', description: 'The audit log, its checkpoints and proofs, and the access log' },
];

/** Fastify types its compiler factories after Ajv and fast-json-stringify; these build the Zod compilers. */
const zodCompilers = {
  buildValidator: () => validatorCompiler,
  buildSerializer: () => serializerCompiler,
} as unknown as NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;

export async function buildApp(config: Config, options: BuildOptions = {}): Promise<HomewardApp> {
  const ownsDatabase = !options.database;
  const database =
    options.database ?? (await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl }));
  if (ownsDatabase) await database.migrate();

  const nextRequestId = requestIds();
  const apiHeaders = apiSecurityHeaders();
  const app: HomewardApp = Fastify({
    logger: options.logger === false ? false : { ...loggerOptions(config.logLevel), stream: options.logStream },
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: nextRequestId,
    bodyLimit: config.bodyLimitBytes,
    // Errors raised before any route or hook runs answer the same problem+json, headers and request id.
    frameworkErrors: frameworkErrorHandler(apiHeaders, config.bodyLimitBytes),
    clientErrorHandler: clientErrorHandler(nextRequestId, apiHeaders),
    trustProxy: false,
    // The Zod compilers from the start, as setValidatorCompiler/setSerializerCompiler would install them: Fastify
    // then never loads its default Ajv and fast-json-stringify compilers, which no route uses (start-up time).
    schemaController: { compilersFactory: zodCompilers },
  }).withTypeProvider<ZodTypeProvider>();
  registerPermissionGuard(app);
  // The request id and security headers first, before any hook that may refuse the request.
  registerRequestLogging(app, { lines: options.logger !== false && config.logLevel !== 'silent' });
  registerSecurityHeaders(app);

  const platform: Platform = { config, database, keyring: await openKeyring(config) };
  // A wrong master key stops the boot with a message naming both key fingerprints; never a 5xx later.
  await platform.keyring.prepare(database.db);
  app.decorate('platform', platform);
  app.decorateRequest('ctx');
  app.addHook('onRequest', (request, _reply, done) => {
    request.ctx = {
      db: database.db,
      actor: null,
      requestId: request.id,
      language: negotiateLanguage(request.headers['accept-language']),
      platform,
    };
    done();
  });
  await app.register(authentication);
  if (ownsDatabase) app.addHook('onClose', () => database.close());

  registerErrorHandling(app);
  registerInputChecks(app);
  registerPublicCache(app);
  // Every route must say who may call it; the reference UI's own routes are public documentation.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...route.config, permission: 'public' };
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Homeward API',
        version: VERSION,
        description:
          'The API of a regional return mechanism. Errors are application/problem+json (RFC 9457) with a stable `code`.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'homeward_session' } },
      },
      tags: openApiTags(PLATFORM_TAGS, MODULES),
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.get('/api/v1/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  app.get(
    '/api/v1/health',
    {
      config: { permission: 'public' },
      schema: {
        summary: 'Service health',
        tags: ['platform'],
        response: {
          200: z.object({ status: z.literal('ok'), database: z.enum(['embedded', 'postgres']), version: z.string() }),
        },
      },
    },
    async () => ({ status: 'ok' as const, database: database.kind, version: VERSION }),
  );
  await app.register(agreementRoutes, { prefix: '/api/v1' });
  await app.register(authRoutes, { prefix: '/api/v1' });
  await app.register(accountRoutes, { prefix: '/api/v1' });
  await app.register(auditRoutes, { prefix: '/api/v1' });
  await installModules(app, MODULES);
  await app.register(workRoutes(MODULES), { prefix: '/api/v1' });
  await app.register(webApp, { forms: MODULES.flatMap((module) => module.publicForms ?? []) });

  return app;
}
