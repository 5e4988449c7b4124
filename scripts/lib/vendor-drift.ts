// The vendor drift check: what our bundle lacks or contradicts compared with a spec file the vendor
// publishes (its own openapi.json, or the reduced skeleton in ../shared/vendor-facts/).
//
// Direction matters. Responses and webhook payloads are READ by callers: the bundle must admit every
// property, JSON type, `null` and enum value the vendor may send, and must not promise (require) what
// the vendor may omit. Request bodies and query parameters are WRITTEN by callers: the bundle must
// accept everything the vendor accepts (no stricter limit, no narrower type or enum) and require no
// more than the vendor requires. Each finding names its place, such as
// `GET /v1/payments 200.data[].priceSnapshot.setupFee`, and a kind, hard or soft (see KINDS).
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';

type Json = any;
export type Direction = 'request' | 'response';
type JsonType = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'null';

/** Every kind of finding, hard (the bundle is wrong) or soft (to be decided and explained). */
export const KINDS = {
  'missing-operation': { severity: 'hard', what: 'an operation or webhook the vendor has' },
  'missing-status': { severity: 'hard', what: 'a response status (or its media type) the vendor documents' },
  'missing-parameter': { severity: 'hard', what: 'a path, query or header parameter the vendor declares' },
  'missing-field': { severity: 'hard', what: 'a property (or request body) the vendor declares' },
  type: { severity: 'hard', what: 'a JSON type the vendor declares' },
  nullability: { severity: 'hard', what: '`null` where the vendor allows it' },
  enum: { severity: 'hard', what: 'an enum value the vendor declares' },
  'required-promise': {
    severity: 'hard',
    what: 'required in the bundle but not by the vendor (a response may omit it; a request need not send it)',
  },
  'stricter-limit': { severity: 'hard', what: "a request limit stricter than the vendor's (min/max, length, items)" },
  'weaker-required': { severity: 'soft', what: 'the vendor marks it required; the bundle leaves it optional' },
  'extra-field': { severity: 'soft', what: 'a property the vendor does not declare' },
  'extra-pattern': { severity: 'soft', what: 'a request pattern the vendor does not declare' },
} as const;
export type FindingKind = keyof typeof KINDS;

export interface Finding {
  kind: FindingKind;
  place: string;
  detail: string;
}

export interface DriftReport {
  operations: { found: number; total: number };
  webhooks: { found: number; total: number };
  findings: Finding[];
}

export const isHard = (kind: FindingKind) => KINDS[kind].severity === 'hard';

// ---------------------------------------------------------------------------------------------------
// Loading

/** Reads an OpenAPI document (JSON, or YAML by extension); the error names the file and what is wrong. */
export async function loadSpec(file: string, role: string): Promise<Json> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'the file does not exist' : (error as Error).message;
    throw new Error(`Cannot read the ${role} ${file}: ${reason}.`);
  }
  let doc: Json;
  try {
    doc = /\.ya?ml$/i.test(file) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw new Error(`The ${role} ${file} is not valid ${/\.ya?ml$/i.test(file) ? 'YAML' : 'JSON'}: ${(error as Error).message}`);
  }
  const isObject = (value: unknown) => Boolean(value) && typeof value === 'object' && !Array.isArray(value);
  if (!isObject(doc) || (!isObject(doc.paths) && !isObject(doc.webhooks))) {
    throw new Error(`The ${role} ${file} is not an OpenAPI document: it has neither a \`paths\` nor a \`webhooks\` object.`);
  }
  return doc;
}

// ---------------------------------------------------------------------------------------------------
// Reading schemas: one reader per document, so that $refs resolve in the right file.

const isForbidden = (schema: Json) =>
  schema === false || (schema && typeof schema === 'object' && schema.not && typeof schema.not === 'object' && Object.keys(schema.not).length === 0);

class SchemaReader {
  constructor(private readonly doc: Json) {}

