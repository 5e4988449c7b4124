// Webhook deliveries, signed as the API signs them: a JSON POST of the event envelope with
// `x-webhook-signature: sha256=<HMAC-SHA256 of the raw body, keyed with the endpoint's secret>`,
// `x-webhook-timestamp` and `x-webhook-delivery-attempt`, plus the endpoint's custom headers.
// Changes made through the API raise `<resource>.created`, `<resource>.updated` and
// `<resource>.<new status>` where the spec has such an event; trigger() raises the others.
import { createHmac } from 'node:crypto';
import type { Presenter } from './answers.js';
import { ApiError, notFound } from './errors.js';
import { newObjectId } from './ids.js';
import type { ApiModel, Collection } from './model.js';
import { camel, eventResource } from './names.js';
import type { Records, WriteContext } from './records.js';
import type { Schema } from './spec.js';
import type { Store, Resource } from './store.js';
import type { Validators } from './validation.js';

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

export interface WebhookOptions {
  fetch: typeof globalThis.fetch;
  /** Pauses before each retry of a failed delivery; its length + 1 is the number of attempts. */
  retryDelaysMs: number[];
  timeoutMs: number;
}

interface Parts {
  model: ApiModel;
  store: Store;
  records: Records;
  presenter: Presenter;
  validators: Validators;
  context: () => WriteContext;
}

