// The delivery log keeps the newest attempts only, so a long-running sandbox's memory stays
// bounded: 1 000 by default, `webhookLogSize` to choose.
import { describe, expect, it } from 'vitest';
import { checkedSandbox } from './support.ts';

async function failingDeliveries(options: { webhookLogSize?: number }, events: number) {
  const s = checkedSandbox({ ...options, webhookRetryDelaysMs: [], webhookFetch: async () => new Response(null, { status: 500 }) });
  await s.client.webhooks.create({ name: 'log', url: 'https://example.com/log', events: ['payment.paid'] });
  const raised: string[] = [];
  for (let i = 0; i < events; i++) {
    raised.push(s.sandbox.trigger('payment.paid').eventId);
    // One at a time, so the log's order is the order raised.
    await s.sandbox.webhooksSettled();
  }
  expect(s.problems).toEqual([]);
  return { log: s.sandbox.deliveries, raised };
}

describe('the delivery log', () => {
  it('keeps as many attempts as webhookLogSize says, the newest', async () => {
    const { log, raised } = await failingDeliveries({ webhookLogSize: 4 }, 9);
    expect(log.map((d) => d.eventId)).toEqual(raised.slice(-4));
    expect(log.every((d) => d.status === 500 && !d.ok)).toBe(true);
  });

  it('keeps 1 000 by default', async () => {
    const { log, raised } = await failingDeliveries({}, 1010);
    expect(log).toHaveLength(1000);
    expect(log[0]!.eventId).toBe(raised[10]);
  });
});
