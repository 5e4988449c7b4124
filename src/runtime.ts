// The lean request path behind the resource API (`client.payments.get(id)`): it builds a URL string
// and reuses one headers object, instead of a Request per call, then unwraps `data` and throws
// CheckoutPageError on any non-2xx answer.
import type { operations } from '../generated/schema.js';
import { CheckoutPageError } from './errors.js';
import { iterateItems, type Page } from './pagination.js';
import type { End, Transport } from './transport.js';

/** Per-call options of every resource method. */
export interface RequestOptions {
  /** Abort the call (and any retry). */
  signal?: AbortSignal;
  /** Per-attempt timeout for this call, overriding the client's `timeoutMs`. */
  timeoutMs?: number;
  /** Extra headers for this call, such as `Prefer: code=404` for a Prism mock. */
  headers?: Record<string, string>;
}

type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;
/** The query parameters of an operation. */
export type Query<Op extends keyof operations> = NonNullable<operations[Op]['parameters']['query']>;
/** The JSON request body of an operation. */
export type Body<Op extends keyof operations> = JsonOf<NonNullable<operations[Op]['requestBody']>>;
/** The JSON body of one of an operation's responses. */
export type Ok<Op extends keyof operations, Status extends keyof operations[Op]['responses']> = JsonOf<
  operations[Op]['responses'][Status]
>;
/** The `data` of a `{data}` response. */
export type Data<Op extends keyof operations, Status extends keyof operations[Op]['responses']> =
  Ok<Op, Status> extends { data: infer D } ? D : never;

type FormOf<T> = T extends { content: { 'multipart/form-data': infer B } } ? B : never;
type FileFields<B> = { [K in keyof B]-?: NonNullable<B[K]> extends Blob ? K : never }[keyof B];
/**
 * The `multipart/form-data` body of an operation (a file upload). A file field takes a Blob or
 * File as it is (`filename` optionally renames it), or the file's bytes with a `filename` and
 * optionally a `contentType`. `filename` and `contentType` are not sent as fields.
 */
export type FormBody<Op extends keyof operations, B = FormOf<NonNullable<operations[Op]['requestBody']>>> =
  | (B & { filename?: string; contentType?: never })
  | (Omit<B, FileFields<B>> & { [K in FileFields<B>]: Uint8Array | ArrayBuffer } & { filename: string; contentType?: string });

/**
 * Builds the `multipart/form-data` body of a file upload: Blobs and Files become file parts,
 * bytes become a file named `filename` (of type `contentType`), other values text fields. Pass
 * it as openapi-fetch's `bodySerializer` to upload through the typed
 * `client.POST('/v1/files/upload', ...)`. fetch writes the Content-Type with its boundary.
 */
export function toFormData(body: object): FormData {
  const { filename, contentType, ...fields } = body as Record<string, unknown>;
  const name = typeof filename === 'string' ? filename : undefined;
  const form = new FormData();
  // append() takes an explicit `undefined` file name literally, so pass one only when there is one.
  const file = (key: string, blob: Blob) => (name === undefined ? form.append(key, blob) : form.append(key, blob, name));
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || value === null) continue;
    if (value instanceof Blob) file(key, value);
    else if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
      file(key, new Blob([value as BlobPart], { type: typeof contentType === 'string' ? contentType : '' }));
    } else form.append(key, String(value));
  }
  return form;
}

const sizeOf = (value: unknown): number | undefined =>
  value instanceof Blob ? value.size : value instanceof ArrayBuffer || ArrayBuffer.isView(value) ? value.byteLength : undefined;
const megabytes = (bytes: number) => `${(bytes / 1048576).toFixed(1).replace(/\.0$/, '')} MB`;

type QueryValue = string | number | boolean | null | undefined | ReadonlyArray<string | number | boolean>;
type QueryObject = { readonly [key: string]: QueryValue } | undefined;

/**
 * A list call: await it for one page (`{data, has_more, total}`), or iterate it with `for await`
 * for every item across pages. Nothing is sent until you do either.
 */
export class ListRequest<P extends Page<unknown>> implements PromiseLike<P>, AsyncIterable<P['data'][number]> {
  #page?: Promise<P>;
  constructor(
    private readonly fetchPage: (query: QueryObject) => Promise<P>,
    private readonly query: QueryObject,
  ) {}

  then<A = P, B = never>(onFulfilled?: ((page: P) => A | PromiseLike<A>) | null, onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<A | B> {
    this.#page ??= this.fetchPage(this.query);
    return this.#page.then(onFulfilled, onRejected);
  }

  [Symbol.asyncIterator](): AsyncIterator<P['data'][number]> {
    return iterateItems<P['data'][number]>(this.fetchPage, this.query)[Symbol.asyncIterator]();
  }
}

export class Runtime {
  readonly #baseUrl: string;
  readonly #transport: Transport;
  readonly #headers: Record<string, string>;
  readonly #jsonHeaders: Record<string, string>;

