import type { Cases } from './types.ts';

const taxRateId = '6632f1a0b9c8d7e6f5a4b3e2';

export const taxRateCases: Cases = {
  listTaxRates: (c, headers) => c.GET('/v1/tax-rates', { headers }),
  createTaxRate: (c, headers) => c.POST('/v1/tax-rates', { body: { displayName: 'VAT', percentage: 20, inclusive: false, default: true }, headers }),
  updateTaxRate: (c, headers) =>
    c.PATCH('/v1/tax-rates/{taxRateId}', { params: { path: { taxRateId } }, body: { displayName: 'Reduced VAT', default: false }, headers }),
  deleteTaxRate: (c, headers) => c.DELETE('/v1/tax-rates/{taxRateId}', { params: { path: { taxRateId } }, headers }),
};
