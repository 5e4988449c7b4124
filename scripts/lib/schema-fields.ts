// Reads schemas of a bundled OpenAPI 3.1 document as flat field lists ("data.items[].price",
// its type, whether it is required, its description), for the Markdown pages that AI assistants
// and people read (markdown-pages.ts). Follows $ref, merges allOf, and lists each oneOf/anyOf
// alternative under its title.

export type Json = any;

export interface Field {
  name: string;
  type: string;
  required: boolean;
  description: string;
}

/** How deep nested objects are listed: deeper ones keep their type name, which the page names. */
const MAX_DEPTH = 6;

export class SchemaReader {
  constructor(private readonly doc: Json) {}

  /** A component by its pointer ("#/components/schemas/Coupon"). */
  resolvePointer(pointer: string): Json {
    return pointer
      .replace(/^#\//, '')
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((node: Json, key) => node?.[key], this.doc);
  }

  /** Follows $ref (keeping the sibling keywords 3.1 allows, such as description) and names it. */
  resolve(schema: Json): { schema: Json; name?: string } {
    let name: string | undefined;
    let current = schema;
    const extra: Json = {};
    for (let hops = 0; current && typeof current.$ref === 'string' && hops < 20; hops++) {
      name ??= current.$ref.split('/').pop();
      const { $ref, ...siblings } = current;
      // The outermost $ref's siblings win: they describe this use of the shared schema.
      for (const [key, value] of Object.entries(siblings)) if (!(key in extra)) extra[key] = value;
      current = this.resolvePointer($ref);
    }
    return { schema: { ...(current ?? {}), ...extra }, name };
  }

  /** allOf parts merged into one schema (properties and required joined). */
  merged(schema: Json): Json {
    const { schema: resolved } = this.resolve(schema);
    if (!Array.isArray(resolved.allOf)) return resolved;
    const { allOf, ...rest } = resolved;
    const out: Json = { ...rest, properties: { ...(rest.properties ?? {}) }, required: [...(rest.required ?? [])] };
    for (const part of allOf as Json[]) {
      const m = this.merged(part);
      Object.assign(out.properties, m.properties ?? {});
      out.required.push(...(m.required ?? []));
      for (const key of ['type', 'oneOf', 'anyOf', 'description', 'title']) if (out[key] === undefined && m[key] !== undefined) out[key] = m[key];
    }
    return out;
  }

  /** The alternatives of a oneOf/anyOf schema, each with a label (its title, else its type). */
  alternatives(schema: Json): Array<{ label: string; schema: Json }> {
    const list = (schema.oneOf ?? schema.anyOf ?? []) as Json[];
    return list.map((branch, i) => {
      const { schema: resolved, name } = this.resolve(branch);
      return { label: resolved.title ?? name ?? this.typeOf(branch) ?? `option ${i + 1}`, schema: branch };
    });
  }

  /** "string (date-time) or null", "array of Coupon", "one of: A | B", with enum values and limits. */
  typeOf(schema: Json): string {
    const { schema: s, name } = this.resolve(schema);
    let type: string;
    if (s.oneOf || s.anyOf) {
      const kinds = this.alternatives(s).map((a) => a.label);
      type = `${s.oneOf ? 'one of' : 'any of'}: ${kinds.join(' | ')}`;
    } else if (s.allOf) {
      type = name ?? 'object';
    } else {
      const types: string[] = Array.isArray(s.type) ? s.type : s.type ? [s.type] : s.properties ? ['object'] : [];
      type =
        types
          .map((t) => {
            if (t === 'array') return `array of ${s.items ? this.typeOf(s.items) : 'any'}`;
            if (t === 'object' && name) return `object (${name})`;
            if (s.format && t !== 'null') return `${t} (${s.format})`;
            return t;
          })
          .join(' or ') || (s.const !== undefined ? typeof s.const : 'any');
    }
    const notes: string[] = [];
    if (s.enum) notes.push(`one of ${s.enum.map((v: unknown) => JSON.stringify(v)).join(', ')}`);
    if (s.const !== undefined) notes.push(`always ${JSON.stringify(s.const)}`);
    for (const [key, label] of [
      ['minimum', '>='],
      ['exclusiveMinimum', '>'],
      ['maximum', '<='],
      ['exclusiveMaximum', '<'],
      ['minLength', 'min length'],
      ['maxLength', 'max length'],
      ['minItems', 'min items'],
      ['maxItems', 'max items'],
    ] as const) {
      if (typeof s[key] === 'number') notes.push(`${label} ${s[key]}`);
    }
    if (s.pattern) notes.push(`pattern \`${s.pattern}\``);
    if (s.default !== undefined) notes.push(`default ${JSON.stringify(s.default)}`);
    return notes.length ? `${type}; ${notes.join('; ')}` : type;
  }

  /**
   * Every field of an object schema, nested objects and array items included, as flat rows. A
   * named component met deeper than `inlineDepth` is not expanded again: its name goes to `named`,
   * and the page lists its fields once, however often it is used (theme styles recur hundreds of times).
   */
  fields(schema: Json, options: { prefix?: string; depth?: number; inlineDepth?: number; named?: Set<string>; seen?: string[] } = {}): Field[] {
    const { prefix = '', depth = 0, inlineDepth = 1, named, seen = [] } = options;
    const { name } = this.resolve(schema);
    if (name && seen.includes(name)) return [];
    const trail = name ? [...seen, name] : seen;
    const s = this.merged(schema);
    const rows: Field[] = [];
    const required = new Set<string>(s.required ?? []);
    const next = { depth: depth + 1, inlineDepth, named, seen: trail };
    for (const [key, property] of Object.entries((s.properties ?? {}) as Record<string, Json>)) {
      const full = `${prefix}${key}`;
      const resolved = this.resolve(property).schema;
      rows.push({ name: full, type: this.typeOf(property), required: required.has(key), description: oneLine(property.description ?? resolved.description ?? resolved.title ?? '') });
      if (depth < MAX_DEPTH) rows.push(...this.nested(property, full, next));
    }
    // A oneOf/anyOf of objects: each alternative's fields, marked with the alternative they belong to.
    if (!s.properties && (s.oneOf || s.anyOf) && depth < MAX_DEPTH) {
      for (const alternative of this.alternatives(s)) {
        for (const row of this.fields(alternative.schema, { ...next, prefix })) {
          rows.push({ ...row, description: `(${alternative.label}) ${row.description}`.trim() });
        }
      }
    }
    return rows;
  }

  /** The fields below one property, unless it is a named component to list on its own. */
  private nested(property: Json, name: string, options: { depth: number; inlineDepth: number; named?: Set<string>; seen: string[] }): Field[] {
    const s = this.merged(property);
    const types: string[] = Array.isArray(s.type) ? s.type : [s.type];
    const target = types.includes('array') && s.items ? s.items : property;
    const component = this.resolve(target).name;
    const t = this.merged(target);
    const hasFields = Boolean(t.properties || t.oneOf || t.anyOf);
    if (!hasFields) return [];
    if (component && options.named && options.depth > options.inlineDepth && !options.seen.includes(component)) {
      options.named.add(component);
      return [];
    }
    const prefix = target === property ? `${name}.` : `${name}[].`;
    if (t.properties) return this.fields(target, { ...options, prefix });
    const withFields = this.alternatives(t).filter((alternative) => this.merged(alternative.schema).properties);
    return withFields.flatMap((alternative) => {
      const rows = this.fields(alternative.schema, { ...options, prefix });
      // One object or null: its fields need no mark of which alternative they belong to.
      return withFields.length === 1 ? rows : rows.map((row) => ({ ...row, description: `(${alternative.label}) ${row.description}`.trim() }));
    });
  }

  /** The first example of a media type object, resolved: what a page shows as its example. */
  example(media: Json): unknown {
    if (!media) return undefined;
    if (media.example !== undefined) return media.example;
    const first = Object.values((media.examples ?? {}) as Record<string, Json>)[0];
    if (!first) return undefined;
    return this.resolve(first).schema.value;
  }
}

export const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim();
