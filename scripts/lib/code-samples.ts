// Adds x-codeSamples (curl and the TypeScript client) to every operation of the bundle, built
// from the operation's own example values, so that the docs show calls that match the spec.
import type { OpenApiDocument } from './bundle.ts';
import { deref } from './refs.ts';
import { collectMethods, singular, type ResourceMethod } from './resources.ts';

type Json = any;

const BASE_URL = 'https://api.checkoutpage.com';
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;


/** A JavaScript literal for a JSON value, with unquoted keys where possible. */
export function toLiteral(value: unknown, indent = ''): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => `${inner}${toLiteral(v, inner)},`).join('\n')}\n${indent}]`;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    const lines = entries.map(([k, v]) => `${inner}${IDENTIFIER.test(k) ? k : `'${k}'`}: ${toLiteral(v, inner)},`);
    return `{\n${lines.join('\n')}\n${indent}}`;
  }
  return typeof value === 'string' ? `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : JSON.stringify(value);
}

const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

export interface Inputs {
  pathValues: string[];
  query: Record<string, unknown>;
  body: unknown;
  /** A list whose items the spec declares nullable. */
  nullableItems?: boolean;
  /** For a multipart upload, the file sent in each file field: its name and media type. */
  files?: Record<string, { filename: string; contentType: string }>;
}

function firstExample(doc: Json, media: Json): unknown {
  const [first] = Object.values(media?.examples ?? {});
  return first ? deref(doc, first)?.value : undefined;
}

/** For each id path parameter, the id in the example of the GET on its item path (pageId -> an event's id). */
function knownIds(doc: Json, methods: ResourceMethod[]): Map<string, string> {
  const ids = new Map<string, string>();
  for (const m of methods) {
    const last = m.pathParams.at(-1);
    if (m.httpMethod !== 'GET' || !last || !m.path.endsWith(`{${last}}`) || ids.has(last)) continue;
    const op = doc.paths[m.path].get;
    const answer = firstExample(doc, deref(doc, op.responses[m.status])?.content?.['application/json']) as Json;
    if (typeof answer?.data?.id === 'string') ids.set(last, answer.data.id);
  }
  return ids;
}

function inputsFor(doc: Json, m: ResourceMethod, ids: Map<string, string>): Inputs {
  const item = doc.paths[m.path];
  const op = item[m.httpMethod.toLowerCase()];
  const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p: Json) => deref(doc, p));
  const exampleOf = (p: Json) => p.example ?? deref(doc, p.schema)?.example;
  // Ids come from the example answer shown beside the sample (its id, pageId, ticketGroupId...),
  // so that the call and the answer tell the same story.
  const answer = firstExample(doc, deref(doc, op.responses[m.status])?.content?.['application/json']) as Json;
  const records = [answer?.data, Array.isArray(answer?.data) ? answer.data[0] : undefined, answer].filter(
    (r) => r && typeof r === 'object' && !Array.isArray(r),
  );
  const pathValues = m.pathParams.map((name) => {
    for (const record of records) if (typeof record[name] === 'string') return record[name] as string;
    if (m.path.endsWith(`{${name}}`) && typeof answer?.data?.id === 'string') return answer.data.id as string;
    const known = ids.get(name);
    if (known) return known;
    const param = params.find((p: Json) => p.in === 'path' && p.name === name);
    return String(param ? exampleOf(param) : name);
  });
  // One documented filter (the first with an example), and the page size for lists.
  const query: Record<string, unknown> = {};
  const filter = params.find(
    (p: Json) => p.in === 'query' && p.example !== undefined && !['limit', 'starting_after', 'ending_before'].includes(p.name),
  );
  if (filter) query[filter.name] = filter.example;
  if (m.result === 'list') query.limit = 20;
  const content = deref(doc, op.requestBody)?.content;
  let body = m.body === 'none' ? undefined : firstExample(doc, content?.['application/json']);
  let files: Inputs['files'];
  if (m.form) {
    // An upload: the text fields come from the request example, and the file is the one the
    // example answer describes (its name and type), so that call and answer match.
    const schema = deref(doc, content['multipart/form-data'].schema);
    const fileFields = Object.keys(schema.properties ?? {}).filter((k) => deref(doc, schema.properties[k])?.format === 'binary');
    const example = (firstExample(doc, content['multipart/form-data']) ?? {}) as Record<string, unknown>;
    body = Object.fromEntries(Object.entries(example).filter(([k]) => !fileFields.includes(k)));
    const filename = typeof answer?.data?.name === 'string' ? answer.data.name : 'file.bin';
    const contentType = typeof answer?.data?.type === 'string' ? answer.data.type : 'application/octet-stream';
    files = Object.fromEntries(fileFields.map((field) => [field, { filename, contentType }]));
  }
  const inputs: Inputs = { pathValues, query, body, ...(files ? { files } : {}) };
  if (m.result === 'list') {
    const list = deref(doc, deref(doc, op.responses[m.status])?.content?.['application/json']?.schema);
    const item = deref(doc, list?.properties?.data?.items);
    if ([item?.type].flat().includes('null')) inputs.nullableItems = true;
  }
  return inputs;
}