export class Webhooks {
  readonly deliveries: Delivery[] = [];
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly parts: Parts,
    private readonly options: WebhookOptions,
  ) {}

  private get events(): Record<string, any> {
    return this.parts.model.reader.doc.webhooks ?? {};
  }

  /** The collection a webhook resource (`checkout_page`) names, if the bundle has it. */
  private collectionOf(event: string): Collection | undefined {
    const resource = event.split('.')[0];
    return [...this.parts.model.collections.values()].find((c) => !c.parent && eventResource(c.segment) === resource);
  }

  private dataSchema(event: string): Schema | undefined {
    const { reader } = this.parts.model;
    const body = reader.resolve(this.events[event]?.post?.requestBody)?.content?.['application/json'];
    return reader.shape(body?.schema).properties.get('data');
  }

  /** The events a change of a top-level record raises, delivered to the endpoints subscribed to them. */
  recordChanged(collection: Collection, before: Resource | undefined, after: Resource): void {
    if (collection.parent) return;
    const resource = eventResource(collection.segment);
    const names = [`${resource}.${before ? 'updated' : 'created'}`];
    if (typeof after.status === 'string' && after.status !== before?.status) names.push(`${resource}.${after.status.toLowerCase()}`);
    for (const event of new Set(names)) if (this.events[event]) this.send(event, this.payload(event, collection, after));
  }

  private payload(event: string, collection: Collection, record: Resource): Resource {
    const { reader } = this.parts.model;
    const schema = this.dataSchema(event);
    const key = camel(eventResource(collection.segment));
    const field = reader.shape(schema).properties.get(key);
    const data: Resource = field ? { [key]: this.parts.presenter.present(record, collection, '', field, this.parts.context()) } : {};
    return this.parts.records.complete(data, schema, this.parts.context());
  }

  /**
   * Raises an event the API sends on its own (a payment paid, a subscription renewed...). The
   * payload is `data` as given (its record is then stored as the sandbox's), else built from the
   * record `id` names (else from the event's example record, added if missing); when the event's
   * name is a status of that record, the record takes it.
   */
  trigger(event: string, options: { id?: string; data?: Resource } = {}): WebhookEnvelope {
    if (!this.events[event]) throw new ApiError(400, `Unknown event "${event}"`, [{ param: 'event', message: 'is not an event of the spec', value: event }]);
    const collection = this.collectionOf(event);
    const { store, model } = this.parts;
    if (options.data !== undefined) {
      const schema = this.dataSchema(event);
      const errors = schema ? this.parts.validators.schema(schema)(options.data) : undefined;
      if (errors) throw new ApiError(400, 'Invalid event data', errors);
      const record = collection ? (options.data[camel(eventResource(collection.segment))] as Resource | undefined) : undefined;
      if (collection && typeof record?.id === 'string') {
        const change = store.begin();
        change.put(collection.key, store.get(collection.key, record.id)?.scope ?? '', structuredClone(record));
        change.commit();
      }
      return this.send(event, options.data);
    }
    const example = this.exampleData(event);
    if (!collection) return this.send(event, example ?? {});
    const key = camel(eventResource(collection.segment));
    const id = options.id ?? (example?.[key] as Resource | undefined)?.id;
    const change = store.begin();
    let entry = typeof id === 'string' ? store.get(collection.key, id) : undefined;
    if (!entry) {
      if (options.id !== undefined || !example?.[key]) throw notFound(`No ${key} with id ${String(id)}`);
      entry = change.put(collection.key, '', structuredClone(example[key]));
    }
    let record = entry.record;
    const verb = event.split('.')[1];
    const status = model.reader.shape(model.reader.shape(collection.itemSchema).properties.get('status'));
    if (verb && status.enum?.includes(verb) && record.status !== verb) {
      record = { ...record, status: verb, updatedAt: new Date(this.parts.context().nowMs).toISOString() };
      entry = change.put(collection.key, entry.scope, record);
    }
    change.commit();
    return this.send(event, this.payload(event, collection, record));
  }

  private exampleData(event: string): Resource | undefined {
    const { reader } = this.parts.model;
    const body = reader.resolve(this.events[event]?.post?.requestBody)?.content?.['application/json'];
    const first = Object.values<Schema>(body?.examples ?? {})[0];
    return reader.resolve(first)?.value?.data;
  }

  private send(event: string, data: Resource): WebhookEnvelope {
    const ctx = this.parts.context();
    const id = newObjectId(ctx.nowMs);
    const sellerId = ctx.sellerId ?? '';
    const envelope: WebhookEnvelope = {
      sellerId,
      seller_id: sellerId,
      eventId: id,
      event_id: id,
      event,
      timestamp: new Date(ctx.nowMs).toISOString(),
      data,
    };
    const endpoints = this.parts.model.collection('/v1/webhooks');
    for (const entry of endpoints ? this.parts.store.list(endpoints.key) : []) {
      const endpoint = entry.record;
      // Seeded endpoints come from the examples: their URLs are not real receivers.
      if (entry.seeded || endpoint.status !== 'active' || typeof endpoint.secret !== 'string') continue;
      if (!Array.isArray(endpoint.events) || !endpoint.events.includes(event)) continue;
      const delivery = this.deliver(entry.id, endpoint, envelope).finally(() => this.pending.delete(delivery));
      this.pending.add(delivery);
    }
    return envelope;
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
            'x-webhook-timestamp': String(Math.floor(this.parts.context().nowMs / 1000)),
            'x-webhook-delivery-attempt': String(attempt),
          },
          body,
          signal: AbortSignal.timeout(this.options.timeoutMs),
        });
        await answer.body?.cancel();
        delivery.status = answer.status;
        ok = delivery.ok = answer.status >= 200 && answer.status < 300;
      } catch (error) {
        delivery.error = error instanceof Error ? error.message : String(error);
      }
      this.deliveries.push(delivery);
    }
    this.recordOutcome(endpointId, ok);
  }

  /** The endpoint's delivery counters, as the API keeps them. */
  private recordOutcome(endpointId: string, ok: boolean): void {
    const endpoints = this.parts.model.collection('/v1/webhooks');
    const entry = endpoints && this.parts.store.get(endpoints.key, endpointId);
    if (!endpoints || !entry) return;
    const now = new Date(this.parts.context().nowMs).toISOString();
    const r = entry.record;
    const next = {
      ...r,
      deliveryCount: Number(r.deliveryCount ?? 0) + 1,
      successCount: Number(r.successCount ?? 0) + (ok ? 1 : 0),
      failureCount: Number(r.failureCount ?? 0) + (ok ? 0 : 1),
      lastTriggeredAt: now,
      ...(ok ? { lastSuccessAt: now } : { lastFailureAt: now }),
    };
    const change = this.parts.store.begin();
    change.put(endpoints.key, entry.scope, next, entry.seeded);
    change.commit();
  }

  /** Resolves once every delivery under way (retries included) has finished. */
  async settled(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }
}
