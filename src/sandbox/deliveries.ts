// Sending webhook deliveries as the API does: a JSON POST of the event envelope, signed with
// `x-webhook-signature: sha256=<HMAC-SHA256 of the raw body, keyed with the endpoint's secret>`,
// with `x-webhook-timestamp`, `x-webhook-delivery-attempt` and the endpoint's custom headers;
// retried while the receiver does not answer 2xx, and counted on the endpoint. Each endpoint gets
// its deliveries one at a time, in the order the events were raised (a purchase's events arrive
// as a sequence), so a failing receiver delays the events after it.
import { createHmac } from 'node:crypto';
import type { Store, Resource } from './store.js';

export interface Delivery {
  eventId: string;
  event: string;
  endpointId: string;
  url: string;
  attempt: number;
  /** The receiver's HTTP status, if it answered. */
  status?: number;
  ok: boolean;
  error?: string;
}

export interface WebhookEnvelope {
  sellerId: string;
  seller_id: string;
  eventId: string;
  event_id: string;
  event: string;
  timestamp: string;
  data: Resource;
}

export interface DeliveryOptions {
  fetch: typeof globalThis.fetch;
  /** Pauses before each retry of a failed delivery; its length + 1 is the number of attempts. */
  retryDelaysMs: number[];
  timeoutMs: number;
  /**
   * The time the `x-webhook-timestamp` header carries (default: the store's time). The sandbox
   * passes its `now` option, so a store whose clock was advanced still signs deliveries that a
   * receiver's timestamp tolerance accepts.
   */
  sentAt?: () => number;
  /** How many delivery attempts the log keeps, the newest (default 1 000): memory stays bounded. */
  logSize?: number;
}

export class Deliveries {
  readonly log: Delivery[] = [];
  private readonly pending = new Set<Promise<void>>();
  /** The last delivery queued per endpoint: each endpoint gets its events one at a time, in the order raised. */
  private readonly queues = new Map<string, Promise<void>>();

  constructor(
    private readonly store: Store,
    /** The store key of the webhook endpoints' collection. */
    private readonly endpointsKey: string | undefined,
    private readonly now: () => number,
    private readonly options: DeliveryOptions,
  ) {}

  /** Sends the envelope to every active endpoint subscribed to its event, in the background, after that endpoint's earlier deliveries. */
  send(envelope: WebhookEnvelope): void {
    for (const entry of this.endpointsKey ? this.store.list(this.endpointsKey, '') : []) {
      const endpoint = entry.record;
      // Seeded endpoints come from the examples: their URLs are not real receivers.
      if (entry.seeded || endpoint.status !== 'active' || typeof endpoint.secret !== 'string') continue;
      if (!Array.isArray(endpoint.events) || !endpoint.events.includes(envelope.event)) continue;
      const previous = this.queues.get(entry.id) ?? Promise.resolve();
      const delivery: Promise<void> = previous
        .then(() => this.deliver(entry.id, endpoint, envelope))
        .finally(() => {
          this.pending.delete(delivery);
          if (this.queues.get(entry.id) === delivery) this.queues.delete(entry.id);
        });
      this.queues.set(entry.id, delivery);
      this.pending.add(delivery);
    }
  }

  /** Resolves once every delivery under way (retries included) has finished. */
  async settled(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }

  private async deliver(endpointId: string, endpoint: Resource, envelope: WebhookEnvelope): Promise<void> {
    const body = JSON.stringify(envelope);
    const signature = `sha256=${createHmac('sha256', endpoint.secret as string).update(body).digest('hex')}`;
    const attempts = this.options.retryDelaysMs.length + 1;
    let ok = false;
    for (let attempt = 1; attempt <= attempts && !ok; attempt++) {
      if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, this.options.retryDelaysMs[attempt - 2]));
      const delivery: Delivery = { eventId: envelope.eventId, event: envelope.event, endpointId, url: String(endpoint.url), attempt, ok: false };
      try {
        const answer = await this.options.fetch(String(endpoint.url), {
          method: 'POST',
          headers: {
            ...(endpoint.customHeaders as Record<string, string> | undefined),
            'content-type': 'application/json',
            'user-agent': 'CheckoutPage-Sandbox-Webhooks',
            'x-webhook-signature': signature,
            'x-webhook-timestamp': String(Math.floor((this.options.sentAt ?? this.now)() / 1000)),
            'x-webhook-delivery-attempt': String(attempt),
          },
          body,
          signal: AbortSignal.timeout(this.options.timeoutMs),
          // As the API: a redirect is not followed (the signed body is never re-sent elsewhere);
          // a 3xx answer counts as a failed attempt.
          redirect: 'manual',
        });
        await answer.body?.cancel();
        delivery.status = answer.status;
        ok = delivery.ok = answer.status >= 200 && answer.status < 300;
      } catch (error) {
        delivery.error = error instanceof Error ? error.message : String(error);
      }
      this.log.push(delivery);
      if (this.log.length > (this.options.logSize ?? 1000)) this.log.shift();
    }
    this.countOutcome(endpointId, ok);
  }

  /** The endpoint's delivery counters, as the API keeps them. */
  private countOutcome(endpointId: string, ok: boolean): void {
    const entry = this.endpointsKey ? this.store.get(this.endpointsKey, endpointId) : undefined;
    if (!entry || !this.endpointsKey) return;
    const now = new Date(this.now()).toISOString();
    const r = entry.record;
    const next = {
      ...r,
      deliveryCount: Number(r.deliveryCount ?? 0) + 1,
      successCount: Number(r.successCount ?? 0) + (ok ? 1 : 0),
      failureCount: Number(r.failureCount ?? 0) + (ok ? 0 : 1),
      lastTriggeredAt: now,
      ...(ok ? { lastSuccessAt: now } : { lastFailureAt: now }),
    };
    const change = this.store.begin();
    change.put(this.endpointsKey, entry.scope, next, entry.seeded);
    change.commit();
  }
}
