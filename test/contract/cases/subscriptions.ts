import type { Cases } from './types.ts';

const subscriptionId = '6814b7e29f39b6760576f2c1';
const subscriptionPaymentId = '6820c1a49f39b6760576f3d8';

export const subscriptionCases: Cases = {
  listSubscriptions: (c, headers) =>
    c.GET('/v1/subscriptions', {
      params: { query: { status: 'active', customerId: '6812fe6e9f39b6760576f01c', livemode: 'true', limit: 10 } },
      headers,
    }),
  getSubscription: (c, headers) =>
    c.GET('/v1/subscriptions/{subscriptionId}', { params: { path: { subscriptionId } }, headers }),
  cancelSubscription: (c, headers) =>
    c.POST('/v1/subscriptions/{subscriptionId}/cancel', {
      params: { path: { subscriptionId } },
      body: { cancelAtPeriodEnd: true, reason: 'Customer asked to stop after this month', sendCancellationEmail: true },
      headers,
    }),
  listSubscriptionPayments: (c, headers) =>
    c.GET('/v1/subscription-payments', {
      params: { query: { subscriptionId, paid: 'true', billingReason: 'subscription_cycle', limit: 20 } },
      headers,
    }),
  getSubscriptionPayment: (c, headers) =>
    c.GET('/v1/subscription-payments/{subscriptionPaymentId}', {
      params: { path: { subscriptionPaymentId }, query: { livemode: 'true' } },
      headers,
    }),
};
