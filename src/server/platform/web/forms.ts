import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { FormState } from './ssr.ts';

/**
 * A public form that works as a plain HTML form, with or without JavaScript (docs/web.md, "Forms without
 * JavaScript"): the page renders `<form method="post" action={action}>` with named fields; the server
 * validates what was posted, then either acts on it and answers 303 See Other to the result page (so reloading
 * the result never posts again), or renders `page` again with status 422, each error next to its field in the
 * page's language and every field keeping what was typed. The page reads that back with `useFormState(id)`.
 */
export interface PublicForm<T> {
  /** Names the form in the page's state: the page's component reads it with `useFormState(id)`. */
  id: string;
  /** Where the form posts, e.g. `/language`. */
  action: string;
  /**
   * The posted fields (all strings) to the form's values. Each issue's message is a catalogue key, shown next to
   * the field its path names (`z.string().min(1, 'community.form.required')`); others show `form.invalid`.
   */
  schema: z.ZodType<T>;
  /** The page to show again with the errors: the form's own page, usually from a hidden `return` field. */
  page: (fields: Record<string, string>, request: FastifyRequest) => string;
  /** Acts on valid input (authorizing first, as every service function does) and gives the result page. */
  accept: (values: T, request: FastifyRequest, reply: FastifyReply) => Promise<string> | string;
}

/** Renders a public page (the web plugin's renderer) with forms sent back, at a status. */
export type RenderPage = (
  request: FastifyRequest,
  reply: FastifyReply,
  url: string,
  sent: { forms: Record<string, FormState>; status: number },
) => Promise<FastifyReply>;

/** A field's error when the schema's message is not a catalogue key. */
export const GENERIC_ERROR = 'form.invalid';
const CATALOGUE_KEY = /^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)+$/;
/** A form's posted body is a few fields; anything larger is not a person filling in a form. */
const FORM_BODY_LIMIT = 64 * 1024;

const SITE = 'http://homeward.invalid';
const LOCAL_PATH_MAX = 2048;

/**
 * A local address to come back to: a path on this site, never `//elsewhere` or a full URL (no open redirect),
 * percent-encoded as a Location header needs (a search in Arabic, a stray control character).
 */
export function localPath(value: string | undefined, fallback = '/'): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.includes('\\') || value.length > LOCAL_PATH_MAX) {
    return fallback;
  }
  const url = URL.parse(value, SITE);
  if (!url || url.origin !== SITE) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Zod's issues as one error per field (the first), each a catalogue key. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    errors[field] ??= CATALOGUE_KEY.test(issue.message) ? issue.message : GENERIC_ERROR;
  }
  return errors;
}

/** Reads `application/x-www-form-urlencoded` bodies (what a browser posts) as flat string fields. */
export function acceptFormBodies(app: FastifyInstance): void {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT },
    (_request, body, done) => {
      const fields: Record<string, string> = {};
      // The first value of a repeated field, like a server reading a text input.
      for (const [name, value] of new URLSearchParams(body as string)) fields[name] ??= value;
      done(null, fields);
    },
  );
}

/**
 * Registers a public form's POST route. The route is public and anonymous (a returnee's form never looks at
 * who sends it); cross-site posts are refused before it runs (platform/auth, Origin and Fetch-Metadata).
 */
export function registerPublicForm<T>(app: FastifyInstance, renderPage: RenderPage, form: PublicForm<T>): void {
  app.post(
    form.action,
    { config: { permission: 'public' as const, anonymous: true }, schema: { hide: true } },
    async (request, reply) => {
      const fields = formFields(request.body);
      const parsed = form.schema.safeParse(fields);
      if (!parsed.success) {
        const sent = { values: fields, errors: fieldErrors(parsed.error) };
        return renderPage(request, reply, form.page(fields, request), { forms: { [form.id]: sent }, status: 422 });
      }
      const location = localPath(await form.accept(parsed.data, request, reply));
      return reply.code(303).header('location', location).header('cache-control', 'no-store').send();
    },
  );
}

/** A public form ready to be registered beside the pages (the web plugin's `forms` option). */
export type FormRegistration = (app: FastifyInstance, renderPage: RenderPage) => void;

/** Declares a public form for the web plugin: `webApp(app, { forms: [publicForm({ id, action, … })] })`. */
export function publicForm<T>(form: PublicForm<T>): FormRegistration {
  return (app, renderPage) => registerPublicForm(app, renderPage, form);
}

/** The posted fields as strings (a form post, or a JSON object from a script). */
function formFields(body: unknown): Record<string, string> {
  if (body === null || typeof body !== 'object') return {};
  return Object.fromEntries(
    Object.entries(body).flatMap(([name, value]) => (typeof value === 'string' ? [[name, value]] : [])),
  );
}
