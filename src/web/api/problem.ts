import type { ErrorCode } from '../../server/platform/http/errors.ts';

/** One field at fault, as the API reports it (`field` is a dotted path such as `body.email`). */
export interface FieldProblem {
  field: string;
  /** The field's name in the form: the path without its `body.` / `query.` / `params.` prefix. */
  name: string;
  code: string;
  message: string;
}

/** The server's error vocabulary, plus `network` for a server that could not be reached at all. */
export type ApiErrorCode = ErrorCode | 'network';

const SESSION_LOST: ReadonlySet<string> = new Set([
  'session_expired',
  'unauthenticated',
  'totp_required',
  'totp_enrolment_required',
]);

/**
 * An API request that did not succeed, from an RFC 9457 problem: `detail` is already in the person's language
 * (the client sends Accept-Language), `fieldErrors` go next to the fields they name.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  /** Which case of `code` this is (`conflict` → `email_taken`), for screens that act on one case. */
  readonly reason: string | undefined;
  readonly title: string | undefined;
  readonly detail: string | undefined;
  readonly requestId: string | undefined;
  readonly fieldErrors: readonly FieldProblem[];
  /** The record the refusal is about (a duplicate's existing value), when the server named one. */
  readonly existing: { id: string; href: string } | undefined;

  constructor(init: {
    status: number;
    code: ApiErrorCode;
    reason?: string;
    title?: string;
    detail?: string;
    requestId?: string;
    fieldErrors?: FieldProblem[];
    existing?: { id: string; href: string };
    cause?: unknown;
  }) {
    super(init.detail ?? init.title ?? init.code, { cause: init.cause });
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.reason = init.reason;
    this.title = init.title;
    this.detail = init.detail;
    this.requestId = init.requestId;
    this.fieldErrors = init.fieldErrors ?? [];
    this.existing = init.existing;
  }

  /** The message for one form field (`email`, `memberships.0.role`), when the server named it. */
  forField(name: string): string | undefined {
    return this.fieldErrors.find((error) => error.name === name)?.message;
  }

  /** The person is not (or no longer) fully signed in: the staff workspace sends them to sign-in. */
  get sessionLost(): boolean {
    return SESSION_LOST.has(this.code);
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

const PROBLEM_TYPE = /^application\/problem\+json\b/i;

function codeForStatus(status: number): ErrorCode {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status === 502 || status === 503 || status === 504) return 'unavailable';
  return status >= 500 ? 'internal' : 'bad_request';
}

const stripContext = (field: string) => field.replace(/^(body|query|querystring|params)\./, '');

function fieldProblems(value: unknown): FieldProblem[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    if (typeof item !== 'object' || item === null) return [];
    const { field, code, message } = item as Record<string, unknown>;
    if (typeof field !== 'string') return [];
    return [
      {
        field,
        name: stripContext(field),
        code: typeof code === 'string' ? code : 'invalid',
        message: typeof message === 'string' ? message : '',
      },
    ];
  });
}

const text = (value: unknown) => (typeof value === 'string' && value.length > 0 ? value : undefined);

/** Reads a failed response into an ApiError; a body that is not a problem (a proxy's HTML page) keeps the status. */
export async function problemFromResponse(response: Response): Promise<ApiError> {
  const status = response.status;
  const requestId = response.headers.get('x-request-id') ?? undefined;
  if (!PROBLEM_TYPE.test(response.headers.get('content-type') ?? '')) {
    return new ApiError({ status, code: codeForStatus(status), ...(requestId ? { requestId } : {}) });
  }
  let body: Record<string, unknown>;
  try {
    body = (await response.json()) as Record<string, unknown>;
  } catch (cause) {
    return new ApiError({ status, code: codeForStatus(status), cause });
  }
  const reason = text(body.reason);
  const title = text(body.title);
  const detail = text(body.detail);
  const id = text(body.requestId) ?? requestId;
  const existing = body.existing as { id?: unknown; href?: unknown } | undefined;
  return new ApiError({
    status,
    code: (text(body.code) as ErrorCode | undefined) ?? codeForStatus(status),
    ...(reason ? { reason } : {}),
    ...(title ? { title } : {}),
    ...(detail ? { detail } : {}),
    ...(id ? { requestId: id } : {}),
    fieldErrors: fieldProblems(body.errors),
    ...(existing && typeof existing.id === 'string' && typeof existing.href === 'string'
      ? { existing: { id: existing.id, href: existing.href } }
      : {}),
  });
}

/** The server could not be reached (offline, DNS, refused connection): nothing was done. */
export function networkError(cause: unknown): ApiError {
  return new ApiError({ status: 0, code: 'network', cause });
}