function curlSample(m: ResourceMethod, inputs: Inputs): string {
  let path = m.path;
  m.pathParams.forEach((name, i) => (path = path.replace(`{${name}}`, encodeURIComponent(inputs.pathValues[i]!))));
  const search = new URLSearchParams(Object.entries(inputs.query).map(([k, v]) => [k, String(v)])).toString();
  const url = `${BASE_URL}${path}${search ? `?${search}` : ''}`;
  const lines = [`curl ${m.httpMethod === 'GET' ? '' : `-X ${m.httpMethod} `}${search ? shellQuote(url) : url}`];
  lines.push('  -H "Authorization: Bearer $CHECKOUTPAGE_API_KEY"');
  if (inputs.files) {
    // curl builds the multipart form (and its boundary) from -F parts; @name reads a file.
    for (const [field, file] of Object.entries(inputs.files)) lines.push(`  -F ${shellQuote(`${field}=@${file.filename};type=${file.contentType}`)}`);
    for (const [field, value] of Object.entries((inputs.body ?? {}) as Record<string, unknown>)) lines.push(`  -F ${shellQuote(`${field}=${String(value)}`)}`);
  } else if (inputs.body !== undefined) {
    lines.push("  -H 'Content-Type: application/json'", `  -d ${shellQuote(JSON.stringify(inputs.body, null, 2))}`);
  }
  if (m.result === 'binary') lines.push('  -o tickets.pdf');
  return lines.join(' \\\n');
}

function typescriptSample(m: ResourceMethod, inputs: Inputs): string {
  const args = inputs.pathValues.map((v) => `'${v}'`);
  const reads: string[] = [];
  if (inputs.files) {
    // The file's bytes, with its name and type; a Blob or File would do as well.
    const entries = Object.entries(inputs.files);
    const fields = entries.map(([field]) => field);
    for (const [field, file] of entries) reads.push(`const ${field} = await readFile('${file.filename}');`);
    const [first] = entries;
    const text = Object.entries((inputs.body ?? {}) as Record<string, unknown>).map(([k, v]) => `${k}: ${toLiteral(v)}`);
    args.push(`{ ${[...fields, `filename: ${toLiteral(first![1].filename)}`, `contentType: ${toLiteral(first![1].contentType)}`, ...text].join(', ')} }`);
  } else if (inputs.body !== undefined) args.push(toLiteral(inputs.body));
  else if (m.body === 'required') args.push('{}');
  if (Object.keys(inputs.query).length > 0) {
    if (m.body === 'optional' && inputs.body === undefined) args.push('undefined');
    args.push(toLiteral(inputs.query));
  }
  const call = `client.${m.namespace}.${m.name}(${args.join(', ')})`;
  const verb = m.name.match(/^[a-z]+/)?.[0] ?? m.name;
  const rest = lowerFirst(m.name.slice(verb.length));
  const imports = [`import { createCheckoutPageClient } from 'checkoutpage-openapi';`];
  if (reads.length) imports.unshift(`import { readFile } from 'node:fs/promises';`);
  let use: string;
  if (m.result === 'list') {
    const item = singular(rest || m.namespace);
    // The API declares some list items nullable (products): the sample must not assume one.
    use = `for await (const ${item} of ${call}) {\n  console.log(${item}${inputs.nullableItems ? '?' : ''}.id);\n}`;
  } else if (m.result === 'binary') {
    imports.unshift(`import { writeFile } from 'node:fs/promises';`);
    use = `const pdf = await ${call};\nawait writeFile('tickets.pdf', new Uint8Array(pdf));`;
  } else {
    const name =
      verb === 'cancel' || verb === 'validate' ? 'result' : verb === 'delete' ? 'deleted' : m.form ? 'uploaded' : rest || (verb === 'list' ? m.namespace : singular(m.namespace));
    use = `${reads.map((line) => `${line}\n`).join('')}const ${name} = await ${call};\nconsole.log(${name});`;
  }
  return `${imports.join('\n')}\n\nconst client = createCheckoutPageClient({ apiKey: process.env.CHECKOUTPAGE_API_KEY! });\n\n${use}\n`;
}

/** For every resource method, the example inputs its code samples use. */
export function exampleCalls(doc: OpenApiDocument): Array<{ method: ResourceMethod; inputs: Inputs }> {
  const methods = collectMethods(doc);
  const ids = knownIds(doc, methods);
  return methods.map((method) => ({ method, inputs: inputsFor(doc, method, ids) }));
}

/** Returns a copy of the bundle with x-codeSamples on every operation. */
export function withCodeSamples(doc: OpenApiDocument): OpenApiDocument {
  const copy = structuredClone(doc) as Json;
  for (const { method: m, inputs } of exampleCalls(doc)) {
    copy.paths[m.path][m.httpMethod.toLowerCase()]['x-codeSamples'] = [
      { lang: 'Shell', label: 'curl', source: curlSample(m, inputs) },
      { lang: 'TypeScript', label: 'TypeScript', source: typescriptSample(m, inputs) },
    ];
  }
  return copy;
}

/**
 * Returns a copy of a bundle without the x-codeSamples that `withCodeSamples` adds, on operations
 * and webhooks: the contract alone, as `npm run diff` compares it.
 */
export function withoutCodeSamples<T extends Record<string, unknown>>(doc: T): T {
  const copy = structuredClone(doc) as Json;
  for (const section of ['paths', 'webhooks']) {
    for (const item of Object.values(copy[section] ?? {}) as Json[]) {
      for (const operation of Object.values(item ?? {}) as Json[]) {
        if (operation && typeof operation === 'object') delete operation['x-codeSamples'];
      }
    }
  }
  return copy;
}
