import type { Cases } from './types.ts';

const webhookId = '6816f3a19f39b6760576f500';

export const webhookCases: Cases = {
  listWebhooks: (c, headers) =>
    c.GET('/v1/webhooks', { params: { query: { status: 'active', event: 'payment.paid', limit: 10 } }, headers }),
  createWebhook: (c, headers) =>
    c.POST('/v1/webhooks', {
      body: {
        name: 'Order sync',
        url: 'https://hooks.acme-studio.example/checkoutpage',
        events: ['payment.paid', 'payment.abandoned', 'customer.created'],
        customHeaders: { 'X-Acme-Source': 'checkoutpage' },
      },
      headers,
    }),
  getWebhook: (c, headers) => c.GET('/v1/webhooks/{webhookId}', { params: { path: { webhookId } }, headers }),
  updateWebhook: (c, headers) =>
    c.PATCH('/v1/webhooks/{webhookId}', {
      params: { path: { webhookId } },
      body: { events: ['payment.paid', 'subscription.canceled'], status: 'inactive' },
      headers,
    }),
  deleteWebhook: (c, headers) => c.DELETE('/v1/webhooks/{webhookId}', { params: { path: { webhookId } }, headers }),
};
