// `npm run sandbox -- --seed FILE`: a store's own records, added to the built-in seed before the
// sandbox starts (so `reset` comes back to them too). The file (JSON, or YAML for `.yaml`/`.yml`)
// maps a top-level collection, named as in its path (`customers`, `coupons`, `checkout-pages`,
// `events`...), to a list of records. A record may leave out what the API fills in (`id`,
// `createdAt`, `updatedAt`, `sellerId`, `livemode` and required fields that have a default); the
// result must match the collection's schema in the spec, else the start fails with a message
// naming the file, the record and the field. Records nested in a parent's list (an event's
// `ticketGroups`, a ticket group's `ticketTypes`, a form's `fields`) go to their own collections,
// as for the built-in seed. For the CLI only: not part of the `checkoutpage-openapi/sandbox` entry.
import { readFileSync } from 'node:fs';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { parseDocument } from 'yaml';
import { joinScope } from './answers.js';
import type { Engine } from './engine.js';
import type { Collection } from './model.js';
import { camel } from './names.js';
import type { Change, Resource } from './store.js';

export class SeedFileError extends Error {}

const isObject = (v: unknown): v is Resource => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The records of a seed file, by collection name, or a SeedFileError naming the place. */
export function readSeedFile(path: string): Record<string, unknown[]> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new SeedFileError(`${path}: cannot be read (${(error as Error).message})`);
  }
  let data: unknown;
  if (/\.ya?ml$/i.test(path)) {
    const doc = parseDocument(text, { prettyErrors: true });
    const error = doc.errors[0];
    if (error) throw new SeedFileError(`${path}:${error.linePos?.[0].line ?? 1}:${error.linePos?.[0].col ?? 1}: not valid YAML (${error.message.split('\n')[0]})`);
    data = doc.toJS();
  } else {
    const errors: ParseError[] = [];
    data = parse(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
    if (errors.length) {
      const before = text.slice(0, errors[0]!.offset).split('\n');
      throw new SeedFileError(`${path}:${before.length}:${before.at(-1)!.length + 1}: not valid JSON (${printParseErrorCode(errors[0]!.error)})`);
    }
  }
  if (!isObject(data)) throw new SeedFileError(`${path}: must be an object of record lists by collection ("customers": [...])`);
  for (const [name, list] of Object.entries(data)) if (!Array.isArray(list)) throw new SeedFileError(`${path}: ${name} must be a list of records`);
  return data as Record<string, unknown[]>;
}

/** Adds the records to the engine's store as seeded records, after checking every one (nothing is added if one fails). */
export function applySeed(engine: Engine, path: string, seed: Record<string, unknown[]>): number {
  const topLevel = [...engine.model.collections.values()].filter((c) => !c.parent);
  const change = engine.store.begin();
  let count = 0;
  for (const [name, records] of Object.entries(seed)) {
    const collection = topLevel.find((c) => c.segment === name);
    if (!collection) throw new SeedFileError(`${path}: "${name}" is not a collection of the API (one of: ${topLevel.map((c) => c.segment).join(', ')})`);
    records.forEach((record, i) => {
      count += put(engine, change, path, collection, '', record, `${name}[${i}]`, {});
    });
  }
  change.commit();
  engine.store.save();
  return count;
}

function put(engine: Engine, change: Change, path: string, collection: Collection, scope: string, value: unknown, place: string, params: Record<string, string>): number {
  if (!isObject(value)) throw new SeedFileError(`${path}: ${place} must be an object`);
  const write = { ...engine.context('', params) };
  const nested = collection.children.filter((child) => Array.isArray(value[camel(child.segment)]));
  const skip = new Set(nested.map((child) => camel(child.segment)));
  const given = Object.fromEntries(Object.entries(value).filter(([name]) => !skip.has(name)));
  const record = engine.records.complete({ ...given }, collection.itemSchema, write);
  if (typeof value.id === 'string') record.id = value.id;
  const label = `${place}${typeof record.id === 'string' ? ` (id ${record.id})` : ''}`;
  const errors = collection.itemSchema ? engine.validators.schema(collection.itemSchema)(record) : undefined;
  if (errors?.length) {
    const shown = errors.map((e) => `field "${e.param}": ${e.message}`).join('; ');
    throw new SeedFileError(`${path}: ${label}: ${shown}`);
  }
  if (engine.store.get(collection.key, record.id)) throw new SeedFileError(`${path}: ${label}: another record of ${collection.segment} already has this id`);
  change.put(collection.key, scope, record, true);
  let count = 1;
  for (const child of nested) {
    const field = camel(child.segment);
    (value[field] as unknown[]).forEach((item, i) => {
      count += put(engine, change, path, child, joinScope(scope, record.id), item, `${place}.${field}[${i}]`, { ...params, [child.parentParams.at(-1)!]: record.id });
    });
  }
  return count;
}