  /** The node a local $ref chain ends at; undefined for a dangling or external reference. */
  resolve(node: Json): Json {
    for (let hops = 0; node && typeof node === 'object' && typeof node.$ref === 'string'; hops++) {
      if (hops > 32 || !node.$ref.startsWith('#/')) return undefined;
      node = node.$ref
        .slice(2)
        .split('/')
        .map((part: string) => decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~'))
        .reduce((value: Json, key: string) => value?.[key], this.doc);
    }
    return node;
  }

  /**
   * The JSON types a schema admits (integer counts as number), or undefined when it does not restrict
   * them. type/nullable/const/enum restrict, oneOf/anyOf admit the union of their branches, allOf
   * parts must all hold.
   */
  types(schema: Json, depth = 0): Set<JsonType> | undefined {
    const s = this.resolve(schema);
    if (s === false) return new Set();
    if (!s || typeof s !== 'object' || depth > 32) return undefined;
    let admitted: Set<JsonType> | undefined;
    const restrict = (allowed: Set<JsonType> | undefined) => {
      if (!allowed) return;
      admitted = admitted ? new Set([...admitted].filter((t) => allowed.has(t))) : new Set(allowed);
    };
    if (s.type !== undefined) {
      const declared = new Set<JsonType>([].concat(s.type).map((t: string) => (t === 'integer' ? 'number' : t) as JsonType));
      if (s.nullable === true) declared.add('null'); // OpenAPI 3.0 style
      restrict(declared);
    }
    if (s.const !== undefined) restrict(new Set([jsonTypeOf(s.const)]));
    if (Array.isArray(s.enum)) restrict(new Set(s.enum.map(jsonTypeOf)));
    for (const key of ['oneOf', 'anyOf']) {
      if (!Array.isArray(s[key])) continue;
      const branches = s[key].map((branch: Json) => this.types(branch, depth + 1));
      // One open branch leaves the whole choice open.
      if (branches.some((t: Set<JsonType> | undefined) => t === undefined)) continue;
      restrict(new Set(branches.flatMap((t: Set<JsonType> | undefined) => [...(t ?? [])])));
    }
    for (const part of s.allOf ?? []) restrict(this.types(part, depth + 1));
    return admitted;
  }

  /** The values (as JSON text) an enum or const limits a schema to; undefined when unrestricted. */
  enumValues(schema: Json, depth = 0): Set<string> | undefined {
    const s = this.resolve(schema);
    if (s === false) return new Set();
    if (!s || typeof s !== 'object' || depth > 32) return undefined;
    if (s.const !== undefined) return new Set([JSON.stringify(s.const)]);
    if (Array.isArray(s.enum)) return new Set(s.enum.map((v: unknown) => JSON.stringify(v)));
    for (const key of ['oneOf', 'anyOf']) {
      if (!Array.isArray(s[key])) continue;
      const values = new Set<string>();
      for (const branch of s[key]) {
        const branchValues = this.enumValues(branch, depth + 1);
        if (branchValues) branchValues.forEach((v) => values.add(v));
        // `{type: 'null'}` beside an enum (a nullable enum reference) adds null, and nothing else.
        else if (isOnlyNull(this.types(branch, depth + 1))) values.add('null');
        else return undefined;
      }
      return values;
    }
    let values: Set<string> | undefined;
    for (const part of s.allOf ?? []) {
      const partValues = this.enumValues(part, depth + 1);
      if (partValues) values = values ? new Set([...values].filter((v) => partValues.has(v))) : partValues;
    }
    return values;
  }

  /**
   * The names of the properties a schema declares, through allOf and every oneOf/anyOf branch (a
   * value may take any branch), each with whether some part allows it: `not: {}` (or `false`) is a
   * branch forbidding the property, which names it without allowing it.
   */
  propertyNames(schema: Json, into = new Map<string, boolean>(), depth = 0): Map<string, boolean> {
    const s = this.resolve(schema);
    if (!s || typeof s !== 'object' || depth > 32) return into;
    for (const [name, property] of Object.entries<Json>(s.properties ?? {})) into.set(name, (into.get(name) ?? false) || !isForbidden(property));
    for (const key of ['allOf', 'oneOf', 'anyOf']) for (const part of s[key] ?? []) this.propertyNames(part, into, depth + 1);
    return into;
  }

  /** What a schema says of one property, composed as the schema composes it (see `select`). */
  property(schema: Json, name: string): Json {
    return this.select(schema, 'object', (s) => {
      const property = s.properties?.[name];
      return property === undefined ? undefined : isForbidden(property) ? false : property;
    });
  }

  /** What a schema says of its array items, composed as the schema composes it. */
  items(schema: Json): Json {
    return this.select(schema, 'array', (s) => (s.items && typeof s.items === 'object' && !Array.isArray(s.items) ? s.items : undefined));
  }

  /**
   * One aspect of a schema (a property, the items) as a schema of its own, keeping the logic of
   * the parent: what allOf parts say must all hold, what oneOf/anyOf branches say holds in that
   * branch only, and a branch that says nothing leaves the aspect open. So a property declared as
   * an enum at the top and narrowed to one value in each branch of a rule admits the whole enum,
   * not the intersection of the branches. A branch that cannot be an object (or an array, for
   * items), such as the `{type: 'null'}` of a nullable reference, has no say. Undefined when no part
   * says anything.
   */
  private select(schema: Json, container: JsonType, pick: (s: Json) => Json, depth = 0): Json {
    const s = this.resolve(schema);
    if (!s || typeof s !== 'object' || depth > 32) return undefined;
    const parts: Json[] = [];
    const own = pick(s);
    if (own !== undefined) parts.push(own);
    for (const part of s.allOf ?? []) {
      const said = this.select(part, container, pick, depth + 1);
      if (said !== undefined) parts.push(said);
    }
    for (const key of ['oneOf', 'anyOf']) {
      if (!Array.isArray(s[key])) continue;
      const relevant = s[key].filter((branch: Json) => this.types(branch)?.has(container) ?? true);
      const branches = relevant.map((branch: Json) => this.select(branch, container, pick, depth + 1));
      if (branches.some((b: Json) => b !== undefined)) parts.push({ anyOf: branches.map((b: Json) => b ?? {}) });
    }
    return parts.length === 0 ? undefined : parts.length === 1 ? parts[0] : { allOf: parts };
  }

  /** Names every valid value carries: required here or by an allOf part, or by every oneOf/anyOf branch. */
  required(schema: Json, depth = 0): Set<string> {
    const s = this.resolve(schema);
    const names = new Set<string>(s?.required ?? []);
    if (!s || typeof s !== 'object' || depth > 32) return names;
    for (const part of s.allOf ?? []) this.required(part, depth + 1).forEach((n) => names.add(n));
    for (const key of ['oneOf', 'anyOf']) {
      if (!Array.isArray(s[key]) || s[key].length === 0) continue;
      // A branch that cannot be an object (the null of a nullable reference) requires nothing of one.
      const objects = s[key].filter((branch: Json) => this.types(branch)?.has('object') ?? true);
      const perBranch: Set<string>[] = objects.map((branch: Json) => this.required(branch, depth + 1));
      for (const name of perBranch[0] ?? []) if (perBranch.every((r) => r.has(name))) names.add(name);
    }
    return names;
  }

  /** Names some part requires. A oneOf branch requiring a property is a rule, not a promise, but it is not "optional" either. */
  requiredSomewhere(schema: Json, into = new Set<string>(), depth = 0): Set<string> {
    const s = this.resolve(schema);
    if (!s || typeof s !== 'object' || depth > 32) return into;
    (s.required ?? []).forEach((name: string) => into.add(name));
    for (const key of ['allOf', 'oneOf', 'anyOf']) for (const part of s[key] ?? []) this.requiredSomewhere(part, into, depth + 1);
    return into;
  }

  /**
   * The limit a keyword (minLength, maximum, ...) sets on a schema: the strictest of its allOf parts,
   * and for a oneOf/anyOf the loosest of its branches (a value may pass through any branch), so a
   * branch without the keyword leaves the choice unlimited.
   */
  limit(schema: Json, key: string, stricter: (a: number, b: number) => boolean, depth = 0): number | undefined {
    const s = this.resolve(schema);
    if (!s || typeof s !== 'object' || depth > 32) return undefined;
    const found: number[] = [];
    if (typeof s[key] === 'number') found.push(s[key]);
    for (const part of s.allOf ?? []) {
      const value = this.limit(part, key, stricter, depth + 1);
      if (value !== undefined) found.push(value);
    }
    for (const choice of ['oneOf', 'anyOf']) {
      if (!Array.isArray(s[choice]) || s[choice].length === 0) continue;
      const branches = s[choice].map((branch: Json) => this.limit(branch, key, stricter, depth + 1));
      if (branches.every((v: number | undefined) => v !== undefined)) found.push(branches.reduce((a: number, b: number) => (stricter(a, b) ? b : a)));
    }
    return found.length === 0 ? undefined : found.reduce((a, b) => (stricter(a, b) ? a : b));
  }

  /**
   * A pattern that some requests must match: on the schema, an allOf part, or any branch of a
   * choice. A branch's pattern binds the requests that take that branch (a funnel step of one
   * type, say), so it is stricter than the vendor for those requests even if other branches are
   * free.
   */
  pattern(schema: Json, depth = 0): string | undefined {
    const s = this.resolve(schema);
    if (!s || typeof s !== 'object' || depth > 32) return undefined;
    if (typeof s.pattern === 'string') return s.pattern;
    for (const part of s.allOf ?? []) {
      const found = this.pattern(part, depth + 1);
      if (found !== undefined) return found;
    }
    for (const choice of ['oneOf', 'anyOf']) {
      if (!Array.isArray(s[choice]) || s[choice].length === 0) continue;
      const found = s[choice].map((branch: Json) => this.pattern(branch, depth + 1)).find((p: string | undefined) => p !== undefined);
      if (found !== undefined) return found;
    }
    return undefined;
  }
}

const jsonTypeOf = (value: unknown): JsonType =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : (typeof value as JsonType);
const isOnlyNull = (types: Set<JsonType> | undefined) => types !== undefined && [...types].every((t) => t === 'null');
const show = (types: Set<JsonType> | undefined) => (types ? [...types].sort().join('|') || 'nothing' : 'any');

// ---------------------------------------------------------------------------------------------------
// The comparison

// Lower limits the bundle may not raise, upper limits it may not lower (request direction only).
const LOWER_LIMITS = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems'];
const UPPER_LIMITS = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems'];
const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options', 'trace'];
const MAX_DEPTH = 64;

/** Express-style `:param` becomes `{param}`, and a trailing slash goes (the vendor's paths have both). */
export const normalisePath = (p: string) => p.replace(/:([A-Za-z0-9_]+)/g, '{$1}').replace(/(.)\/+$/, '$1');

class Comparison {
  readonly findings: Finding[] = [];
  private readonly vendor: SchemaReader;
  private readonly ours: SchemaReader;
  // Pairs of $refs being compared further up the current path: recursive schemas stop there.
  private readonly active = new Set<string>();

