// The client every example uses: the key (and optionally a base URL, such as the Prism mock) from the environment.
import { createCheckoutPageClient } from 'checkoutpage-openapi';

export const client = createCheckoutPageClient({
  apiKey: process.env.CHECKOUTPAGE_API_KEY ?? '',
  ...(process.env.CHECKOUTPAGE_BASE_URL ? { baseUrl: process.env.CHECKOUTPAGE_BASE_URL } : {}),
});
