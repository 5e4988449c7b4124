// The errors the client throws. None of them ever holds the API key: they are built from the
// response status, body, method and path only.

/** One invalid parameter, as listed in an error body's `errors`. */
export interface ErrorDetail {
  param: string;
  message: string;
  value?: unknown;
}

/** A non-2xx answer from the API. */
export class CheckoutPageError extends Error {
  override name = 'CheckoutPageError';
  /** The HTTP status code. */
  readonly status: number;
  /** The error body's machine-readable `type`, or `http_error` when the body was not the API's JSON. */
  readonly type: string;
  /** Per-parameter details from the body's `errors` (empty when there were none). */
  readonly errors: ErrorDetail[];
  readonly method: string;
  /** The request path, without the query string. */
  readonly path: string;
  /** The error body's human-readable `message` (or what came back instead of the API's JSON). */
  readonly apiMessage: string;
  /** The response body as received (it may be HTML or empty when a proxy answered). */
  readonly rawBody: string;

  constructor(init: { status: number; method: string; path: string; rawBody: string }) {
    const parsed = parseErrorBody(init.rawBody);
    const text = parsed.message ?? (init.rawBody.trim() ? 'The response body is not the API error format' : 'Empty response body');
    super(`${init.method} ${init.path} failed with ${init.status}: ${text}`);
    this.apiMessage = text;
    this.status = init.status;
    this.type = parsed.type ?? 'http_error';
    this.errors = parsed.errors;
    this.method = init.method;
    this.path = init.path;
    this.rawBody = init.rawBody;
  }

  toJSON() {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      type: this.type,
      apiMessage: this.apiMessage,
      errors: this.errors,
      method: this.method,
      path: this.path,
      rawBody: this.rawBody,
    };
  }
}

/** The request never got an HTTP answer (DNS, refused or reset connection...). */
export class CheckoutPageConnectionError extends Error {
  override name = 'CheckoutPageConnectionError';
  constructor(
    readonly method: string,
    readonly path: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${method} ${path}: ${message}`, options);
  }
}

/** An attempt took longer than `timeoutMs`. */
export class CheckoutPageTimeoutError extends CheckoutPageConnectionError {
  override name = 'CheckoutPageTimeoutError';
  constructor(method: string, path: string, readonly timeoutMs: number) {
    super(method, path, `no response within ${timeoutMs} ms (timeoutMs)`);
  }
}

function parseErrorBody(raw: string): { message?: string; type?: string; errors: ErrorDetail[] } {
  try {
    const body = JSON.parse(raw) as Record<string, unknown>;
    if (body && typeof body === 'object') {
      const message = typeof body.message === 'string' ? body.message : typeof body.error === 'string' ? body.error : undefined;
      const errors = Array.isArray(body.errors) ? (body.errors as ErrorDetail[]) : [];
      return { message, type: typeof body.type === 'string' ? body.type : undefined, errors };
    }
  } catch {
    // Not JSON: an HTML page from a proxy, or a truncated body. Keep it in rawBody.
  }
  return { errors: [] };
}
