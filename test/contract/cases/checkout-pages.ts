import type { Cases } from './types.ts';

// The Brand Strategy Workshop of the examples: the checkout page of the payment examples.
const pageId = '6630b3a8c4e8a91d2f7b3a22';
const fieldId = '6630b3a8c4e8a91d2f7b3a32';

const page = { path: { pageId } };
const field = { path: { pageId, fieldId } };

export const checkoutPageCases: Cases = {
  listCheckoutPages: (c, headers) =>
    c.GET('/v1/checkout-pages', { params: { query: { status: 'published', search: 'workshop', testmode: 'false', limit: 10 } }, headers }),
  createCheckoutPage: (c, headers) =>
    c.POST('/v1/checkout-pages', {
      body: {
        name: 'Brand Strategy Workshop',
        slug: 'brand-strategy-workshop',
        productData: { title: 'Brand Strategy Workshop', price: { amount: 20000, currency: 'gbp' } },
        fields: [
          { key: 'full-name', label: 'Full name', element: 'text', type: 'name', required: true },
          { key: 'email', label: 'Email', element: 'email', type: 'email', required: true },
        ],
        paymentOptions: [
          { type: 'full', name: 'Pay in full', enabled: true, showPaymentButton: true },
          { type: 'manual', manualType: 'invoice', name: 'Pay by invoice', enabled: true, showPaymentButton: true },
        ],
        tax: { enabled: true, mode: 'stripe' },
        funnelSteps: [
          { type: 'upsell', enabled: true, order: 0, config: { action: 'checkout', pageId: '6630b5e2c4e8a91d2f7b3a50' } },
          { type: 'confirmation', enabled: true, order: 1, config: { action: 'redirect', redirectUrl: 'https://acme-studio.com/thanks' } },
        ],
        redirectUrlQuery: [{ key: 'fields', fieldKey: 'email', parameter: 'email' }],
      },
      headers,
    }),
  getCheckoutPage: (c, headers) => c.GET('/v1/checkout-pages/{pageId}', { params: page, headers }),
  updateCheckoutPage: (c, headers) =>
    c.PATCH('/v1/checkout-pages/{pageId}', {
      params: page,
      body: { showCouponCodeField: false, redirectUrlPath: [{ key: 'fields', fieldId: '6630b3a8c4e8a91d2f7b3a31' }] },
      headers,
    }),
  deleteCheckoutPage: (c, headers) => c.DELETE('/v1/checkout-pages/{pageId}', { params: page, headers }),

  listCheckoutPageFields: (c, headers) => c.GET('/v1/checkout-pages/{pageId}/fields', { params: page, headers }),
  createCheckoutPageField: (c, headers) =>
    c.POST('/v1/checkout-pages/{pageId}/fields', {
      params: page,
      body: {
        label: 'Company size',
        element: 'select',
        reference: 'company-size',
        options: [
          { label: 'Just me', value: '1' },
          { label: '2 to 10 people', value: '2-10' },
        ],
      },
      headers,
    }),
  getCheckoutPageField: (c, headers) => c.GET('/v1/checkout-pages/{pageId}/fields/{fieldId}', { params: field, headers }),
  updateCheckoutPageField: (c, headers) =>
    c.PATCH('/v1/checkout-pages/{pageId}/fields/{fieldId}', { params: field, body: { required: true }, headers }),
  deleteCheckoutPageField: (c, headers) => c.DELETE('/v1/checkout-pages/{pageId}/fields/{fieldId}', { params: field, headers }),
};
