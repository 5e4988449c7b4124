// cancelSubscription: the timing decides what changes. `cancelImmediately` ends the subscription
// now (status `canceled`); `cancelAtPeriodEnd` and `cancelAt` schedule the end and leave the status
// as it is (the sandbox does not end it later by itself: trigger `subscription.canceled` for that).
import type { Handler } from '../engine.js';
import { ApiError, json } from '../errors.js';
import { objectIdFor } from '../ids.js';

export const cancelSubscription: Handler = (ctx) => {
  const { engine, route, params, write } = ctx;
  const collection = route.collection!;
  const entry = engine.find(collection, route, params);
  const body = ctx.body.value as { cancelImmediately?: true; cancelAtPeriodEnd?: true; cancelAt?: string; reason?: string };
  const before = entry.record;
  if (before.status === 'canceled') throw new ApiError(400, 'The subscription is already canceled');
  const now = new Date(write.nowMs).toISOString();
  const record: Record<string, unknown> = { ...before, updatedAt: now, canceledByApiKey: objectIdFor(ctx.apiKey), canceledByApiKeyName: 'Sandbox API key' };
  if (body.reason !== undefined) record.reason = body.reason;
  if (body.cancelImmediately) {
    Object.assign(record, { status: 'canceled', canceledAt: now, cancelAtPeriodEnd: false });
    delete record.cancelAt;
  } else if (body.cancelAtPeriodEnd) {
    Object.assign(record, { cancelAtPeriodEnd: true });
    if (typeof before.currentPeriodEnd === 'string') record.cancelAt = before.currentPeriodEnd;
  } else if (body.cancelAt !== undefined) {
    if (Date.parse(body.cancelAt) <= write.nowMs) {
      throw new ApiError(400, 'Invalid request parameters', [{ param: 'cancelAt', message: 'must be in the future', value: body.cancelAt }]);
    }
    Object.assign(record, { cancelAt: body.cancelAt, cancelAtPeriodEnd: false });
  }
  const change = engine.store.begin();
  change.put(collection.key, entry.scope, record, entry.seeded);
  change.commit();
  engine.webhooks.recordChanged(collection, before, record);
  return json(engine.answerOf(route).status, { data: { success: true } });
};
