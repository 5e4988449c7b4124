// A webhook receiver on this machine that verifies every delivery as an application does
// (constructWebhookEvent with the endpoint's secret) and checks its body against the event's schema
// in the spec. Deliveries to one endpoint come one at a time, so `events` is in the order raised.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { constructWebhookEvent, type WebhookEvent } from '../../src/index.ts';
import { bundle } from '../support/bundle.ts';
import { assertMatches } from '../support/schema.ts';

export interface Receiver {
  url: string;
  /** Verified events, in the order they arrived; a delivery that fails verification is in `problems`. */
  events: WebhookEvent[];
  problems: string[];
  /** The secret to verify with (set it once the endpoint is created). */
  secret: string;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const receiver: Receiver = { url: '', events: [], problems: [], secret: '', close: async () => {} };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      constructWebhookEvent(body, req.headers, receiver.secret, { toleranceSeconds: 300 })
        .then((event) => {
          const schema = (bundle.webhooks as any)[event.event].post.requestBody.content['application/json'].schema.$ref as string;
          assertMatches(schema, event);
          receiver.events.push(event);
        })
        .catch((error: Error) => receiver.problems.push(error.message))
        .finally(() => res.writeHead(200).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  receiver.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return receiver;
}

/** Every event a purchase or the clock can raise. */
export const PURCHASE_EVENTS = [
  'customer.created', 'payment.created', 'payment.paid', 'payment.abandoned', 'booking.created', 'booking.paid', 'booking.abandoned', 'ticket.created',
  'subscription.created', 'subscription.trialing', 'subscription.active', 'subscription.abandoned', 'subscription.completed', 'subscription.canceled', 'submission.created',
] as const;
