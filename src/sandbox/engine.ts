// One store's engine (sandbox.ts keeps one per store): a request that has passed the key check and
// the rate limits goes to its route, the parameter and body checks, and then to its handler (an
// action's own, or the generic one of its kind). Handlers find records, change them through a
// Change, and answer through helpers here, so every answer takes the shape its operation's schema
// documents. What derives from the spec alone is shared by every store (compiled.ts).
import { Presenter, joinScope } from './answers.js';
import { StoreClock } from './clock.js';
import type { CompiledSpec } from './compiled.js';
import { ApiError, errorResponse, json, notFound } from './errors.js';
import { randomToken } from './ids.js';
import type { Lists } from './lists.js';
import type { ApiModel, Collection, Route } from './model.js';
import { singular } from './names.js';
import type { Rule } from './rules/index.js';
import type { Records, WriteContext } from './records.js';
import { readBody, readParameters, type Body } from './request.js';
import { seed, type SeedOptions } from './seed/index.js';
import type { SchemaReader, Schema } from './spec.js';
import { Store, type Entry, type Resource } from './store.js';
import type { Validators } from './validation.js';
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
  /** What the spec gives, shared by every store. */
  spec: CompiledSpec;
  now: () => number;
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
  /** The secret of the file's links (`?token=`), which open it without an API key, as the API's do. */
  token: string;
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
  /** Uploaded file contents, by file id (the records hold the metadata). */
  readonly files = new Map<string, StoredFile>();
  /** The tokens of links given for files without content (seeded ones), by token: the file id. */
  private readonly linkedOnly = new Map<string, string>();
  /** The store's time: the `now` option plus what advanceClock() added. */
  readonly clock: StoreClock;

  constructor(private readonly options: EngineOptions) {
    const { spec } = options;
    this.clock = new StoreClock(options.now);
    this.reader = spec.reader;
    this.model = spec.model;
    this.validators = spec.validators;
    this.records = spec.records;
    this.lists = spec.lists;
    this.presenter = new Presenter(this.reader, this.records, this.store);
    const parts = { model: this.model, store: this.store, records: this.records, presenter: this.presenter, validators: this.validators };
    this.webhooks = new Webhooks({ ...parts, context: () => this.context() }, options.webhooks);
    seed(this.model, this.store, options.seed);
  }

  now(): number {
    return this.clock.now();
  }

  /** The store's id: the account singleton's. */
  get sellerId(): string | undefined {
    for (const record of this.store.singletons.values()) if (typeof record.id === 'string') return record.id;
    return undefined;
  }

  context(apiKey = '', params: Record<string, string> = {}): WriteContext {
    return { nowMs: this.now(), sellerId: this.sellerId, livemode: apiKey.startsWith('sk_live_'), params };
  }

  /** Back to the seeded state: created records, uploads and deliveries are dropped. */
  reset(): void {
    this.store.reset();
    this.files.clear();
    this.linkedOnly.clear();
    this.clock.reset();
    this.webhooks.deliveries.log.length = 0;
  }

  /** Answers a request whose key has been checked (`pathname` without its trailing slash). */
  async handle(request: Request, url: URL, pathname: string, apiKey: string): Promise<Response> {
    try {
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
      return errorResponse(error);
    }
  }

  /** The token of a file's links: the stored file's own, else a new one kept until reset (a seeded file has no content). */
  linkToken(fileId: string): string {
    const stored = this.files.get(fileId);
    if (stored) return stored.token;
    const token = randomToken();
    this.linkedOnly.set(token, fileId);
    return token;
  }

  /** The file a link's token opens: its content, `null` for a linked file without content, `undefined` for no such link. */
  fileByToken(fileId: string, token: string): StoredFile | null | undefined {
    const stored = this.files.get(fileId);
    if (stored) return stored.token === token ? stored : undefined;
    return this.linkedOnly.get(token) === fileId ? null : undefined;
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
      if (id === undefined || !this.store.get(parent.key, id, scope)) throw notFound(notFoundMessage(parent));
      scope = joinScope(scope, id);
    });
    return scope;
  }

  /** The record an item route addresses, or 404. */
  find(collection: Collection, route: Route, params: Record<string, string>): Entry {
    const scope = this.scopeOf(collection, route, params, true);
    const id = params[route.pathParams.at(-1)!]!;
    const entry = this.store.get(collection.key, id, scope);
    if (!entry) throw notFound(notFoundMessage(collection));
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
      const taken = this.store.findBy(collection.key, field, value).some((e) => e.scope === scope && e.id !== exceptId && among(e.record));
      if (taken) {
        throw new ApiError(409, `A ${singular(collection.segment).replace(/-/g, ' ')} with this ${field} already exists`, [
          { param: field, message: 'is already taken', value },
        ]);
      }
    }
  }

  private uniqueFields(route: Route, bodySchema: Schema | undefined): string[] {
    const { uniques } = this.options.spec;
    let fields = uniques.get(route);
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
    uniques.set(route, fields);
    return fields;
  }
}

/** `Theme not found`: the API's wording for a record it cannot find (the vendor's SDK tests show it for themes). */
function notFoundMessage(collection: Collection): string {
  const name = singular(collection.segment).replace(/-/g, ' ');
  return `${name.charAt(0).toUpperCase()}${name.slice(1)} not found`;
}
