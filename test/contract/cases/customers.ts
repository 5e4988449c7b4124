import type { Cases } from './types.ts';

const customerId = '6812fe6e9f39b6760576f01c';

export const customerCases: Cases = {
  listCustomers: (c, headers) =>
    c.GET('/v1/customers', { params: { query: { search: 'jane', createdAfter: '2026-01-01T00:00:00Z' } }, headers }),
  getCustomer: (c, headers) => c.GET('/v1/customers/{customerId}', { params: { path: { customerId } }, headers }),
  updateCustomer: (c, headers) =>
    c.PATCH('/v1/customers/{customerId}', {
      params: { path: { customerId } },
      body: { phone: '+447700900456', companyName: null, address: { line1: '48 Canal Road' } },
      headers,
    }),
};
