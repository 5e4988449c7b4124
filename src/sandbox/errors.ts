// The API's error answer, `{status: 'error', type, message, errors?}`, thrown from anywhere in the
// sandbox and turned into a Response in one place.

export interface ErrorDetail {
  param: string;
  message: string;
  value?: unknown;
}

/** The `type` the documented examples show for every error (the API does not list other values). */
const ERROR_TYPE = 'error';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: ErrorDetail[],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  toResponse(): Response {
    const body = { status: 'error', type: ERROR_TYPE, message: this.message, ...(this.errors ? { errors: this.errors } : {}) };
    return json(this.status, body, this.headers);
  }
}

export const notFound = (what = 'Not Found') => new ApiError(404, what);

export const badRequest = (errors: ErrorDetail[], message = 'Invalid request parameters') => new ApiError(400, message, errors);

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });
}

/**
 * The answer for anything a handler threw: the API's error body for an ApiError, else a plain 500
 * that leaks no internal text. Never throws itself (a body that cannot be serialised gets the 500).
 */
export function errorResponse(error: unknown): Response {
  if (error instanceof ApiError) {
    try {
      return error.toResponse();
    } catch {
      // An error detail's value that JSON cannot write: the answer goes without the details.
      return json(error.status, { status: 'error', type: ERROR_TYPE, message: error.message }, error.headers);
    }
  }
  console.error('[sandbox]', error instanceof Error ? error.message : String(error));
  return json(500, { status: 'error', type: ERROR_TYPE, message: 'Internal server error' });
}
