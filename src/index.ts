// The Checkout Page API client: openapi-fetch typed by the spec, with bearer authentication.
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from '../generated/schema.js';

export type { paths, components, operations } from '../generated/schema.js';

export const DEFAULT_BASE_URL = 'https://api.checkoutpage.com';

export interface CheckoutPageClientOptions {
  /** A secret API key from Settings > API Keys (sk_live_... or a test key). */
  apiKey: string;
  /** Defaults to the production API, https://api.checkoutpage.com. */
  baseUrl?: string;
  /** A fetch implementation to use instead of the global one. */
  fetch?: typeof globalThis.fetch;
}

export type CheckoutPageClient = Client<paths>;

export function createCheckoutPageClient(options: CheckoutPageClientOptions): CheckoutPageClient {
  const { apiKey } = options;
  if (typeof apiKey !== 'string' || apiKey.trim() === '') {
    throw new TypeError('createCheckoutPageClient: `apiKey` is required (find it under Settings > API Keys).');
  }
  const client = createClient<paths>({
    baseUrl: options.baseUrl ?? DEFAULT_BASE_URL,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const auth: Middleware = {
    onRequest({ request }) {
      request.headers.set('Authorization', `Bearer ${apiKey}`);
      return request;
    },
  };
  client.use(auth);
  return client;
}
