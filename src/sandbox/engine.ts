// The engine behind every door: a request goes through the key check, the rate limit, the route,
// the parameter and body checks, and then to its handler (an action's own, or the generic one of
// its kind). Handlers find records, change them through a Change, and answer through helpers
// here, so every answer takes the shape its operation's schema documents.
import { Presenter, joinScope } from './answers.js';
import { controlRoute } from './control.js';
import { ApiError, json, notFound } from './errors.js';
import { Lists } from './lists.js';
import { ApiModel, type Collection, type Route } from './model.js';
import { singular } from './names.js';
import { RateLimiter, type RateLimit } from './rate-limit.js';
import type { Rule } from './rules/index.js';
import { Records, type WriteContext } from './records.js';
import { apiKeyOf, readBody, readParameters, type Body } from './request.js';
import { seed, type SeedOptions } from './seed/index.js';
import { SchemaReader, type OpenApiDocument, type Schema } from './spec.js';
import { Store, type Entry, type Resource } from './store.js';
import { validatorsFor, type Validators } from './validation.js';
import type { DeliveryOptions } from './deliveries.js';
import { Webhooks } from './webhooks.js';

export interface Ctx {
  engine: Engine;
  request: Request;
  url: URL;
  route: Route;
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: Body;
  apiKey: string;
  write: WriteContext;
}

export type Handler = (ctx: Ctx) => Promise<Response> | Response;

export interface EngineOptions {
  doc: OpenApiDocument;
  now: () => number;
  apiKeys?: ReadonlySet<string>;
  rateLimit?: RateLimit;
  webhooks: DeliveryOptions;
  actions: Record<string, Handler>;
  generic: Record<string, Handler>;
  rules: Record<string, Rule>;
  seed?: SeedOptions;
}

export interface StoredFile {
  bytes: Uint8Array<ArrayBuffer>;
  type: string;
  name: string;
}

export class Engine {
  readonly reader: SchemaReader;
  readonly model: ApiModel;
  readonly store = new Store();
  readonly validators: Validators;
  readonly records: Records;
  readonly lists: Lists;
  readonly presenter: Presenter;
  readonly webhooks: Webhooks;
  readonly limiter?: RateLimiter;
  /** Uploaded file contents, by file id (the records hold the metadata). */
  readonly files = new Map<string, StoredFile>();
  private readonly uniques = new Map<Route, string[]>();

  constructor(private readonly options: EngineOptions) {
    this.reader = new SchemaReader(options.doc);
    this.model = new ApiModel(this.reader, new Set(Object.keys(options.actions)));
    this.validators = validatorsFor(options.doc);
    this.records = new Records(this.reader);
    this.lists = new Lists(this.reader);
    this.presenter = new Presenter(this.reader, this.records, this.store);
    const parts = { model: this.model, store: this.store, records: this.records, presenter: this.presenter, validators: this.validators };
    this.webhooks = new Webhooks({ ...parts, context: () => this.context() }, options.webhooks);
    if (options.rateLimit) this.limiter = new RateLimiter(options.rateLimit, options.now);
    seed(this.model, this.store, options.seed);
  }

  now(): number {
    return this.options.now();
  }

  /** The store's id: the account singleton's. */
  get sellerId(): string | undefined {
    for (const record of this.store.singletons.values()) if (typeof record.id === 'string') return record.id;
    return undefined;
  }

  context(apiKey = '', params: Record<string, string> = {}): WriteContext {
    return { nowMs: this.now(), sellerId: this.sellerId, livemode: apiKey.startsWith('sk_live_'), params };
  }

  reset(): void {
    this.store.reset();
    this.files.clear();
    this.limiter?.reset();
    this.webhooks.deliveries.log.length = 0;
  }

  async handle(request: Request): Promise<Response> {
    try {
      const url = new URL(request.url);
      const pathname = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
      if (pathname.startsWith('/_sandbox/')) return await controlRoute(this, request, pathname);
      const apiKey = apiKeyOf(request, this.options.apiKeys);
      const wait = this.limiter?.take(apiKey);
      if (wait !== undefined) throw new ApiError(429, 'Rate Limit Exceeded - Please try again later.', undefined, { 'retry-after': String(wait) });
      const found = this.model.match(request.method, pathname);
      if (!found.route) throw notFound(`Unrecognized request URL (${request.method} ${pathname})`);
      const { route, params } = found;
      const query = readParameters(this.reader, this.validators, route, params, url);
      const body = await readBody(this.reader, this.validators, route, request, route.kind === 'create');
      const handler = this.options.actions[route.operationId] ?? this.options.generic[route.kind];
      if (!handler) throw new ApiError(501, `The sandbox does not simulate ${route.operationId}`);
      const ctx: Ctx = { engine: this, request, url, route, params, query, body, apiKey, write: this.context(apiKey, params) };
      return await handler(ctx);
    } catch (error) {
      if (error instanceof ApiError) return error.toResponse();
      console.error('[sandbox]', error);
      return new ApiError(500, 'Internal server error').toResponse();
    }
  }

