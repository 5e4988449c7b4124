// Type-level checks of webhook events: the union narrows by `event`. Checked by tsc, never run.
import { constructWebhookEvent } from '../../src/index.ts';

export async function handle(rawBody: string, headers: Record<string, string>) {
  const event = await constructWebhookEvent(rawBody, headers, 'whsec_example');
  if (event.event === 'payment.paid') {
    const amount: number = event.data.payment.amount;
    void amount;
    // @ts-expect-error -- a payment event carries no booking
    void event.data.booking;
  }
  if (event.event === 'booking.abandoned') {
    const url: string | null | undefined = event.data.recoveryUrl;
    void url;
  }
  // @ts-expect-error -- not an event Checkout Page sends
  if (event.event === 'payment.settled') return;
}