  constructor(private readonly vendorDoc: Json, private readonly oursDoc: Json) {
    this.vendor = new SchemaReader(vendorDoc);
    this.ours = new SchemaReader(oursDoc);
  }

  private add(kind: FindingKind, place: string, detail = '') {
    this.findings.push({ kind, place, detail });
  }

  /**
   * Compares what the vendor says of one place (several schemas when allOf parts or branches each
   * describe it) with what the bundle says, then descends into properties and array items.
   */
  schemas(vendorSchemas: Json[], ourSchemas: Json[], direction: Direction, place: string, depth = 0): void {
    if (depth > MAX_DEPTH) return;
    const refs = (list: Json[]) => (list.every((s) => typeof s?.$ref === 'string') ? list.map((s) => s.$ref).join(',') : undefined);
    const vendorRefs = refs(vendorSchemas);
    const ourRefs = refs(ourSchemas);
    const key = vendorRefs !== undefined && ourRefs !== undefined ? `${direction}|${vendorRefs}|${ourRefs}` : undefined;
    if (key !== undefined) {
      if (this.active.has(key)) return;
      this.active.add(key);
    }
    try {
      this.typesAndValues(vendorSchemas, ourSchemas, place);
      if (direction === 'request') this.limits(vendorSchemas, ourSchemas, place);
      this.properties(vendorSchemas, ourSchemas, direction, place, depth);
      const vendorItems = vendorSchemas.map((s) => this.vendor.items(s)).filter((s) => s !== undefined);
      const ourItems = ourSchemas.map((s) => this.ours.items(s)).filter((s) => s !== undefined);
      if (vendorItems.length > 0 && ourItems.length > 0) this.schemas(vendorItems, ourItems, direction, `${place}[]`, depth + 1);
    } finally {
      if (key !== undefined) this.active.delete(key);
    }
  }

