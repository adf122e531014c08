import type { FastifyRequest } from 'fastify';
import { AppError } from '../http/errors.ts';
import { registerProblems } from '../i18n/problems.ts';

/** The methods that change nothing; every other method is a write. */
const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a write a browser sent from another site, whatever token it carries: by `Sec-Fetch-Site` when the
 * browser sends it (every current browser does), else by `Origin` against the Host the request was sent to.
 * `same-site` is refused too: a sibling subdomain is another party. A request with neither header (the CLI,
 * curl, a script) is not a browser's cross-site request and goes on to the CSRF token check as before.
 * `Sec-Fetch-Site` wins over `Origin` because a proxy may rewrite Host, which would make every same-origin
 * write look cross-site.
 */
export function checkCrossSite(request: FastifyRequest): void {
  if (SAFE_METHODS.has(request.method)) return;
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string') {
    if (site === 'same-origin' || site === 'none') return;
    throw crossSite();
  }
  const origin = request.headers.origin;
  if (origin === undefined) return;
  // A request without Host (HTTP/1.0) has no origin of its own to match.
  const host = (request.host as string | undefined)?.toLowerCase();
  if (host === undefined || hostOf(origin) !== host) throw crossSite();
}

function hostOf(origin: string): string | undefined {
  try {
    return origin === 'null' ? undefined : new URL(origin).host.toLowerCase();
  } catch {
    return undefined;
  }
}

const crossSite = () => new AppError('forbidden', { params: { reason: 'cross_site' } });

registerProblems({
  en: {
    'forbidden.cross_site': {
      title: 'Request from another site',
      detail: 'Homeward does not accept changes sent from another website. Use Homeward’s own pages.',
    },
  },
  ar: {
    'forbidden.cross_site': {
      title: 'طلب من موقع آخر',
      detail: 'لا يقبل Homeward تغييرات مرسلة من موقع آخر. استخدم صفحات Homeward نفسها.',
    },
  },
  fr: {
    'forbidden.cross_site': {
      title: 'Requête venant d’un autre site',
      detail: 'Homeward n’accepte pas les modifications envoyées depuis un autre site. Utilisez les pages de Homeward.',
    },
  },
});
