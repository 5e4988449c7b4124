import type { Cases } from './types.ts';

const couponId = '66a1c0f4b2d3e4f5a6b7c8d9';

export const couponCases: Cases = {
  listCoupons: (c, headers) => c.GET('/v1/coupons', { params: { query: { search: 'SPRING', limit: 20 } }, headers }),
  createCoupon: (c, headers) =>
    c.POST('/v1/coupons', {
      body: {
        label: '£5 off your first 3 months',
        code: 'WELCOME5',
        amountOff: 500,
        currency: 'gbp',
        duration: 'repeating',
        durationInMonths: 3,
        maxRedemptions: 100,
        pageIds: ['6630b4d1c4e8a91d2f7b3a40'],
      },
      headers,
    }),
  updateCoupon: (c, headers) =>
    c.PATCH('/v1/coupons/{couponId}', {
      params: { path: { couponId } },
      body: { maxRedemptions: 200, redeemBy: '2026-06-30T23:59:59Z' },
      headers,
    }),
};