  // The vendor admits the union of what its schemas admit; ours admits only what all of its
  // declarations of the place admit (a value must satisfy each of them), so that is the intersection.
  // Comparing as sets in both directions is right: a response must admit all the vendor may send, and
  // a request must accept all the vendor accepts.
  private typesAndValues(vendorSchemas: Json[], ourSchemas: Json[], place: string) {
    const vendorTypes = unionOf(vendorSchemas.map((s) => this.vendor.types(s)));
    const ourTypes = intersectionOf(ourSchemas.map((s) => this.ours.types(s)));
    if (vendorTypes && ourTypes) {
      const lost = [...vendorTypes].filter((t) => !ourTypes.has(t));
      const detail = `vendor ${show(vendorTypes)}, bundle ${show(ourTypes)}`;
      if (lost.includes('null')) this.add('nullability', place, detail);
      if (lost.some((t) => t !== 'null')) this.add('type', place, detail);
    }
    const vendorValues = unionOf(vendorSchemas.map((s) => this.vendor.enumValues(s)));
    const ourValues = intersectionOf(ourSchemas.map((s) => this.ours.enumValues(s)));
    if (vendorValues && ourValues) {
      // A lost `null` is a nullability matter, reported with the types above.
      const lost = [...vendorValues].filter((v) => v !== 'null' && !ourValues.has(v));
      if (lost.length > 0) this.add('enum', place, `bundle lacks ${lost.join(', ')}`);
    }
  }

