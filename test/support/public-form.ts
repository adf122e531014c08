import Fastify, { type FastifyInstance } from 'fastify';
import { registerInputChecks } from '../../src/server/platform/http/input.ts';
import { registerErrorHandling } from '../../src/server/platform/http/problem.ts';
import { acceptFormBodies, type FormRegistration, type RenderPage } from '../../src/server/platform/web/forms.ts';
import type { FormState } from '../../src/server/platform/web/ssr.ts';
import type { Language } from '../../src/shared/vocabulary.ts';
import type { TestEnvironment } from './app.ts';

/** What a public form handed the page renderer: the page's address, its forms' state and the status. */
export interface RenderedPage {
  url: string;
  forms: Record<string, FormState>;
  status: number;
}

/**
 * A public form (a module's `publicForms` entry) served as the application serves it to a browser without
 * JavaScript (form bodies accepted, a NUL anywhere refused before any route runs, anonymous requests in
 * `language`), with a stand-in renderer that records what the page would be given in `rendered` (emptied by the
 * caller before each post).
 */
export async function publicFormServer(
  env: TestEnvironment,
  form: FormRegistration,
  language: Language,
): Promise<{ web: FastifyInstance; rendered: RenderedPage[] }> {
  const rendered: RenderedPage[] = [];
  const web = Fastify({ logger: false });
  registerErrorHandling(web);
  registerInputChecks(web);
  web.addHook('onRequest', async (request) => {
    request.ctx = { db: env.database.db, actor: null, requestId: request.id, language, platform: env.app.platform };
  });
  acceptFormBodies(web);
  const render: RenderPage = async (_request, reply, url, sent) => {
    rendered.push({ url, ...sent });
    return reply.code(sent.status).type('text/html').send('<main></main>');
  };
  form(web, render);
  await web.ready();
  return { web, rendered };
}
