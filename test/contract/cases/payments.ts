import type { Cases } from './types.ts';

const paymentId = '6812fe6e9f39b6760576f01d';

export const paymentCases: Cases = {
  listPayments: (c, headers) =>
    c.GET('/v1/payments', { params: { query: { status: 'paid', limit: 2, livemode: 'true' } }, headers }),
  getPayment: (c, headers) => c.GET('/v1/payments/{paymentId}', { params: { path: { paymentId } }, headers }),
};
