// Reading the bundle: loading it, following local $refs, and flattening a schema into the facts the
// sandbox needs (which properties, which are required, whether null is allowed...). Schemas are
// read, never validated here: validation is Ajv's job (validation.ts).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export type Schema = Record<string, any>;

export interface OpenApiOperation {
  operationId: string;
  parameters?: Schema[];
  requestBody?: Schema;
  responses: Record<string, Schema>;
  description?: string;
  'x-paginated'?: boolean;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, any>>;
  components: { schemas: Record<string, Schema>; parameters?: Record<string, Schema>; examples?: Record<string, Schema> };
  webhooks?: Record<string, Record<string, any>>;
}

export const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** The package's own bundle, found through the package's `./openapi.json` export (works in the repo and when installed). */
export function loadBundledSpec(): OpenApiDocument {
  const file = createRequire(import.meta.url).resolve('checkoutpage-openapi/openapi.json');
  return JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument;
}

const unescapePointer = (part: string) => part.replace(/~1/g, '/').replace(/~0/g, '~');

/** The node a chain of local $refs ends at. */
export function deref<T = Schema>(doc: OpenApiDocument, node: unknown): T {
  let current = node as any;
  for (let hops = 0; current && typeof current.$ref === 'string' && current.$ref.startsWith('#/') && hops < 20; hops++) {
    current = current.$ref
      .slice(2)
      .split('/')
      .map(unescapePointer)
      .reduce((value: any, key: string) => value?.[key], doc);
  }
  return current as T;
}

/** What a schema says about a value, merged through $ref, allOf, oneOf and anyOf. */
export interface Shape {
  /** Declared properties, through allOf, oneOf and anyOf. */
  properties: Map<string, Schema>;
  /** Required by the schema itself or an allOf member (a oneOf branch's requirement is not certain). */
  required: Set<string>;
  types: Set<string>;
  nullable: boolean;
  items?: Schema;
  enum?: unknown[];
  /** A map (`additionalProperties` without declared properties): replaced whole, never merged key by key. */
  isMap: boolean;
  default?: unknown;
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  minimum?: number;
  description?: string;
}

export class SchemaReader {
  private readonly shapes = new WeakMap<object, Shape>();

  constructor(readonly doc: OpenApiDocument) {}

  resolve(schema: unknown): Schema | undefined {
    const target = deref<Schema | undefined>(this.doc, schema);
    return target && typeof target === 'object' ? target : undefined;
  }

  shape(schema: unknown): Shape {
    const shape: Shape = { properties: new Map(), required: new Set(), types: new Set(), nullable: false, isMap: false };
    const root = schema && typeof schema === 'object' ? (schema as Schema) : undefined;
    if (!root) return shape;
    const cached = this.shapes.get(root);
    if (cached) return cached;
    this.shapes.set(root, shape); // a cycle sees the shape being filled, not an endless walk
    const seen = new Set<object>();
    // Reads a node's own keywords, then what it references: OpenAPI 3.1 allows keywords beside $ref.
    const merge = (s: Schema | undefined, certain: boolean) => {
      if (!s || typeof s !== 'object' || seen.has(s)) return;
      seen.add(s);
      for (const [name, prop] of Object.entries<Schema>(s.properties ?? {})) {
        // A name declared twice (an allOf member narrowing the envelope's `data`) keeps both declarations.
        const known = shape.properties.get(name);
        shape.properties.set(name, known && known !== prop ? { allOf: [known, prop] } : prop);
      }
      if (certain) for (const name of s.required ?? []) shape.required.add(name);
      const types: string[] = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
      for (const type of types) shape.types.add(type);
      if (types.includes('null') || (Array.isArray(s.enum) && s.enum.includes(null))) shape.nullable = true;
      if (s.items && !shape.items) shape.items = s.items;
      if (Array.isArray(s.enum)) shape.enum = [...(shape.enum ?? []), ...s.enum];
      for (const key of ['default', 'const', 'format', 'pattern', 'minLength', 'minimum', 'description'] as const) {
        if (s[key] !== undefined && shape[key] === undefined) (shape as any)[key] = s[key];
      }
      if (s.additionalProperties && typeof s.additionalProperties === 'object') shape.isMap = true;
      if (typeof s.$ref === 'string') merge(this.resolve(s), certain);
      for (const member of s.allOf ?? []) merge(member, certain);
      for (const member of [...(s.oneOf ?? []), ...(s.anyOf ?? [])]) {
        if (this.resolve(member)?.type === 'null') shape.nullable = true;
        else merge(member, false);
      }
    };
    merge(root, true);
    if (shape.properties.size > 0) shape.isMap = false;
    if (shape.const !== undefined && shape.types.size === 0) shape.types.add(typeof shape.const);
    return shape;
  }

  /** The JSON schema of an operation's first 2xx answer, with its status. */
  successResponse(operation: OpenApiOperation): { status: number; mediaType?: string; schema?: Schema; examples: Schema[] } {
    const status = Object.keys(operation.responses).find((code) => /^2\d\d$/.test(code)) ?? '200';
    const response = this.resolve(operation.responses[status]);
    const [mediaType, media] = Object.entries<Schema>(response?.content ?? {})[0] ?? [];
    const examples = Object.values<Schema>(media?.examples ?? {}).map((e) => this.resolve(e)?.value);
    return { status: Number(status), mediaType, schema: media?.schema, examples };
  }
}
