// Generates generated/resources.ts: the resource API (client.payments.list(), client.coupons.create(),
// ...) from the bundle, one namespace per resource and one method per operation, named from the
// operationId. Output is deterministic: the same bundle gives byte-identical code.
import type { OpenApiDocument } from './bundle.ts';
import { deref as resolve } from './refs.ts';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

type Json = Record<string, any>;

export interface ResourceMethod {
  namespace: string;
  name: string;
  operationId: string;
  httpMethod: string;
  path: string;
  pathParams: string[];
  hasQuery: boolean;
  body: 'none' | 'required' | 'optional';
  result: 'json' | 'data' | 'list' | 'binary';
  /** The media type of a binary answer. */
  mediaType?: string;
  /** A `multipart/form-data` body (a file upload): the size limit of each file field that has one. */
  form?: { maxBytes: Record<string, number> };
  status: string;
  summary: string;
}

const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** `payments` -> `payment`: every resource name of this API is a regular plural. */
export const singular = (s: string) => (s.endsWith('s') ? s.slice(0, -1) : s);
const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());


/** `payments` + `listPayments` -> `list`; `events` + `createEventTicketType` -> `createTicketType`. */
export function methodName(namespace: string, operationId: string): string {
  const verb = operationId.match(/^[a-z]+/)?.[0] ?? operationId;
  const rest = operationId.slice(verb.length);
  const plural = pascal(namespace);
  for (const noun of [plural, singular(plural)]) {
    if (rest.startsWith(noun) && (rest.length === noun.length || /^[A-Z]/.test(rest.slice(noun.length)))) {
      return verb + rest.slice(noun.length);
    }
  }
  return operationId;
}

export function collectMethods(doc: OpenApiDocument): ResourceMethod[] {
  const methods: ResourceMethod[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    const segment = path.split('/')[2];
    if (!segment) throw new Error(`Path ${path} has no resource segment after the version prefix`);
    const namespace = camel(segment);
    for (const httpMethod of METHODS) {
      const op = (item as Json)[httpMethod];
      if (!op) continue;
      const params = [...((item as Json).parameters ?? []), ...(op.parameters ?? [])].map((p: any) => resolve(doc, p));
      const status = Object.keys(op.responses).find((s) => s.startsWith('2'));
      if (!status) throw new Error(`${op.operationId} has no 2xx response`);
      const content = resolve(doc, op.responses[status])?.content ?? {};
      const schema = resolve(doc, content['application/json']?.schema);
      const requestBody = resolve(doc, op.requestBody);
      const formSchema = resolve(doc, requestBody?.content?.['multipart/form-data']?.schema);
      methods.push({
        namespace,
        name: methodName(namespace, op.operationId),
        operationId: op.operationId,
        httpMethod: httpMethod.toUpperCase(),
        path,
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
        hasQuery: params.some((p: any) => p?.in === 'query'),
        body: !requestBody ? 'none' : requestBody.required ? 'required' : 'optional',
        result: !content['application/json']
          ? 'binary'
          : schema?.properties?.has_more
            ? 'list'
            : schema?.properties?.data && Object.keys(schema.properties).length === 1
              ? 'data'
              : 'json',
        ...(content['application/json'] ? {} : { mediaType: Object.keys(content)[0] ?? 'application/octet-stream' }),
        ...(formSchema ? { form: { maxBytes: formLimits(doc, op.operationId, formSchema) } } : {}),
        status,
        summary: op.summary ?? op.operationId,
      });
    }
  }
  const seen = new Map<string, string>();
  for (const m of methods) {
    const key = `${m.namespace}.${m.name}`;
    const other = seen.get(key);
    if (other) throw new Error(`Operations ${other} and ${m.operationId} would both become client.${key}(); rename one operationId`);
    seen.set(key, m.operationId);
  }
  return methods;
}

/** The `x-maxBytes` of each file field of a multipart body. `filename` and `contentType` name the file, so no field may have those names. */
function formLimits(doc: OpenApiDocument, operationId: string, schema: Json): Record<string, number> {
  const limits: Record<string, number> = {};
  for (const [name, property] of Object.entries<Json>(schema.properties ?? {})) {
    if (name === 'filename' || name === 'contentType') throw new Error(`${operationId}: a multipart field named ${name} clashes with the client's file options`);
    const max = resolve(doc, property)?.['x-maxBytes'];
    if (typeof max === 'number') limits[name] = max;
  }
  return limits;
}

function renderMethod(m: ResourceMethod): string {
  const op = `'${m.operationId}'`;
  const args = m.pathParams.map((p) => `${p}: string`);
  const bodyType = m.form ? 'FormBody' : 'Body';
  if (m.body === 'required') args.push(`body: ${bodyType}<${op}>`);
  if (m.body === 'optional') args.push(`body?: ${bodyType}<${op}>`);
  if (m.hasQuery) args.push(`query?: Query<${op}>`);
  args.push('options?: RequestOptions');
  const url = m.pathParams.length ? `\`${m.path.replace(/\{(\w+)\}/g, '${e($1)}')}\`` : `'${m.path}'`;
  const query = m.hasQuery ? 'query' : 'undefined';
  const body = m.body === 'none' ? 'undefined' : 'body';
  const call: Record<ResourceMethod['result'], [string, string]> = {
    list: [`ListRequest<Ok<${op}, ${m.status}>>`, `rt.list<Ok<${op}, ${m.status}>>(${url}, ${query}, options)`],
    data: [`Promise<Data<${op}, ${m.status}>>`, `rt.data<Data<${op}, ${m.status}>>('${m.httpMethod}', ${url}, ${query}, ${body}, options)`],
    json: [`Promise<Ok<${op}, ${m.status}>>`, `rt.json<Ok<${op}, ${m.status}>>('${m.httpMethod}', ${url}, ${query}, ${body}, options)`],
    binary: ['Promise<ArrayBuffer>', `rt.binary('${m.httpMethod}', ${url}, ${query}, '${m.mediaType}', options)`],
  };
  let [type, expression] = call[m.result];
  if (m.form) {
    if (m.result !== 'data' || m.body !== 'required') throw new Error(`${m.operationId}: only required multipart bodies answered with {data} are supported`);
    expression = `rt.form<Data<${op}, ${m.status}>>('${m.httpMethod}', ${url}, ${query}, body, { ${Object.entries(m.form.maxBytes).map(([k, v]) => `${k}: ${v}`).join(', ')} }, options)`;
  }
  const doc = `${m.summary}. \`${m.httpMethod} ${m.path}\` (${m.operationId})`;
  return `      /** ${doc} */\n      ${m.name}: (${args.join(', ')}): ${type} =>\n        ${expression},`;
}

export function renderResources(doc: OpenApiDocument, header: string): string {
  const methods = collectMethods(doc);
  const namespaces = [...new Set(methods.map((m) => m.namespace))];
  const version = String((doc.info as Json | undefined)?.version ?? '0.0.0');
  const body = namespaces
    .map((ns) => `    ${ns}: {\n${methods.filter((m) => m.namespace === ns).map(renderMethod).join('\n')}\n    },`)
    .join('\n');
  return `// ${header}
import type { Body, Data, FormBody, ListRequest, Ok, Query, RequestOptions, Runtime } from '../src/runtime.js';

/** The version of the API description this client was generated from. */
export const SPEC_VERSION = '${version}';

const e = encodeURIComponent;

export function createResources(rt: Runtime) {
  return {
${body}
  };
}

export type Resources = ReturnType<typeof createResources>;
`;
}