  private limits(vendorSchemas: Json[], ourSchemas: Json[], place: string) {
    for (const [keys, stricter] of [
      [LOWER_LIMITS, (a: number, b: number) => a > b],
      [UPPER_LIMITS, (a: number, b: number) => a < b],
    ] as const) {
      for (const key of keys) {
        // Several schemas of one side all hold (see typesAndValues): the strictest limit counts.
        const strictest = (reader: SchemaReader, list: Json[]) =>
          list.map((s) => reader.limit(s, key, stricter)).reduce<number | undefined>((a, b) => (a === undefined ? b : b === undefined || stricter(a, b) ? a : b), undefined);
        const ours = strictest(this.ours, ourSchemas);
        if (ours === undefined) continue;
        const vendor = strictest(this.vendor, vendorSchemas);
        if (vendor === undefined || stricter(ours, vendor)) this.add('stricter-limit', place, `${key}: bundle ${ours}, vendor ${vendor ?? 'none'}`);
      }
    }
    const ourPattern = ourSchemas.map((s) => this.ours.pattern(s)).find((p) => p !== undefined);
    const vendorPattern = vendorSchemas.map((s) => this.vendor.pattern(s)).find((p) => p !== undefined);
    if (ourPattern !== undefined && vendorPattern === undefined) this.add('extra-pattern', place, ourPattern);
  }

