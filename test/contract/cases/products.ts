import type { Cases } from './types.ts';

const productId = '6630b3a8c4e8a91d2f7b3a23';

export const productCases: Cases = {
  listProducts: (c, headers) => c.GET('/v1/products', { params: { query: { role: 'orderbump', search: 'workshop', limit: 20 } }, headers }),
  getProduct: (c, headers) => c.GET('/v1/products/{productId}', { params: { path: { productId } }, headers }),
  updateProduct: (c, headers) =>
    c.PATCH('/v1/products/{productId}', {
      params: { path: { productId } },
      body: {
        prices: [
          { id: '6630b3a8c4e8a91d2f7b3a24', amount: 20000, billingType: 'one_time', currency: 'gbp', label: 'Standard' },
          { amount: 2900, billingType: 'recurring', currency: 'gbp', label: 'Monthly access', recurring: { interval: 'month', intervalCount: 1 } },
          { amount: 7500, billingType: 'recurring', currency: 'gbp', label: 'In 3 payments', paymentPlan: { planIterations: 3, interval: 'month' } },
        ],
        variants: [
          {
            id: '6632f1a0b9c8d7e6f5a4b3c2',
            name: 'Workbook',
            options: [
              { id: '6632f1a0b9c8d7e6f5a4b3c3', name: 'Digital workbook (PDF)', key: 'pdf' },
              { name: 'Printed workbook', key: 'print', additionalChargeAmount: 2500 },
            ],
            preselect: { enabled: true, optionId: 'pdf' },
          },
        ],
        discounts: [{ quantityCondition: 'variant_option_quantity', minQuantity: 3, percentOff: 10, variantOptionIds: [{ key: 'print' }] }],
        stock: 20,
      },
      headers,
    }),
};
