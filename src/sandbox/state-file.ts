// `npm run sandbox -- --state FILE`: the stores kept in one JSON file, loaded on start and saved
// after each change. A save writes a temporary file beside it and renames it over the old one, so
// the file is always either the old state or the new one. A file that cannot be read back (not
// JSON, or not a state file) stops the start with its place (`FILE:LINE:COLUMN` or a path inside
// it) and is left as it is. For the CLI only: not part of the `checkoutpage-openapi/sandbox` entry.
//
// Format: {"format": "checkoutpage-sandbox-state", "version": 1, "stores": {NAME: {collections,
// singletons, clockOffsetMs, files}}}; NAME is the store's name (the
// group's name of the `stores` option, else the key).
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { randomToken } from './ids.js';
import type { Engine } from './engine.js';
import type { Resource, StoreSnapshot } from './store.js';

const FORMAT = 'checkoutpage-sandbox-state';
const VERSION = 1;

export interface SavedStore extends StoreSnapshot {
  clockOffsetMs: number;
  /** Uploaded file contents, base64. */
  files: Record<string, { type: string; name: string; base64: string; token?: string }>;
}

export class StateFileError extends Error {}

const isObject = (v: unknown): v is Resource => typeof v === 'object' && v !== null && !Array.isArray(v);

export class StateFile {
  private readonly engines = new Map<string, Engine>();
  private readonly loaded: Record<string, SavedStore>;
  private pending = false;

  /** Reads the file (a missing file is an empty state, written at the first change). */
  constructor(readonly path: string) {
    this.loaded = existsSync(path) ? readState(path, readFileSync(path, 'utf8')) : {};
  }

  /** Gives the engine the state saved under `name`, if any, and saves after each of its changes. */
  track(name: string, engine: Engine): void {
    const saved = this.loaded[name];
    if (saved) {
      for (const key of Object.keys(saved.collections)) {
        if (![...engine.model.collections.values()].some((c) => c.key === key)) throw new StateFileError(`${this.path}: stores.${name}.collections["${key}"] is not a collection of the API`);
      }
      engine.store.restore(saved);
      engine.clock.restore(saved.clockOffsetMs);
      engine.files.clear();
      for (const [id, f] of Object.entries(saved.files)) engine.files.set(id, { type: f.type, name: f.name, token: f.token ?? randomToken(), bytes: new Uint8Array(Buffer.from(f.base64, 'base64')) });
    }
    this.engines.set(name, engine);
    engine.store.onChange = engine.clock.onChange = () => this.saveSoon();
  }

  /** Saves once the current change is done (a purchase commits several changes in one go). */
  private saveSoon(): void {
    if (this.pending) return;
    this.pending = true;
    queueMicrotask(() => {
      this.pending = false;
      this.save();
    });
  }

  save(): void {
    const stores: Record<string, SavedStore> = { ...this.loaded };
    for (const [name, engine] of this.engines) {
      const files = Object.fromEntries([...engine.files].map(([id, f]) => [id, { type: f.type, name: f.name, token: f.token, base64: Buffer.from(f.bytes).toString('base64') }]));
      stores[name] = { ...engine.store.snapshot(), clockOffsetMs: engine.clock.offset, files };
    }
    const temporary = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ format: FORMAT, version: VERSION, stores }, null, 1) + '\n');
    renameSync(temporary, this.path);
  }
}

/** The stores a state file holds, or a StateFileError naming the file and the place. */
export function readState(path: string, text: string): Record<string, SavedStore> {
  const errors: ParseError[] = [];
  const data: unknown = parse(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
  if (errors.length) {
    const { error, offset } = errors[0]!;
    const before = text.slice(0, offset).split('\n');
    throw new StateFileError(`${path}:${before.length}:${before.at(-1)!.length + 1}: not valid JSON (${printParseErrorCode(error)}); the file was left as it is`);
  }
  const fail = (where: string, what: string): never => {
    throw new StateFileError(`${path}: ${where} ${what}; the file was left as it is`);
  };
  if (!isObject(data) || data.format !== FORMAT) fail('the top level', `is not a sandbox state file (no "format": "${FORMAT}")`);
  const top = data as Resource;
  if (top.version !== VERSION) fail('version', `is ${JSON.stringify(top.version)}, this sandbox reads version ${VERSION}`);
  if (!isObject(top.stores)) fail('stores', 'must be an object of stores by name');
  for (const [name, store] of Object.entries(top.stores as Resource)) {
    const at = `stores.${name}`;
    if (!isObject(store)) fail(at, 'must be an object');
    if (!isObject(store.collections)) fail(`${at}.collections`, 'must be an object of record lists');
    for (const [key, entries] of Object.entries(store.collections as Resource)) {
      if (!Array.isArray(entries)) fail(`${at}.collections["${key}"]`, 'must be a list');
      (entries as unknown[]).forEach((e, i) => {
        const place = `${at}.collections["${key}"][${i}]`;
        if (!isObject(e)) return fail(place, 'must be an object');
        if (typeof e.id !== 'string' || typeof e.scope !== 'string' || typeof e.seeded !== 'boolean') fail(place, 'needs id and scope (strings) and seeded (a boolean)');
        if (!isObject(e.record) || e.record.id !== e.id) fail(`${place}.record`, 'must be an object with the same id');
      });
    }
    if (!isObject(store.singletons)) fail(`${at}.singletons`, 'must be an object');
    if (typeof store.clockOffsetMs !== 'number' || !(store.clockOffsetMs >= 0)) fail(`${at}.clockOffsetMs`, 'must be a number, 0 or more');
    if (!isObject(store.files)) fail(`${at}.files`, 'must be an object');
  }
  return top.stores as Record<string, SavedStore>;
}
