// The Postman collection that `npm run docs` writes beside the site (scripts/lib/postman.ts), as
// Postman users get it: a v2.1 collection that Postman's own SDK (postman-collection) loads, with
// one request per operation, the API key as a collection variable and every URL on {{baseUrl}}.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { POSTMAN_FILE, POSTMAN_SCHEMA, writePostmanCollection, type PostmanCollection } from '../../scripts/lib/postman.ts';
import { withTempDir } from '../../scripts/lib/temp.ts';
import { bundle, operations } from '../support/bundle.ts';

// The part of the SDK used here. postman-collection's own type file (written for 5.2) lacks
// forEachItem, and @types/postman-collection (3.5) has another getPath signature, so neither is used.
interface Item {
  name: string;
  request: { method: string; auth?: unknown; url: { getPath(unresolved: boolean): string; getHost(): string } };
  getAuth(): { parameters(): { get(key: string): unknown } } | undefined;
  toJSON(): object;
}
interface Collection {
  forEachItem(callback: (item: Item) => void): void;
  toJSON(): object;
}
const { Collection } = createRequire(import.meta.url)('postman-collection') as {
  Collection: { new (definition: object): Collection; isCollection(value: unknown): boolean };
};

const PRODUCTION = (bundle as unknown as { servers: Array<{ url: string }> }).servers[0]!.url;

let json: PostmanCollection;
let text: string;
let collection: Collection;
const requests: Item[] = [];

beforeAll(async () => {
  await withTempDir('postman', async (dir) => {
    const file = await writePostmanCollection(bundle, dir);
    expect(file.endsWith(POSTMAN_FILE)).toBe(true);
    text = await readFile(file, 'utf8');
  });
  json = JSON.parse(text) as PostmanCollection;
  collection = new Collection(json);
  collection.forEachItem((item) => requests.push(item));
});

/** Every value under `key`, at any depth (a request's `url`, a saved answer's original request `url`...). */
function valuesOf(key: string, value: unknown, found: unknown[] = []): unknown[] {
  if (Array.isArray(value)) for (const v of value) valuesOf(key, v, found);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === key) found.push(v);
      else valuesOf(key, v, found);
    }
  }
  return found;
}

describe(`docs/site/${POSTMAN_FILE}`, () => {
  it('is a Postman collection v2.1 that the Postman SDK loads whole', () => {
    expect(json.info.schema).toBe(POSTMAN_SCHEMA);
    expect(json.info.name).toBe((bundle as unknown as { info: { title: string } }).info.title);
    expect(Collection.isCollection(collection)).toBe(true);
    expect(requests.length).toBeGreaterThan(0);
    for (const item of requests) {
      expect(item.name, JSON.stringify(item.toJSON()).slice(0, 200)).toBeTruthy();
      expect(item.request.method).toMatch(/^(GET|POST|PUT|PATCH|DELETE)$/);
    }
    // What the SDK writes back is still a v2.1 collection with the same requests.
    const again: Item[] = [];
    new Collection(collection.toJSON()).forEachItem((item) => again.push(item));
    expect(again.map((i) => i.request.method + i.request.url.getPath(true))).toEqual(requests.map((i) => i.request.method + i.request.url.getPath(true)));
  });

  it('has exactly one request per operation of the bundle (method and path)', () => {
    const expected = operations.map((op) => `${op.method.toUpperCase()} ${op.path.replace(/\{(\w+)\}/g, ':$1')}`).sort();
    const actual = requests.map((item) => `${item.request.method} ${item.request.url.getPath(true)}`).sort();
    expect(actual).toEqual(expected);
  });

  it('authenticates every request with the {{apiKey}} collection variable, and holds no key', () => {
    expect(json.auth).toEqual({ type: 'bearer', bearer: [{ key: 'token', value: '{{apiKey}}', type: 'string' }] });
    expect(json.variable?.find((v) => v.key === 'apiKey')?.value).toBe('');
    for (const item of requests) {
      // No auth of its own: the request inherits the collection's.
      expect(item.request.auth, item.name).toBeUndefined();
      expect(item.getAuth()?.parameters().get('token'), item.name).toBe('{{apiKey}}');
    }
    const headers = valuesOf('header', json.item).flat() as Array<{ key: string }>;
    expect(headers.length).toBeGreaterThan(0);
    expect(headers.filter((h) => h.key.toLowerCase() === 'authorization')).toEqual([]);
  });

  it('sends every request to {{baseUrl}}, production by default, never to a hard-coded host', () => {
    expect(json.variable?.find((v) => v.key === 'baseUrl')?.value).toBe(PRODUCTION);
    const found = valuesOf('url', json.item);
    expect(found.length).toBeGreaterThanOrEqual(requests.length);
    for (const url of found) {
      const host = typeof url === 'string' ? url : ((url as { host?: string[] }).host ?? []).join('.');
      expect(typeof url === 'string' ? url : host, JSON.stringify(url).slice(0, 200)).toMatch(/^\{\{baseUrl\}\}/);
      expect(JSON.stringify(url)).not.toContain(new URL(PRODUCTION).host);
    }
    for (const item of requests) expect(item.request.url.getHost()).toBe('{{baseUrl}}');
  });
});
