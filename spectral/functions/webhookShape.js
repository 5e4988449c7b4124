// Every webhook: the three signature headers (shared parameters) and a body built on the shared
// envelope, with `event` narrowed to the webhook's own name.
import { deref } from './lib.js';

const HEADERS = {
  'x-webhook-signature': '#/components/parameters/WebhookSignature',
  'x-webhook-timestamp': '#/components/parameters/WebhookTimestamp',
  'x-webhook-delivery-attempt': '#/components/parameters/WebhookDeliveryAttempt',
};
const ENVELOPE = '#/components/schemas/WebhookEnvelope';

export default function webhookShape(item, _options, context) {
  const name = String(context.path[context.path.length - 1]);
  const operation = item && item.post;
  if (!operation) return [{ message: `Webhook "${name}" must describe the delivery as a post operation.` }];
  const document = context.document.data;
  const at = (...rest) => [...context.path, 'post', ...rest];
  const results = [];
  const refs = new Set([...(item.parameters || []), ...(operation.parameters || [])].map((p) => p.$ref));
  for (const [header, ref] of Object.entries(HEADERS)) {
    if (!refs.has(ref)) results.push({ message: `Webhook "${name}" must declare the ${header} header: add { $ref: '${ref}' }.`, path: at('parameters') });
  }
  const media = operation.requestBody && deref(document, operation.requestBody).content;
  const schema = media && media['application/json'] && deref(document, media['application/json'].schema);
  const parts = (schema && schema.allOf) || [];
  const onEnvelope = parts.some((part) => part.$ref === ENVELOPE);
  const narrowed = parts.some((part) => part.properties && part.properties.event && part.properties.event.const === name);
  if (!onEnvelope || !narrowed) {
    results.push({
      message: `Webhook "${name}" body must be allOf [{ $ref: '${ENVELOPE}' }, { properties: { event: { const: '${name}' }, data: ... } }].`,
      path: at('requestBody'),
    });
  }
  return results;
}
