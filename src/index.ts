// The package entry: the client, its errors, pagination and webhook verification, and the types.
export { createCheckoutPageClient, DEFAULT_BASE_URL } from './client.js';
export type { CheckoutPageClient, CheckoutPageClientOptions } from './client.js';
export { CheckoutPageError, CheckoutPageConnectionError, CheckoutPageTimeoutError } from './errors.js';
export type { ErrorDetail } from './errors.js';
export { paginate } from './pagination.js';
export type { ItemOf, Page, PaginatedPath, PaginateOptions } from './pagination.js';
export { ListRequest, toFormData } from './runtime.js';
export type { Body, Data, FormBody, Ok, Query, RequestOptions } from './runtime.js';
export type { Resources } from '../generated/resources.js';
export type { paths, components, operations, webhooks } from '../generated/schema.js';
export { constructWebhookEvent, WebhookSignatureError, WEBHOOK_EVENT_NAMES } from './webhooks.js';
export type {
  ConstructWebhookEventOptions,
  WebhookEvent,
  WebhookEventName,
  WebhookHeaders,
  WebhookSignatureFailure,
} from './webhooks.js';