  private properties(vendorSchemas: Json[], ourSchemas: Json[], direction: Direction, place: string, depth: number) {
    const names = (reader: SchemaReader, list: Json[]) => {
      const out = new Map<string, boolean>();
      for (const s of list) for (const [name, allowed] of reader.propertyNames(s)) out.set(name, (out.get(name) ?? false) || allowed);
      return out;
    };
    // A property the vendor's schema names only to forbid it is not one it declares.
    const vendorProps = new Map([...names(this.vendor, vendorSchemas)].filter(([, allowed]) => allowed));
    // Only where the vendor describes an object's properties is there anything to compare.
    if (vendorProps.size === 0) return;
    const ourProps = names(this.ours, ourSchemas);
    const vendorRequired = new Set(vendorSchemas.flatMap((s) => [...this.vendor.required(s)]));
    const ourRequired = new Set(ourSchemas.flatMap((s) => [...this.ours.required(s)]));
    const ourRequiredSomewhere = new Set(ourSchemas.flatMap((s) => [...this.ours.requiredSomewhere(s)]));
    for (const name of vendorProps.keys()) {
      const at = `${place}.${name}`;
      const vendorSaid = vendorSchemas.map((s) => this.vendor.property(s, name)).filter((s) => s !== undefined);
      const ourSaid = ourSchemas.map((s) => this.ours.property(s, name)).filter((s) => s !== undefined);
      const ourAllowed = ourProps.get(name);
      if (ourAllowed === undefined) {
        this.add('missing-field', at, `vendor ${show(unionOf(vendorSaid.map((s) => this.vendor.types(s))))}`);
        continue;
      }
      if (!ourAllowed) {
        this.add('missing-field', at, 'every part of the bundle that names it forbids it (not: {})');
        continue;
      }
      if (ourRequired.has(name) && !vendorRequired.has(name)) {
        this.add('required-promise', at, direction === 'response' ? 'bundle requires it; the vendor may omit it' : 'bundle requires it; the vendor does not');
      }
      if (vendorRequired.has(name) && !ourRequiredSomewhere.has(name)) this.add('weaker-required', at);
      this.schemas(vendorSaid, ourSaid, direction, at, depth + 1);
    }
    // A property the bundle names only to forbid it (not: {}) is no extra field either.
    for (const [name, allowed] of ourProps) if (allowed && !vendorProps.has(name)) this.add('extra-field', `${place}.${name}`);
  }

  /** Parameters: each one the vendor declares must exist; query values are compared as text. */
  parameters(vendorParams: Json[], ourParams: Json[], place: string) {
    for (const vendorParam of vendorParams) {
      const where = `${place} ${vendorParam.in}:${vendorParam.name}`;
      const ours = ourParams.find((p) => p.in === vendorParam.in && p.name === vendorParam.name);
      if (!ours) {
        this.add('missing-parameter', where);
        continue;
      }
      if (ours.required === true && vendorParam.required !== true) this.add('required-promise', where, 'bundle requires it; the vendor does not');
      if (vendorParam.in !== 'query') continue;
      // A query string is text: `limit=20` matches the enum value 20 and the enum value "20" alike.
      const vendorValues = this.vendor.enumValues(vendorParam.schema);
      const ourValues = this.ours.enumValues(ours.schema);
      const asText = (values: Set<string>) => [...values].map((v) => String(JSON.parse(v)));
      if (vendorValues && ourValues) {
        const ourText = new Set(asText(ourValues));
        const lost = asText(vendorValues).filter((v) => v !== 'null' && !ourText.has(v));
        if (lost.length > 0) this.add('enum', where, `bundle lacks ${lost.join(', ')}`);
      } else if (vendorValues) {
        const ourTypes = this.ours.types(ours.schema);
        const booleanText = [...vendorValues].every((v) => v === '"true"' || v === '"false"');
        if (ourTypes && !ourTypes.has('string') && !(booleanText && ourTypes.has('boolean'))) {
          this.add('type', where, `vendor values ${[...vendorValues].join(', ')}, bundle ${show(ourTypes)}`);
        }
      }
    }
  }

