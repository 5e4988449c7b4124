// One Markdown page per operation and per webhook of the bundle, for AI assistants (and people
// reading raw text): method and path, parameters, body and answer fields with their types and
// descriptions, the errors, and an example. npm run docs writes them beside the site (llms.ts
// lists them in llms.txt), and the docs' "Open in Claude/ChatGPT" points at them.
import { oneLine, SchemaReader, type Field, type Json } from './schema-fields.ts';

const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options', 'trace'];

export interface PageEntry {
  kind: 'operation' | 'webhook';
  /** Site-relative path of the page: "llms/operations/listCoupons.md". */
  file: string;
  title: string;
  /** "GET /v1/coupons" or "webhook customer.created". */
  label: string;
  /** The method and the path (or event name), as Redoc's page actions name them. */
  method: string;
  path: string;
  tag: string;
  summary: string;
}

export interface MarkdownPage extends PageEntry {
  markdown: string;
}

const cell = (text: string) => oneLine(text).replace(/\|/g, '\\|') || ' ';
const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;

function table(rows: Field[], columns: 'param' | 'field', where?: (f: Field) => string): string[] {
  if (rows.length === 0) return [];
  const head = columns === 'param' ? '| Name | In | Type | Required | Description |' : '| Field | Type | Required | Description |';
  const rule = columns === 'param' ? '| --- | --- | --- | --- | --- |' : '| --- | --- | --- | --- |';
  return [
    head,
    rule,
    ...rows.map((f) =>
      columns === 'param'
        ? `| ${code(f.name)} | ${where!(f)} | ${cell(f.type)} | ${f.required ? 'yes' : 'no'} | ${cell(f.description)} |`
        : `| ${code(f.name)} | ${cell(f.type)} | ${f.required ? 'yes' : 'no'} | ${cell(f.description)} |`,
    ),
    '',
  ];
}

function jsonBlock(value: unknown): string[] {
  return ['```json', JSON.stringify(value, null, 2), '```', ''];
}

/** The body or payload section: its description, the alternatives when it has some, and its fields. */
function bodySection(reader: SchemaReader, named: Set<string>, title: string, media: Json, description?: string): string[] {
  if (!media?.schema) return [];
  const lines = [`## ${title}`, ''];
  if (description) lines.push(description.trim(), '');
  const schema = reader.merged(media.schema);
  const type = reader.typeOf(media.schema);
  lines.push(`Content type \`application/json\`, ${type}.`, '');
  if (!schema.properties && (schema.oneOf || schema.anyOf)) {
    lines.push(`${schema.oneOf ? 'Exactly one' : 'One or more'} of these shapes:`, '');
    for (const alternative of reader.alternatives(schema)) {
      lines.push(`### ${alternative.label}`, '');
      const branch = reader.resolve(alternative.schema).schema;
      if (branch.description) lines.push(oneLine(branch.description), '');
      lines.push(...table(reader.fields(alternative.schema, { named }), 'field'));
    }
  } else {
    lines.push(...table(reader.fields(media.schema, { named }), 'field'));
  }
  return lines;
}

