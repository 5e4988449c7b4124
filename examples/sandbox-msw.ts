// The sandbox behind Mock Service Worker: code that calls the real API host (here the client with
// its default base URL, as in production) talks to an in-process sandbox instead, unchanged.
// Run it: npx tsx examples/sandbox-msw.ts
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { createCheckoutPageClient } from 'checkoutpage-openapi';
import { createSandbox } from 'checkoutpage-openapi/sandbox';

const sandbox = createSandbox();
const server = setupServer(http.all('https://api.checkoutpage.com/*', ({ request }) => sandbox.handle(request)));
server.listen({ onUnhandledRequest: 'error' });

try {
  const client = createCheckoutPageClient({ apiKey: 'sk_test_example' });
  const coupon = await client.coupons.create({ label: 'Launch week', code: 'LAUNCH20', percentOff: 20, duration: 'once' });
  const found = await client.coupons.list({ search: 'launch' });
  console.log(JSON.stringify({ created: coupon.code, listed: found.data.map((c) => c.code), total: found.total }));
} finally {
  server.close();
}
