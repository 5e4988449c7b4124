// Each house rule, shown firing on a small spec that breaks it, with the message a contributor will see.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runSpectral, type SpectralFinding } from '../../scripts/lib/spectral.ts';

type Spec = Record<string, any>;

interface Breakage {
  name: string;
  rule: string;
  message: RegExp;
  where: string; // JSON path of the (first) finding, dot-joined
  count?: number; // how many findings the breakage causes (default 1)
  breakIt: (spec: Spec) => void;
}

const list = (s: Spec) => s.paths['/v1/widgets'].get;
const item = (s: Spec) => s.paths['/v1/widgets/{widgetId}'].get;
const widget = (s: Spec) => s.components.schemas.Widget.properties;
const webhook = (s: Spec) => s.webhooks['widget.created'].post;

const breakages: Breakage[] = [
  // operationId
  { name: 'snake_case operationId', rule: 'cp-operation-id', message: /operationId "list_widgets" must be camelCase with a leading verb/, where: 'paths./v1/widgets.get.operationId', breakIt: (s) => (list(s).operationId = 'list_widgets') },
  { name: 'operationId without a leading verb', rule: 'cp-operation-id', message: /operationId "widgetsList" starts with "widgets", which does not fit GET; use one of: list, get, download/, where: 'paths./v1/widgets.get.operationId', breakIt: (s) => (list(s).operationId = 'widgetsList') },
  { name: 'a verb that does not fit the method', rule: 'cp-operation-id', message: /operationId "createWidget" starts with "create", which does not fit GET/, where: 'paths./v1/widgets/{widgetId}.get.operationId', breakIt: (s) => (item(s).operationId = 'createWidget') },
  { name: '"get" on an operation that answers a list', rule: 'cp-operation-id', message: /operationId "getWidgets" does not fit GET \/v1\/widgets: this operation answers a list/, where: 'paths./v1/widgets.get.operationId', breakIt: (s) => (list(s).operationId = 'getWidgets') },
  { name: 'an action verb that is not in the path', rule: 'cp-operation-id', message: /the action "validate" must be a segment of the path/, where: 'paths./v1/widgets/{widgetId}/cancel.post.operationId', breakIt: (s) => (s.paths['/v1/widgets/{widgetId}/cancel'].post.operationId = 'validateWidget') },
  // paths
  { name: 'a path without the /v1/ prefix', rule: 'cp-path-shape', message: /Path "\/widgets" must start with \/v1\//, where: 'paths./widgets', breakIt: (s) => renamePath(s, '/v1/widgets', '/widgets') },
  { name: 'a trailing slash', rule: 'cp-path-shape', message: /Path "\/v1\/widgets\/" must not end with a slash/, where: 'paths./v1/widgets/', breakIt: (s) => renamePath(s, '/v1/widgets', '/v1/widgets/') },
  { name: 'an Express-style :param', rule: 'cp-path-shape', message: /must use \{param\} templates, not Express-style :param/, where: 'paths./v1/widgets/:widgetId', breakIt: (s) => renamePath(s, '/v1/widgets/{widgetId}', '/v1/widgets/:widgetId') },
  // operation basics
  { name: 'an operation without a summary', rule: 'cp-operation-summary', message: /Add a short `summary`/, where: 'paths./v1/widgets.get', breakIt: (s) => delete list(s).summary },
  { name: 'an operation without security', rule: 'cp-operation-security', message: /must require the bearer API key/, where: 'paths./v1/widgets.get', breakIt: (s) => (list(s).security = []) },
  { name: 'an operation without the standard 429', rule: 'cp-standard-errors', message: /Missing the standard 429 response: add \{ \$ref: '#\/components\/responses\/TooManyRequests' \}/, where: 'paths./v1/widgets.get.responses', breakIt: (s) => delete list(s).responses['429'] },
  { name: 'an item path without 404', rule: 'cp-standard-errors', message: /Missing the standard 404 response/, where: 'paths./v1/widgets/{widgetId}.get.responses', breakIt: (s) => delete item(s).responses['404'] },
  { name: 'a standard status pointing at the wrong shared response', rule: 'cp-standard-errors', message: /Response 401 must be \{ \$ref: '#\/components\/responses\/Unauthorized' \}/, where: 'paths./v1/widgets.get.responses.401', breakIt: (s) => (list(s).responses['401'] = { $ref: '#/components/responses/Forbidden' }) },
  // error bodies
  { name: 'an inline 4xx response without the error body', rule: 'cp-error-response-body', message: /Error response 404 must have an application\/json body whose schema is \$ref: #\/components\/schemas\/ApiError/, where: 'paths./v1/widgets/{widgetId}.get.responses.404', breakIt: (s) => (item(s).responses['404'] = { description: 'Not found.' }) },
  { name: 'a shared error response with another body', rule: 'cp-error-response-body', message: /Error response BadRequest must have an application\/json body/, where: 'components.responses.BadRequest', breakIt: (s) => (s.components.responses.BadRequest.content['application/json'].schema = { type: 'string' }) },
  { name: 'a 429 that does not explain the rate limit', rule: 'cp-rate-limit-documented', message: /must explain the rate limit/, where: 'components.responses.TooManyRequests.description', breakIt: (s) => (s.components.responses.TooManyRequests.description = 'Too many.') },
  // lists
  { name: 'a paginated list without the shared limit parameter', rule: 'cp-list-convention', message: /Paginated list must use the shared `limit` parameter/, where: 'paths./v1/widgets.get.parameters', breakIt: (s) => (list(s).parameters = list(s).parameters.filter((p: { $ref: string }) => p.$ref !== '#/components/parameters/Limit')) },
  { name: 'a paginated list with its own cursor parameter', rule: 'cp-list-convention', message: /Paginated list must use the shared `starting_after` parameter/, where: 'paths./v1/widgets.get.parameters', breakIt: (s) => (list(s).parameters[1] = { name: 'starting_after', in: 'query', description: 'Cursor.', schema: { $ref: '#/components/schemas/ObjectId' } }) },
  { name: 'a paginated list without has_more', rule: 'cp-list-convention', message: /A paginated list must answer with a required `has_more`/, where: 'paths./v1/widgets.get.responses', breakIt: (s) => delete s.components.schemas.WidgetList.properties.has_more },
  { name: 'an unpaginated list that is not marked', rule: 'cp-list-convention', count: 5, message: /A paginated list must answer with a required `has_more` \(or say x-paginated: false/, where: 'paths./v1/widgets/{widgetId}/parts.get.responses', breakIt: (s) => delete s.paths['/v1/widgets/{widgetId}/parts'].get['x-paginated'] },
  // ids, timestamps, money
  { name: 'a path id that is not an ObjectId', rule: 'cp-object-id', message: /Parameter "widgetId" is an id: its schema must be \{ \$ref: '#\/components\/schemas\/ObjectId' \}/, where: 'components.parameters.WidgetId', breakIt: (s) => (s.components.parameters.WidgetId.schema = { type: 'string' }) },
  { name: 'an id property that is a plain string', rule: 'cp-object-id', message: /Property "ownerId" is an id: use \$ref ObjectId/, where: 'components.schemas.Widget.properties.ownerId', breakIt: (s) => (widget(s).ownerId = { type: 'string' }) },
  { name: 'a timestamp without format date-time', rule: 'cp-property-types', message: /Timestamp "createdAt" must have format: date-time/, where: 'components.schemas.Widget.properties.createdAt', breakIt: (s) => delete widget(s).createdAt.format },
  { name: 'a money amount typed number', rule: 'cp-property-types', message: /Money amount "price" must be an integer/, where: 'components.schemas.Widget.properties.price', breakIt: (s) => (widget(s).price.type = 'number') },
  // named schemas, names, examples
  { name: 'an inline request body schema', rule: 'cp-named-body-schema', message: /The application\/json body must use a named schema/, where: 'paths./v1/widgets.post.requestBody.content.application/json.schema', breakIt: (s) => (s.paths['/v1/widgets'].post.requestBody.content['application/json'].schema = { type: 'object' }) },
  { name: 'a component name that is not PascalCase', rule: 'cp-component-names', message: /Component name "widget_part" must be PascalCase/, where: 'components.schemas.widget_part', breakIt: (s) => (s.components.schemas.widget_part = { type: 'string', description: 'x' }) },
  { name: 'a 2xx body without a named example', rule: 'cp-named-examples', message: /Add a named example/, where: 'paths./v1/widgets/{widgetId}.get.responses.200.content.application/json', breakIt: (s) => delete item(s).responses['200'].content['application/json'].examples },
  { name: 'a request body with an inline example only', rule: 'cp-named-examples', message: /Add a named example/, where: 'paths./v1/widgets.post.requestBody.content.application/json', breakIt: (s) => { const media = s.paths['/v1/widgets'].post.requestBody.content['application/json']; delete media.examples; media.example = { price: 1 }; } },
  { name: 'a boolean subschema forbidding a property', rule: 'cp-no-boolean-schema', message: /Use `not: \{\}` instead of the boolean schema `false`/, where: 'components.schemas.Widget.properties.legacyCode', breakIt: (s) => (widget(s).legacyCode = false) },
  { name: 'a nullable enum written as anyOf', rule: 'cp-nullable-enum', message: /Write a nullable enum as type: \[<type>, 'null'\] with null in the enum list, not anyOf/, where: 'components.schemas.Widget.properties.finish.anyOf', breakIt: (s) => (widget(s).finish = { description: 'The surface.', anyOf: [{ type: 'string', enum: ['matte', 'gloss'] }, { type: 'null' }] }) },
  { name: 'a nullable type whose enum leaves out null', rule: 'cp-nullable-enum', message: /The type admits 'null' but the enum does not list null/, where: 'components.schemas.Widget.properties.finish.enum', breakIt: (s) => (widget(s).finish.enum = ['matte', 'gloss']) },
  { name: 'an enum listing null on a type without null', rule: 'cp-nullable-enum', message: /The enum lists null but the type does not admit it/, where: 'components.schemas.Widget.properties.finish.enum', breakIt: (s) => (widget(s).finish.type = 'string') },
  // descriptions
  { name: 'a property without a description', rule: 'cp-property-description', message: /Property "percentOff" has no description/, where: 'components.schemas.Widget.properties.percentOff', breakIt: (s) => delete widget(s).percentOff.description },
  { name: 'a property referencing a schema without a description', rule: 'cp-property-description', message: /Property "id" has no description/, where: 'components.schemas.Widget.properties.id', breakIt: (s) => delete s.components.schemas.ObjectId.description },
  // webhooks
  { name: 'a webhook without the signature header', rule: 'cp-webhook-shape', message: /must declare the x-webhook-signature header/, where: 'webhooks.widget.created.post.parameters', breakIt: (s) => webhook(s).parameters.shift() },
  { name: 'a webhook body not built on the envelope', rule: 'cp-webhook-shape', message: /body must be allOf \[\{ \$ref: '#\/components\/schemas\/WebhookEnvelope' \}/, where: 'webhooks.widget.created.post.requestBody', breakIt: (s) => (s.components.schemas.WidgetCreatedEvent.allOf[1].properties.event.const = 'widget.deleted') },
  { name: 'a webhook without a named example', rule: 'cp-named-examples', message: /Add a named example/, where: 'webhooks.widget.created.post.requestBody.content.application/json', breakIt: (s) => delete webhook(s).requestBody.content['application/json'].examples },
];

function renamePath(spec: Spec, from: string, to: string): void {
  spec.paths = Object.fromEntries(Object.entries(spec.paths).map(([key, value]) => [key === from ? to : key, value]));
}

let dir: string;
let good: Spec;
const findings = new Map<string, SpectralFinding[]>();

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cp-rules-'));
  const text = await readFile(new URL('../fixtures/lint/good.yaml', import.meta.url), 'utf8');
  good = parse(text) as Spec;
  const files = [path.join(dir, 'good.json')];
  await writeFile(files[0]!, JSON.stringify(good));
  for (const [i, b] of breakages.entries()) {
    const spec = structuredClone(good);
    b.breakIt(spec);
    files.push(path.join(dir, `bad-${i}.json`));
    await writeFile(files.at(-1)!, JSON.stringify(spec));
  }
  // One Spectral run for all fixtures: starting it is the slow part.
  for (const finding of await runSpectral(files)) {
    const key = path.basename(finding.source);
    findings.set(key, [...(findings.get(key) ?? []), finding]);
  }
});

afterAll(() => rm(dir, { recursive: true, force: true }));

describe('house lint rules', () => {
  it('stay quiet on a spec that follows the conventions', () => {
    expect(findings.get('good.json') ?? []).toEqual([]);
  });

  it.each(breakages.map((b, i) => [b.name, i] as const))('fire on %s', (_name, i) => {
    const b = breakages[i]!;
    const found = (findings.get(`bad-${i}.json`) ?? []).filter((f) => f.code === b.rule);
    expect(found, `expected ${b.rule} to fire`).toHaveLength(b.count ?? 1);
    const match = found.find((f) => b.message.test(f.message));
    expect(match, `no ${b.rule} finding matches ${b.message}: ${found.map((f) => f.message).join(' | ')}`).toBeDefined();
    expect(match!.path.join('.')).toBe(b.where);
    expect(found.every((f) => f.severity === 0)).toBe(true);
  });
});