  // ---- helpers for handlers ----

  /** The rule of a route's operation, if it documents more than its kind implies. */
  rule(route: Route): Rule | undefined {
    return this.options.rules[route.operationId];
  }

  /**
   * The scope of the records a route addresses: the ids of its parent records, each checked to
   * exist (404 otherwise). `item` routes end with the record's own id, which is not part of it.
   */
  scopeOf(collection: Collection, route: Route, params: Record<string, string>, item: boolean): string {
    const ids = route.pathParams.slice(0, item ? -1 : undefined).map((name) => params[name]!);
    const chain: Collection[] = [];
    for (let c = collection.parent; c; c = c.parent) chain.unshift(c);
    let scope = '';
    chain.forEach((parent, i) => {
      const id = ids[i];
      if (id === undefined || !this.store.get(parent.key, id, scope)) throw notFound(`No ${singular(parent.segment)} with id ${id}`);
      scope = joinScope(scope, id);
    });
    return scope;
  }

  /** The record an item route addresses, or 404. */
  find(collection: Collection, route: Route, params: Record<string, string>): Entry {
    const scope = this.scopeOf(collection, route, params, true);
    const id = params[route.pathParams.at(-1)!]!;
    const entry = this.store.get(collection.key, id, scope);
    if (!entry) throw notFound(`No ${singular(collection.segment)} with id ${id}`);
    return entry;
  }

  /** The documented success answer of a route: its status, schema and, for `{data}` answers, the schema of `data`. */
  answerOf(route: Route): { status: number; schema?: Schema; data?: Schema; examples: unknown[] } {
    const answer = this.reader.successResponse(route.operation);
    const data = this.reader.shape(answer.schema).properties.get('data');
    return { status: answer.status, schema: answer.schema, data, examples: answer.examples };
  }

  /** A record in the shape of the route's answer, wrapped in `{data}` when the answer is. */
  respond(ctx: Ctx, record: Resource, collection: Collection | undefined, scope: string): Response {
    const answer = this.answerOf(ctx.route);
    const schema = answer.data ?? answer.schema;
    const shown = this.presenter.present(record, collection, scope, schema, ctx.write);
    return json(answer.status, answer.data ? { data: shown } : shown);
  }

  /**
   * 409 when a body repeats a value another record of the scope already has, for the fields the
   * operation's 409 answer names (`A coupon with this code already exists.`) or the schema calls unique.
   */
  checkUnique(ctx: Ctx, collection: Collection, scope: string, exceptId?: string): void {
    const body = ctx.body.value as Resource | undefined;
    if (!body) return;
    const among = this.rule(ctx.route)?.uniqueAmong ?? (() => true);
    for (const field of this.uniqueFields(ctx.route, ctx.body.schema)) {
      const value = body[field];
      if (typeof value !== 'string') continue;
      const taken = this.store.list(collection.key, scope).some((e) => e.id !== exceptId && e.record[field] === value && among(e.record));
      if (taken) {
        throw new ApiError(409, `A ${singular(collection.segment).replace(/-/g, ' ')} with this ${field} already exists`, [
          { param: field, message: 'is already taken', value },
        ]);
      }
    }
  }

  private uniqueFields(route: Route, bodySchema: Schema | undefined): string[] {
    let fields = this.uniques.get(route);
    if (fields) return fields;
    // The description beside the 409's $ref says what conflicts here ("...with this code...").
    const conflict = route.operation.responses['409'];
    const says = String(conflict?.description ?? '');
    fields = conflict
      ? [...this.reader.shape(bodySchema).properties]
          .filter(([name, schema]) => {
            const shape = this.reader.shape(schema);
            if (!shape.types.has('string')) return false;
            return new RegExp(`\\b${name}\\b`, 'i').test(says) || /\bunique\b|only once|once per/i.test(shape.description ?? '');
          })
          .map(([name]) => name)
      : [];
    this.uniques.set(route, fields);
    return fields;
  }
}
