// The handlers every operation gets from its kind alone: list, create, get, update, delete and
// singletons. A new operation of one of these kinds works without sandbox code.
import { joinScope } from './answers.js';
import type { Ctx, Engine, Handler } from './engine.js';
import { ApiError, badRequest, json, notFound } from './errors.js';
import { linkKeys } from './keys.js';
import { usedBy } from './references.js';
import type { Collection } from './model.js';
import { camel, singular } from './names.js';
import type { WriteContext } from './records.js';
import type { Schema } from './spec.js';
import type { Change, Resource } from './store.js';

const list: Handler = ({ engine, route, params, query, write }) => {
  const collection = route.collection!;
  const scope = engine.scopeOf(collection, route, params, false);
  const items = engine.reader.shape(engine.answerOf(route).data).items;
  const page = engine.lists.answer(route, engine.store, collection.key, scope, query, engine.reader.shape(items), collection.paginated);
  const data = page.data.map((record) => engine.presenter.present(record, collection, scope, items, write));
  return json(200, { ...page, data });
};

const get: Handler = (ctx) => {
  const collection = ctx.route.collection!;
  const entry = ctx.engine.find(collection, ctx.route, ctx.params);
  return ctx.engine.respond(ctx, entry.record, collection, entry.scope);
};

const create: Handler = (ctx) => {
  const { engine, route, params } = ctx;
  const collection = route.collection!;
  const rule = engine.rule(route);
  const scope = engine.scopeOf(collection, route, params, false);
  rule?.check?.(ctx);
  engine.checkUnique(ctx, collection, scope);
  const change = engine.store.begin();
  const answer = engine.answerOf(route);
  const write = { ...ctx.write, ...shownBy(answer.examples) };
  const made: Resource[] = [];
  const record = build(engine, change, collection, scope, (ctx.body.value ?? {}) as Resource, answer.data, write, ctx.body.schema, made);
  const written = rule?.apply?.(ctx, record, change) ?? [];
  linkKeys([...made, ...written.map((w) => w.after)]);
  change.commit();
  engine.webhooks.recordChanged(collection, undefined, record);
  for (const w of written) engine.webhooks.recordChanged(w.collection, w.before, w.after);
  return engine.respond(ctx, record, collection, scope);
};

/** What a create answer's named examples show: the first one's record, and every property any of them has. */
function shownBy(examples: unknown[]): { example?: Resource; shows: Set<string> } {
  const records = examples.map((e) => (e as Resource | undefined)?.data as Resource | undefined).filter((r): r is Resource => !!r && typeof r === 'object');
  return { example: records[0], shows: new Set(records.flatMap((r) => Object.keys(r))) };
}

/** A new record and, from arrays named after child collections (`ticketGroups`), its children; each goes into `made`. */
function build(
  engine: Engine,
  change: Change,
  collection: Collection,
  scope: string,
  body: Resource,
  schema: Schema | undefined,
  write: WriteContext,
  requestSchema: Schema | undefined,
  made: Resource[],
): Resource {
  const nested = collection.children.filter((child) => Array.isArray(body[camel(child.segment)]));
  const skip = new Set(nested.map((child) => camel(child.segment)));
  const record = engine.records.build(body, schema ?? collection.itemSchema, write, skip, requestSchema);
  engine.records.complete(record, collection.itemSchema, write);
  change.put(collection.key, scope, record);
  made.push(record);
  for (const child of nested) {
    const childCreate = engine.model.routes.find((r) => r.kind === 'create' && r.collection === child);
    const shown = shownBy(childCreate ? engine.answerOf(childCreate).examples : []);
    const childWrite = { ...write, example: shown.example, shows: shown.shows, params: { ...write.params, [child.parentParams.at(-1)!]: record.id } };
    const itemSchema = engine.reader.shape(engine.reader.shape(requestSchema).properties.get(camel(child.segment))).items;
    for (const item of body[camel(child.segment)] as Resource[]) {
      build(engine, change, child, joinScope(scope, record.id), item, child.itemSchema, childWrite, itemSchema, made);
    }
  }
  return record;
}