  /** Walks every operation and webhook of the vendor's file. */
  run(): DriftReport {
    const report: DriftReport = { operations: { found: 0, total: 0 }, webhooks: { found: 0, total: 0 }, findings: this.findings };
    const ourPaths = new Map(Object.entries<Json>(this.oursDoc.paths ?? {}).map(([p, item]) => [normalisePath(p), this.ours.resolve(item)]));
    for (const [rawPath, rawItem] of Object.entries<Json>(this.vendorDoc.paths ?? {})) {
      const vendorItem = this.vendor.resolve(rawItem);
      const path = normalisePath(rawPath);
      for (const method of METHODS) {
        const vendorOp = vendorItem?.[method];
        if (!vendorOp) continue;
        report.operations.total++;
        const place = `${method.toUpperCase()} ${path}`;
        const ourItem = ourPaths.get(path);
        const ourOp = ourItem?.[method];
        if (!ourOp) {
          this.add('missing-operation', place, vendorOp.operationId ?? '');
          continue;
        }
        report.operations.found++;
        this.operation(vendorItem, vendorOp, ourItem, ourOp, place);
      }
    }
    const ourWebhooks = webhooksByEvent(this.oursDoc, this.ours);
    for (const [event, vendorOp] of webhooksByEvent(this.vendorDoc, this.vendor)) {
      report.webhooks.total++;
      const ourOp = ourWebhooks.get(event);
      if (!ourOp) {
        this.add('missing-operation', `webhook ${event}`);
        continue;
      }
      report.webhooks.found++;
      // Checkout Page sends the payload and the receiver reads it: a webhook body is a response.
      const vendorBody = bodySchema(this.vendor, vendorOp.requestBody);
      const ourBody = bodySchema(this.ours, ourOp.requestBody);
      if (vendorBody && ourBody) this.schemas([vendorBody], [ourBody], 'response', `webhook ${event}`);
    }
    return report;
  }

