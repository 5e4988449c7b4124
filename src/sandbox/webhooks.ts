// Which webhook events happen, and with what payload. Changes made through the API raise
// `<resource>.created`, `<resource>.updated` and `<resource>.<new status>` where the spec has such
// an event; trigger() raises the others. Sending them is deliveries.ts's job.
import type { Presenter } from './answers.js';
import { Deliveries, type DeliveryOptions, type WebhookEnvelope } from './deliveries.js';
import { ApiError, notFound } from './errors.js';
import { newObjectId } from './ids.js';
import type { ApiModel, Collection } from './model.js';
import { camel, eventResource } from './names.js';
import type { Records, WriteContext } from './records.js';
import type { Schema } from './spec.js';
import type { Store, Resource } from './store.js';
import type { Validators } from './validation.js';

interface Parts {
  model: ApiModel;
  store: Store;
  records: Records;
  presenter: Presenter;
  validators: Validators;
  context: () => WriteContext;
}

export class Webhooks {
  readonly deliveries: Deliveries;

  constructor(
    private readonly parts: Parts,
    options: DeliveryOptions,
  ) {
    const endpoints = parts.model.collection('/v1/webhooks');
    this.deliveries = new Deliveries(parts.store, endpoints?.key, () => parts.context().nowMs, options);
  }

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

  /**
   * Raises `event` for a record of a top-level collection as it stands (purchases and the store's
   * clock raise their events one by one, in their own documented order). Nothing happens for an
   * event the spec does not have. `extra` adds payload fields (`recoveryUrl`).
   */
  raise(event: string, collection: Collection, record: Resource, extra: Resource = {}): WebhookEnvelope | undefined {
    if (!this.events[event]) return undefined;
    return this.send(event, { ...this.payload(event, collection, record), ...extra });
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
    this.deliveries.send(envelope);
    return envelope;
  }
}
