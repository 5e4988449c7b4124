// The OpenAPI `webhooks` map: one entry per deliverable event, each a signed POST whose body is the
// shared envelope narrowed to that event, with a valid named example and a 2xx acknowledgement.
import { describe, expect, it } from 'vitest';
import { deref } from '../../scripts/lib/refs.ts';
import { bundle } from '../support/bundle.ts';
import { assertMatches } from '../support/schema.ts';

type Node = Record<string, any>;
const doc = bundle as unknown as Node;
const webhooks = (doc.webhooks ?? {}) as Record<string, Node>;

/** Follows local $refs (`#/components/...`) to the node they point at; fails on a dangling or looping one. */
function resolve(node: unknown): Node {
  const target = deref(doc, node) as Node | undefined;
  if (!target || typeof target.$ref === 'string') throw new Error(`unresolvable $ref ${(node as Node)?.$ref}`);
  return target;
}

const pascal = (event: string) =>
  event
    .split(/[._]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');

const eventTypeEnum = (resolve({ $ref: '#/components/schemas/WebhookEventType' }).enum ?? []) as string[];
const deliverable = [...eventTypeEnum, 'webhook.test'];
const entries = Object.entries(webhooks);

const HEADERS = ['x-webhook-signature', 'x-webhook-timestamp', 'x-webhook-delivery-attempt'];
const ENVELOPE = '#/components/schemas/WebhookEnvelope';

describe('webhooks map', () => {
  it('has the 23 subscribable events in the shared WebhookEventType enum', () => {
    expect(eventTypeEnum).toHaveLength(23);
    expect(new Set(eventTypeEnum).size).toBe(23);
    expect(eventTypeEnum).not.toContain('webhook.test');
  });

  it('has an entry for every subscribable event plus webhook.test, and no other', () => {
    expect(Object.keys(webhooks).sort()).toEqual([...deliverable].sort());
  });
});

describe.each(entries)('webhooks[%s]', (event, item) => {
  const post = item.post as Node | undefined;

  it('is a POST named on<Event>, tagged Webhook events', () => {
    expect(post).toBeDefined();
    expect(post!.operationId).toBe(`on${pascal(event)}`);
    expect(post!.tags).toEqual(['Webhook events']);
    expect(post!.summary).toEqual(expect.any(String));
    expect(post!.description).toEqual(expect.any(String));
  });

  it('declares the three required delivery headers as shared parameters', () => {
    const parameters = (post!.parameters ?? []) as Node[];
    for (const name of HEADERS) {
      const ref = parameters.find((p) => typeof p.$ref === 'string' && resolve(p).name === name);
      expect(ref, `${name} must be a $ref to components/parameters`).toBeDefined();
      expect(ref!.$ref).toMatch(/^#\/components\/parameters\//);
      expect(resolve(ref)).toMatchObject({ in: 'header', required: true });
    }
  });

  it('takes a required body built on the shared envelope with `event` narrowed to its own name', () => {
    const body = resolve(post!.requestBody);
    expect(body.required).toBe(true);
    const ref = body.content?.['application/json']?.schema?.$ref as string;
    expect(ref).toBe(`#/components/schemas/${pascal(event)}Event`);
    const allOf = (resolve({ $ref: ref }).allOf ?? []) as Node[];
    expect(allOf.map((s) => s.$ref)).toContain(ENVELOPE);
    const narrowing = allOf.find((s) => s.properties?.event);
    expect(narrowing?.properties.event.const).toBe(event);
    expect(narrowing?.properties.data?.$ref).toMatch(/^#\/components\/schemas\/\w+Data$/);
  });

  it('has a named example that is about this event and matches the body schema', () => {
    const media = resolve(post!.requestBody).content['application/json'] as Node;
    const examples = Object.entries((media.examples ?? {}) as Record<string, Node>);
    expect(examples.length).toBeGreaterThan(0);
    for (const [name, example] of examples) {
      expect(example.$ref, `${name} must be a shared example`).toBe(`#/components/examples/${name}`);
      const value = resolve(example).value as Node;
      expect(value.event).toBe(event);
      assertMatches(media.schema.$ref, value);
    }
  });

  it('documents a 2xx acknowledgement', () => {
    const success = Object.keys(post!.responses ?? {}).filter((status) => /^2\d\d$/.test(status));
    expect(success.length).toBeGreaterThan(0);
  });
});