  private operation(vendorItem: Json, vendorOp: Json, ourItem: Json, ourOp: Json, place: string) {
    this.parameters(effectiveParameters(this.vendor, vendorItem, vendorOp), effectiveParameters(this.ours, ourItem, ourOp), place);
    if (vendorOp.requestBody) {
      const vendorBody = bodySchema(this.vendor, vendorOp.requestBody);
      const ourBody = bodySchema(this.ours, ourOp.requestBody);
      if (!ourBody) this.add('missing-field', `${place} body`, 'the bundle has no request body');
      else if (vendorBody) this.schemas([vendorBody], [ourBody], 'request', `${place} body`);
    }
    for (const [status, rawResponse] of Object.entries<Json>(vendorOp.responses ?? {})) {
      const ourResponse = this.ours.resolve(ourOp.responses?.[status]);
      if (!ourResponse) {
        this.add('missing-status', `${place} ${status}`);
        continue;
      }
      // Error bodies are one shared schema on both sides; the contract that matters is the 2xx one.
      if (!status.startsWith('2')) continue;
      const ourContent = ourResponse.content ?? {};
      for (const [media, vendorMedia] of Object.entries<Json>(this.vendor.resolve(rawResponse)?.content ?? {})) {
        const ourMedia = ourContent[media];
        if (!ourMedia) {
          this.add('missing-status', `${place} ${status} ${media}`);
          continue;
        }
        if (vendorMedia?.schema && ourMedia.schema) this.schemas([vendorMedia.schema], [ourMedia.schema], 'response', `${place} ${status}`);
      }
    }
  }
}

/** An operation's parameters: those of the path item, overridden by the operation's own (same `in` and name). */
function effectiveParameters(reader: SchemaReader, item: Json, op: Json): Json[] {
  const byKey = new Map<string, Json>();
  for (const raw of [...(item?.parameters ?? []), ...(op?.parameters ?? [])]) {
    const param = reader.resolve(raw);
    if (param?.name !== undefined) byKey.set(`${param.in}:${param.name}`, param);
  }
  return [...byKey.values()];
}

/** The schema of a request body: JSON first, then a multipart form, then whatever media type there is. */
function bodySchema(reader: SchemaReader, requestBody: Json): Json {
  const content = reader.resolve(requestBody)?.content ?? {};
  return (content['application/json'] ?? content['multipart/form-data'] ?? Object.values<Json>(content)[0])?.schema;
}

/**
 * Webhook operations by event name. Our bundle and the skeleton key them by the name
 * (`payment.paid`); the vendor's own file keys them by a made-up path (`/webhook/payment_paid_webhook`)
 * and names the event in the payload's `event` enum and in the operationId `webhooks/payment.paid`.
 */
function webhooksByEvent(doc: Json, reader: SchemaReader): Map<string, Json> {
  const out = new Map<string, Json>();
  for (const [key, rawItem] of Object.entries<Json>(doc.webhooks ?? {})) {
    const op = reader.resolve(rawItem)?.post;
    if (!op) continue;
    out.set(key.includes('/') ? eventName(reader, op) ?? key : key, op);
  }
  return out;
}

function eventName(reader: SchemaReader, op: Json): string | undefined {
  const body = bodySchema(reader, op.requestBody);
  const values = reader.enumValues(reader.property(body, 'event'));
  if (values?.size === 1) return JSON.parse([...values][0] as string);
  const fromId = /^webhooks?\/(.+)$/.exec(op.operationId ?? '')?.[1];
  return fromId ?? (typeof op.summary === 'string' && /^[a-z_]+\.[a-z_.]+$/.test(op.summary) ? op.summary : undefined);
}

/** Union of restrictions; one unrestricted member makes the union unrestricted. */
function unionOf<T>(sets: (Set<T> | undefined)[]): Set<T> | undefined {
  if (sets.length === 0 || sets.some((s) => s === undefined)) return undefined;
  return new Set(sets.flatMap((s) => [...(s as Set<T>)]));
}

/** Intersection of the restrictions that exist; undefined when none restricts. */
function intersectionOf<T>(sets: (Set<T> | undefined)[]): Set<T> | undefined {
  let out: Set<T> | undefined;
  for (const s of sets) {
    if (!s) continue;
    out = out ? new Set([...out].filter((x) => s.has(x))) : new Set(s);
  }
  return out;
}

/** Compares our bundle with the vendor's spec file. */
export function compareWithVendor(ours: Json, vendor: Json): DriftReport {
  return new Comparison(vendor, ours).run();
}

// ---------------------------------------------------------------------------------------------------
// The report

/** Findings grouped by kind (hard kinds first), each with its place, then a one-line summary. */
export function renderReport(report: DriftReport): string {
  const lines: string[] = [];
  for (const [kind, { severity, what }] of Object.entries(KINDS) as [FindingKind, (typeof KINDS)[FindingKind]][]) {
    const list = report.findings.filter((f) => f.kind === kind);
    if (list.length === 0) continue;
    lines.push('', `${kind} (${list.length}) [${severity}]: ${what}`);
    for (const f of list) lines.push(`  ${f.place}${f.detail ? `: ${f.detail}` : ''}`);
  }
  lines.push('', summaryLine(report));
  return lines.join('\n').replace(/^\n/, '');
}

export function summaryLine(report: DriftReport): string {
  const count = (kind: FindingKind) => report.findings.filter((f) => f.kind === kind).length;
  const byKind = (severity: 'hard' | 'soft') =>
    (Object.keys(KINDS) as FindingKind[])
      .filter((k) => KINDS[k].severity === severity)
      .map((k) => `${k} ${count(k)}`)
      .join(', ');
  const hard = report.findings.filter((f) => isHard(f.kind)).length;
  const soft = report.findings.length - hard;
  const { operations: ops, webhooks: hooks } = report;
  return (
    `vendor drift: operations ${ops.found}/${ops.total}, webhooks ${hooks.found}/${hooks.total}; ` +
    `hard ${hard} (${byKind('hard')}); soft ${soft} (${byKind('soft')})`
  );
}
