// Every named example in the bundle validates against its media type's schema AND declares no
// property the schema does not know. Redocly's example check cannot see undeclared properties
// through allOf (Payment, Booking, the webhook events), so this walks schema and value together.
import { describe, expect, it } from 'vitest';
import { deref as derefIn, escapePointerPart as escape } from '../../scripts/lib/refs.ts';
import { bundle } from '../support/bundle.ts';
import { assertMatches, validates } from '../support/schema.ts';

type Json = any;

const deref = (node: Json): Json => derefIn(bundle, node);

/** The schema parts that apply to a value: the schema, its allOf members, and matching oneOf/anyOf branches. */
function parts(schema: Json, value: unknown): Json[] {
  const s = deref(schema);
  if (!s || typeof s !== 'object') return [];
  const out = [s, ...(s.allOf ?? []).flatMap((member: Json) => parts(member, value))];
  for (const key of ['oneOf', 'anyOf']) {
    if (!Array.isArray(s[key])) continue;
    const matching = s[key].filter((branch: Json) => validates(branch, value));
    out.push(...(matching.length ? matching : s[key]).flatMap((branch: Json) => parts(branch, value)));
  }
  return out;
}

function undeclared(schema: Json, value: unknown, at: string): string[] {
  const applicable = parts(schema, value);
  if (Array.isArray(value)) {
    const items = applicable.map((p) => p.items).filter(Boolean);
    return value.flatMap((item, i) => items.flatMap((s) => undeclared(s, item, `${at}[${i}]`)));
  }
  if (!value || typeof value !== 'object') return [];
  const declared = new Map<string, Json[]>();
  for (const p of applicable) {
    for (const [name, s] of Object.entries(p.properties ?? {})) declared.set(name, [...(declared.get(name) ?? []), s]);
  }
  // An object with no declared properties, or one that declares extra ones allowed, is open.
  const open = declared.size === 0 || applicable.some((p) => p.additionalProperties === true || typeof p.additionalProperties === 'object');
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => {
    const schemas = declared.get(key);
    if (!schemas) return open ? [] : [`${at}.${key}`];
    return schemas.flatMap((s) => undeclared(s, child, `${at}.${key}`));
  });
}

interface ExampleUse {
  label: string;
  schemaPointer: string;
  value: unknown;
}

function examplesOf(media: Json, pointer: string, label: string): ExampleUse[] {
  return Object.entries(media?.examples ?? {}).map(([name, example]) => ({
    label: `${label} (${name})`,
    schemaPointer: typeof media.schema?.$ref === 'string' ? media.schema.$ref : `${pointer}/schema`,
    value: deref(example)?.value,
  }));
}

const uses: ExampleUse[] = [];
for (const [path, item] of Object.entries(bundle.paths as Json)) {
  for (const [method, op] of Object.entries(item as Json)) {
    if (!op || typeof op !== 'object' || !(op as Json).responses) continue;
    const base = `#/paths/${escape(path)}/${method}`;
    const name = `${method.toUpperCase()} ${path}`;
    const body = deref((op as Json).requestBody);
    for (const [type, media] of Object.entries(body?.content ?? {})) uses.push(...examplesOf(media, `${base}/requestBody/content/${escape(type)}`, `${name} request`));
    for (const [status, response] of Object.entries((op as Json).responses)) {
      for (const [type, media] of Object.entries(deref(response)?.content ?? {})) {
        if (type === 'application/json') uses.push(...examplesOf(media, `${base}/responses/${status}/content/${escape(type)}`, `${name} ${status}`));
      }
    }
  }
}
for (const [event, item] of Object.entries((bundle.webhooks ?? {}) as Json)) {
  const media = (item as Json).post.requestBody.content['application/json'];
  uses.push(...examplesOf(media, `#/webhooks/${escape(event)}/post/requestBody/content/application~1json`, `webhook ${event}`));
}

describe('named examples', () => {
  it('are many: every operation and webhook contributes', () => {
    expect(uses.length).toBeGreaterThan(150);
  });

  it.each(uses)('$label validates and declares nothing unknown', ({ schemaPointer, value }) => {
    assertMatches(schemaPointer, value);
    expect(undeclared({ $ref: schemaPointer }, value, '$')).toEqual([]);
  });
});
