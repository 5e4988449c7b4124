// Type-level checks of paginate(): only paginated list paths are accepted, and items are typed.
// Checked by `tsc -p tsconfig.json` (test/project/typecheck.test.ts); never executed.
import { createCheckoutPageClient, paginate } from '../../src/index.ts';

declare const client: ReturnType<typeof createCheckoutPageClient>;

export async function checks() {
  for await (const payment of paginate(client, '/v1/payments', { query: { status: 'paid', limit: 100 } })) {
    const amount: number = payment.amount;
    void amount;
  }
  // @ts-expect-error -- the account is not a list
  paginate(client, '/v1/account');
  // @ts-expect-error -- a single payment is not a list
  paginate(client, '/v1/payments/{paymentId}');
  // @ts-expect-error -- `status` only takes the documented values
  paginate(client, '/v1/payments', { query: { status: 'settled' } });
}