function operationPage(reader: SchemaReader, doc: Json, entry: PageEntry, pathItem: Json, operation: Json): string {
  const isWebhook = entry.kind === 'webhook';
  // Components nested deeper than the body's own object, listed once at the end of the page.
  const named = new Set<string>();
  const lines = [`# ${entry.title}`, ''];
  lines.push(isWebhook ? `Webhook event \`${entry.path}\`: Checkout Page sends \`POST\` to your endpoint.` : `\`${entry.method.toUpperCase()} ${entry.path}\``, '');
  if (entry.tag) lines.push(`Part of: ${entry.tag}. From the ${doc.info.title} ${doc.info.version} (${isWebhook ? 'webhook' : 'operation'} \`${operation.operationId}\`).`, '');
  if (operation.description) lines.push(operation.description.trim(), '');

  if (!isWebhook) {
    const server = doc.servers?.[0]?.url;
    const security = (operation.security ?? doc.security ?? []) as Array<Record<string, string[]>>;
    const schemes = security.flatMap((s) => Object.keys(s));
    lines.push('## Request', '');
    if (server) lines.push(`Base URL: \`${server}\`.`, '');
    lines.push(
      schemes.length
        ? `Authentication: ${schemes.map((name) => `${code(name)} (${oneLine(reader.resolvePointer(`#/components/securitySchemes/${name}`)?.description ?? reader.resolvePointer(`#/components/securitySchemes/${name}`)?.scheme ?? '')})`).join(' or ')}.`
        : 'Authentication: none.',
      '',
    );
  }

  const parameters = [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])].map((p: Json) => reader.resolve(p).schema);
  if (parameters.length) {
    lines.push(isWebhook ? '## Headers' : '## Parameters', '');
    const rows = parameters.map((p: Json) => ({
      name: p.name,
      type: p.schema ? reader.typeOf(p.schema) : 'string',
      required: p.required === true,
      description: p.description ?? reader.resolve(p.schema ?? {}).schema.description ?? '',
      in: p.in,
    }));
    lines.push(...table(rows, 'param', (f) => (f as Field & { in: string }).in));
  }

  const body = operation.requestBody ? reader.resolve(operation.requestBody).schema : undefined;
  const bodyMedia = body?.content?.['application/json'] ?? Object.values(body?.content ?? {})[0];
  if (bodyMedia) {
    lines.push(...bodySection(reader, named, isWebhook ? 'Payload' : 'Request body', bodyMedia, body.description));
    const example = reader.example(bodyMedia);
    if (isWebhook && example !== undefined) lines.push('## Example payload', '', ...jsonBlock(example));
  }

  const responses = Object.entries((operation.responses ?? {}) as Record<string, Json>).map(([status, r]) => [status, reader.resolve(r).schema] as const);
  const success = responses.filter(([status]) => /^2/.test(status));
  const errors = responses.filter(([status]) => !/^2/.test(status));
  for (const [status, response] of success) {
    const media = response.content?.['application/json'] ?? Object.values(response.content ?? {})[0];
    lines.push(...(media ? bodySection(reader, named, `Response ${status}`, media, response.description) : [`## Response ${status}`, '', oneLine(response.description ?? ''), '']));
  }
  if (isWebhook && success.length) lines.push('Answer with a 2xx status to acknowledge the delivery.', '');
  if (errors.length) {
    lines.push(isWebhook ? '## Other answers' : '## Errors', '', '| Status | Meaning |', '| --- | --- |');
    for (const [status, response] of errors) lines.push(`| ${status} | ${cell(response.description ?? '')} |`);
    lines.push('');
  }

  lines.push(...typesSection(reader, named));

  const sample = (operation['x-codeSamples'] as Array<{ label?: string; lang?: string; source: string }> | undefined)?.find((s) => s.label === 'curl' || s.lang === 'Shell');
  const answer = success[0]?.[1]?.content?.['application/json'];
  const answerExample = reader.example(answer);
  if (!isWebhook && (sample || answerExample !== undefined)) {
    lines.push('## Example', '');
    if (sample) lines.push('```sh', sample.source.trimEnd(), '```', '');
    if (answerExample !== undefined) lines.push(`Answer (${success[0]![0]}):`, '', ...jsonBlock(answerExample));
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** "Types used on this page": each named component once, with its fields (which may name more). */
function typesSection(reader: SchemaReader, named: Set<string>): string[] {
  if (named.size === 0) return [];
  const lines = ['## Types used on this page', '', 'Fields typed with one of these names have the fields listed here.', ''];
  const done = new Set<string>();
  for (let queue = [...named]; queue.length > 0; queue = [...named].filter((n) => !done.has(n))) {
    for (const name of queue.sort()) {
      done.add(name);
      const schema = { $ref: `#/components/schemas/${name}` };
      const { schema: resolved } = reader.resolve(schema);
      lines.push(`### ${name}`, '');
      if (resolved.description) lines.push(oneLine(resolved.description), '');
      lines.push(...table(reader.fields(schema, { inlineDepth: 0, named }), 'field'));
    }
  }
  return lines;
}

const safeFile = (name: string) => name.replace(/[^A-Za-z0-9._-]/g, '_');

/** Every operation and webhook of the bundle, in the order of the paths and webhooks. */
export function pageEntries(doc: Json): Array<PageEntry & { pathItem: Json; operation: Json }> {
  const entries: Array<PageEntry & { pathItem: Json; operation: Json }> = [];
  for (const [section, kind] of [
    ['paths', 'operation'],
    ['webhooks', 'webhook'],
  ] as const) {
    for (const [key, pathItem] of Object.entries((doc[section] ?? {}) as Record<string, Json>)) {
      for (const method of METHODS) {
        const operation = pathItem[method];
        if (!operation) continue;
        const id = kind === 'operation' ? (operation.operationId ?? `${method}-${key}`) : key;
        entries.push({
          kind,
          file: `llms/${kind}s/${safeFile(id)}.md`,
          title: operation.summary ?? id,
          label: kind === 'operation' ? `${method.toUpperCase()} ${key}` : `webhook ${key}`,
          method,
          path: key,
          tag: operation.tags?.[0] ?? '',
          summary: oneLine(operation.description ?? operation.summary ?? '').split(/(?<=\.)\s/)[0] ?? '',
          pathItem,
          operation,
        });
      }
    }
  }
  return entries;
}

export function renderMarkdownPages(doc: Json): MarkdownPage[] {
  const reader = new SchemaReader(doc);
  return pageEntries(doc).map(({ pathItem, operation, ...entry }) => ({ ...entry, markdown: operationPage(reader, doc, entry, pathItem, operation) }));
}
