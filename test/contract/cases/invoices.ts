import type { Cases } from './types.ts';

const id = '6632f1a0b9c8d7e6f5a4b3f1';

export const invoiceCases: Cases = {
  listInvoices: (c, headers) =>
    c.GET('/v1/invoices', {
      params: {
        query: {
          search: 'northwind',
          status: 'open',
          customerId: '6813a0c19f39b6760576f197',
          chargeId: '6813a0c19f39b6760576f19b',
          poNumber: 'PO-5678',
          createdAfter: '2026-03-01T00:00:00Z',
          createdBefore: '2026-03-31T23:59:59Z',
          livemode: 'true',
          limit: 20,
        },
      },
      headers,
    }),
  getInvoice: (c, headers) => c.GET('/v1/invoices/{id}', { params: { path: { id }, query: { livemode: 'true' } }, headers }),
  regenerateInvoice: (c, headers) => c.POST('/v1/invoices/{id}/regenerate', { params: { path: { id } }, body: {}, headers }),
};