  constructor(baseUrl: string, transport: Transport, headers: Record<string, string>) {
    this.#baseUrl = baseUrl.replace(/\/+$/, '');
    this.#transport = transport;
    this.#headers = { Accept: 'application/json', ...headers };
    this.#jsonHeaders = { ...this.#headers, 'Content-Type': 'application/json' };
  }

  /**
   * Sends a call; `read` turns a 2xx Response into the result, anything else becomes a
   * CheckoutPageError. One promise step per stage: this runs for every resource call.
   */
  #call<T>(method: string, path: string, query: QueryObject, body: unknown, options: RequestOptions | undefined, read: (response: Response, end: End) => Promise<T>): Promise<T> {
    const url = this.#baseUrl + path + toQueryString(query);
    let headers = this.#headers;
    let payload: BodyInit | undefined;
    if (body !== undefined) {
      // A FormData body goes as it is, without a Content-Type: fetch writes it with the boundary.
      // fetch encodes a FormData afresh on each attempt, so a retry sends the whole body again.
      if (body instanceof FormData) payload = body;
      else {
        headers = this.#jsonHeaders;
        payload = JSON.stringify(body);
      }
    }
    const init: RequestInit = {
      method,
      headers: options?.headers ? { ...headers, ...options.headers } : headers,
      body: payload,
    };
    const fetchImpl = this.#transport.fetch;
    return this.#transport.run(
      {
        method,
        path,
        signal: options?.signal,
        timeoutMs: options?.timeoutMs,
        send: (signal) => {
          init.signal = signal;
          return fetchImpl(url, init);
        },
      },
      (response, end) => (response.ok ? read(response, end) : failure(response, method, path, end)),
    );
  }

  /** The whole JSON body. */
  json<T>(method: string, path: string, query: QueryObject, body: unknown, options?: RequestOptions): Promise<T> {
    return this.#call(method, path, query, body, options, readJson as (response: Response, end: End) => Promise<T>);
  }

  /** The `data` of a `{data}` body. */
  data<T>(method: string, path: string, query: QueryObject, body: unknown, options?: RequestOptions): Promise<T> {
    return this.#call(method, path, query, body, options, readData as (response: Response, end: End) => Promise<T>);
  }

  /**
   * A `multipart/form-data` call (a file upload) whose answer is `{data}`. A file over its field's
   * limit (`maxBytes`, in bytes) fails with a RangeError before anything is sent.
   */
  form<T>(method: string, path: string, query: QueryObject, body: object, maxBytes: Record<string, number>, options?: RequestOptions): Promise<T> {
    for (const [field, max] of Object.entries(maxBytes)) {
      const size = sizeOf((body as Record<string, unknown>)[field]);
      if (size !== undefined && size > max) {
        return Promise.reject(
          new RangeError(`${method} ${path}: the ${field} is ${megabytes(size)} (${size} bytes), over the limit of ${megabytes(max)} (${max} bytes); nothing was sent.`),
        );
      }
    }
    return this.#call(method, path, query, toFormData(body), options, readData as (response: Response, end: End) => Promise<T>);
  }

  /** A binary body, such as a PDF, of the given media type (errors still come as JSON). */
  binary(method: string, path: string, query: QueryObject, mediaType: string, options?: RequestOptions): Promise<ArrayBuffer> {
    const headers = { Accept: `${mediaType}, application/json`, ...options?.headers };
    return this.#call(method, path, query, undefined, { ...options, headers }, readBinary);
  }

  /** A paginated list: one page when awaited, every item when iterated. */
  list<P extends Page<unknown>>(path: string, query: QueryObject, options?: RequestOptions): ListRequest<P> {
    return new ListRequest<P>((q) => this.json<P>('GET', path, q, undefined, options), query);
  }
}

// Each reader reads the whole body in one step and ends the attempt's clock there (see End).
const readJson = (response: Response, end: End): Promise<unknown> => response.json().then(end.ok, end.fail);
const readData = (response: Response, end: End): Promise<unknown> =>
  response.json().then((body: { data: unknown }) => end.ok(body.data), end.fail);
const readBinary = (response: Response, end: End): Promise<ArrayBuffer> => response.arrayBuffer().then(end.ok, end.fail);

function failure(response: Response, method: string, path: string, end: End): Promise<never> {
  return response.text().then((rawBody) => {
    throw new CheckoutPageError({ status: response.status, method, path, rawBody: end.ok(rawBody) });
  }, end.fail);
}

function toQueryString(query: QueryObject): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, String(item));
    else params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