const update: Handler = (ctx) => {
  const { engine, route, params, write } = ctx;
  const collection = route.collection!;
  const rule = engine.rule(route);
  const entry = engine.find(collection, route, params);
  rule?.check?.(ctx, entry);
  const answer = engine.answerOf(route).data;
  const patch = (ctx.body.value ?? {}) as Resource;
  const record = engine.records.merge(entry.record, patch, ctx.body.schema, answer, write);
  if (engine.reader.shape(answer).properties.has('updatedAt')) record.updatedAt = new Date(write.nowMs).toISOString();
  engine.checkUnique(ctx, collection, entry.scope, entry.id);
  const scope = moved(engine, collection, entry.scope, patch);
  const change = engine.store.begin();
  const written = rule?.apply?.(ctx, record, change, entry.record) ?? [];
  checkResult(engine, ctx, record, collection, scope, answer, patch);
  change.put(collection.key, scope, record, entry.seeded);
  change.commit();
  engine.webhooks.recordChanged(collection, entry.record, record);
  for (const w of written) engine.webhooks.recordChanged(w.collection, w.before, w.after);
  return engine.respond(ctx, record, collection, scope);
};

/** A body that sets the field naming the parent (`ticketGroupId`) moves the record to that parent. */
function moved(engine: Engine, collection: Collection, scope: string, patch: Resource): string {
  const param = collection.parentParams.at(-1);
  const target = param ? patch[param] : undefined;
  if (typeof target !== 'string' || !collection.parent) return scope;
  const grand = scope.split('/').slice(0, -1).join('/');
  if (!engine.store.get(collection.parent.key, target, grand)) throw notFound(`No ${singular(collection.parent.segment)} with id ${target}`);
  return joinScope(grand, target);
}

/**
 * An update must leave a record its answer schema accepts (a ticket holds at most 20 metadata
 * entries, whatever the body's own limit): otherwise 400, naming the fields the body touched.
 */
function checkResult(engine: Engine, ctx: Ctx, record: Resource, collection: Collection, scope: string, schema: Schema | undefined, patch: Resource): void {
  if (!schema) return;
  const declared = engine.reader.shape(schema).properties;
  const touched = new Map([...declared].filter(([name]) => name in patch));
  if (touched.size === 0) return;
  const shown = engine.presenter.present(record, collection, scope, schema, ctx.write);
  const errors = engine.validators.fields(schema, touched)(shown);
  if (errors?.length) throw badRequest(errors);
}

const remove: Handler = (ctx) => {
  const { engine, route, params, write } = ctx;
  const collection = route.collection!;
  const entry = engine.find(collection, route, params);
  engine.rule(route)?.check?.(ctx, entry);
  if (route.operation.responses['409']) {
    const user = usedBy(engine.model, engine.store, collection, entry.id);
    if (user) throw new ApiError(409, `This ${singular(collection.segment).replace(/-/g, ' ')} is still in use (by ${user})`);
  }
  const answer = engine.answerOf(route);
  const status = engine.reader.shape(engine.reader.shape(collection.itemSchema).properties.get('status'));
  const change = engine.store.begin();
  if (status.enum?.includes('archived')) {
    // Deleting something that can be archived archives it: it stays readable, with its status.
    const record = { ...entry.record, status: 'archived', updatedAt: new Date(write.nowMs).toISOString() };
    engine.rule(route)?.apply?.(ctx, record, change, entry.record);
    change.put(collection.key, entry.scope, record, entry.seeded);
    change.commit();
    engine.webhooks.recordChanged(collection, entry.record, record);
    return engine.respond(ctx, record, collection, entry.scope);
  }
  engine.rule(route)?.apply?.(ctx, entry.record, change, entry.record);
  removeWithChildren(engine, change, collection, entry.scope, entry.id);
  change.commit();
  if (engine.reader.shape(answer.data).properties.has('id')) return engine.respond(ctx, entry.record, collection, entry.scope);
  // Not the record: a confirmation such as `{success, message}`, as the documented example shows it.
  const example = (answer.examples[0] as Resource | undefined)?.data;
  const result = engine.records.complete(example ? structuredClone(example) : {}, answer.data, write);
  if ('success' in result) result.success = true;
  return json(answer.status, answer.data ? { data: result } : result);
};

function removeWithChildren(engine: Engine, change: Change, collection: Collection, scope: string, id: string): void {
  change.remove(collection.key, id);
  const childScope = joinScope(scope, id);
  for (const child of collection.children) {
    for (const kid of engine.store.list(child.key, childScope)) removeWithChildren(engine, change, child, childScope, kid.id);
  }
}

const singleton: Handler = ({ engine, route }) => {
  const value = engine.store.singletons.get(route.path);
  if (!value) throw new ApiError(404, 'Not Found');
  return json(engine.answerOf(route).status, value);
};

export const GENERIC: Record<string, Handler> = { list, get, create, update, delete: remove, singleton };
