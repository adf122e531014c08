/**
 * The one error vocabulary. Services throw AppError with a stable code; the error handler maps it to
 * HTTP and problem+json. Details are translated by code (see platform/i18n/problems.ts), so never put
 * personal data in `params`.
 */
export const ERROR_STATUS = {
  validation_failed: 400,
  malformed_json: 400,
  bad_request: 400,
  unauthenticated: 401,
  session_expired: 401,
  invalid_credentials: 401,
  totp_required: 401,
  totp_invalid: 401,
  totp_enrolment_required: 403,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  method_not_allowed: 405,
  request_timeout: 408,
  conflict: 409,
  payload_too_large: 413,
  uri_too_long: 414,
  unsupported_media_type: 415,
  rate_limited: 429,
  header_too_large: 431,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldError {
  /** JSON pointer-like dotted path of the field at fault, e.g. `body.email`. */
  field: string;
  code: string;
  message: string;
}

/** The record a refusal is about (the value a duplicate would repeat), as an RFC 9457 extension member. */
export interface ProblemRecord {
  id: string;
  /** Its address in the API. */
  href: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly params: Record<string, string | number>;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string> | undefined;
  readonly existing: ProblemRecord | undefined;

  constructor(
    code: ErrorCode,
    options: {
      params?: Record<string, string | number>;
      errors?: FieldError[];
      headers?: Record<string, string>;
      existing?: ProblemRecord;
      cause?: unknown;
    } = {},
  ) {
    super(code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.params = options.params ?? {};
    this.errors = options.errors;
    this.headers = options.headers;
    this.existing = options.existing;
  }
}

export const notFound = (thing = 'record') => new AppError('not_found', { params: { thing } });
export const conflict = (reason: string) => new AppError('conflict', { params: { reason } });
