import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { HomewardApp } from '../app.ts';
import { auditEventSchemas } from './audit/events.ts';
import { type HomewardModule, installModules } from './module.ts';
import { PERMISSIONS } from './policy/permissions.ts';

/** A bare application: installModules needs only Fastify with the Zod compilers. */
function bareApp(): HomewardApp {
  const app = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  return app;
}

/** A small module, each test breaking one part of its contract. */
function sampleModule(overrides: Partial<HomewardModule> = {}): HomewardModule {
  const name = overrides.name ?? 'sample';
  return {
    name,
    tables: {},
    auditEvents: { 'sample.thing_done': z.strictObject({ count: z.number().int() }) },
    problems: { en: {}, ar: {}, fr: {} },
    permissions: { [`${name}:read`]: ['coordinator'] },
    openApiTags: [{ name: 'sample', description: 'Things' }],
    staffRoutes: async (app) => {
      app.get('/things', { config: { permission: 'authenticated' }, schema: { tags: ['sample'] } }, async () => []);
    },
    publicRoutes: async (app) => {
      app.get('/public/things', { config: { permission: 'public' }, schema: { tags: ['sample'] } }, async () => []);
    },
    ...overrides,
  };
}

async function install(module: HomewardModule): Promise<HomewardApp> {
  const app = bareApp();
  await installModules(app, [module]);
  await app.ready();
  return app;
}

describe('installModules', () => {
  it('registers a module that keeps the contract: its routes answer, its events and permissions are known', async () => {
    const app = await install(sampleModule());
    expect((await app.inject({ method: 'GET', url: '/api/v1/public/things' })).statusCode).toBe(200);
    expect(auditEventSchemas['sample.thing_done']).toBeDefined();
    expect(PERMISSIONS).toHaveProperty('sample:read', ['coordinator']);
    await app.close();
  });

  it('refuses to start when a staff route declares no permission, naming the module and the route', async () => {
    const module = sampleModule({
      name: 'careless',
      auditEvents: {},
      staffRoutes: async (app) => {
        app.post('/careless/things', async () => ({}));
      },
    });
    await expect(install(module)).rejects.toThrow(
      'module "careless": staff route POST /api/v1/careless/things declares no permission',
    );
  });

  it('refuses a public route that does not declare itself public, and a staff route that does', async () => {
    const leaky = sampleModule({
      name: 'leaky',
      auditEvents: {},
      publicRoutes: async (app) => {
        app.get('/public/leak', { config: { permission: 'leaky:read' as never } }, async () => ({}));
      },
    });
    await expect(install(leaky)).rejects.toThrow('module "leaky": public route GET /api/v1/public/leak declares');
    const open = sampleModule({
      name: 'open',
      auditEvents: {},
      staffRoutes: async (app) => {
        app.get('/open', { config: { permission: 'public' } }, async () => ({}));
      },
    });
    await expect(install(open)).rejects.toThrow('module "open": staff route GET /api/v1/open declares "public"');
  });

  it('refuses a staff route whose permission no module declares', async () => {
    const module = sampleModule({
      name: 'typo',
      auditEvents: {},
      staffRoutes: async (app) => {
        app.get('/typo', { config: { permission: 'typo:raed' as never } }, async () => ({}));
      },
    });
    await expect(install(module)).rejects.toThrow(
      'module "typo": staff route GET /api/v1/typo declares the unknown permission "typo:raed"',
    );
  });

  it('refuses to start when an audit event has no schema, naming the module and the event', async () => {
    const module = sampleModule({
      name: 'silent',
      auditEvents: { 'silent.thing_hidden': undefined as never },
    });
    await expect(install(module)).rejects.toThrow(
      'module "silent": audit event "silent.thing_hidden" declares no schema',
    );
    expect(auditEventSchemas).not.toHaveProperty('silent.thing_hidden');
  });

  it('refuses an audit event named after another module, and a route tagged with a tag it does not declare', async () => {
    await expect(
      install(sampleModule({ name: 'borrower', auditEvents: { 'zones.period_published': z.strictObject({}) } })),
    ).rejects.toThrow('module "borrower": audit event "zones.period_published" must start with "borrower."');
    const mislabelled = sampleModule({
      name: 'mislabelled',
      auditEvents: {},
      publicRoutes: async (app) => {
        app.get(
          '/public/mislabelled',
          { config: { permission: 'public' }, schema: { tags: ['zones'] } },
          async () => [],
        );
      },
    });
    await expect(install(mislabelled)).rejects.toThrow(
      'uses the OpenAPI tag "zones", which the module does not declare',
    );
  });
});
