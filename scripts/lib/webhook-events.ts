// Generates generated/webhook-events.ts: the union of every webhook payload, discriminated by `event`,
// read from the bundle's `webhooks` map (each entry's request body names its `<Event>Event` schema).
import type { OpenApiDocument } from './bundle.ts';

export function webhookEventSchemas(doc: OpenApiDocument): Array<{ event: string; schema: string }> {
  return Object.entries(doc.webhooks ?? {}).map(([event, item]) => {
    const ref = (item as any).post?.requestBody?.content?.['application/json']?.schema?.$ref;
    const match = typeof ref === 'string' ? /^#\/components\/schemas\/([A-Za-z0-9_.-]+)$/.exec(ref) : null;
    if (!match) throw new Error(`webhooks.${event}: the request body schema must be a $ref to a components schema`);
    return { event, schema: match[1]! };
  });
}

export function renderWebhookEvents(doc: OpenApiDocument, header: string): string {
  const entries = webhookEventSchemas(doc);
  const members = entries.map((e) => `  | components['schemas']['${e.schema}']`).join('\n');
  const names = entries.map((e) => `  '${e.event}',`).join('\n');
  return `// ${header}
import type { components } from './schema.js';

/** Every webhook delivery body, discriminated by \`event\`. */
export type WebhookEvent =
${members || '  never'};

/** The name of every event Checkout Page delivers, in spec order. */
export const WEBHOOK_EVENT_NAMES = [
${names}
] as const;

export type WebhookEventName = (typeof WEBHOOK_EVENT_NAMES)[number];
`;
}
