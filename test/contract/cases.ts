// One call per operation, made through the typed client. The contract suite runs each case for the
// 2xx answer and again for every documented error status; the coverage guard demands a case per operation.
import type { CheckoutPageClient } from '../../src/index.ts';
import { ids } from '../support/ids.ts';

export interface CallResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}
export type Case = (client: CheckoutPageClient, headers: Record<string, string>) => Promise<CallResult>;

export const cases: Record<string, Case> = {
  getAccount: (c, headers) => c.GET('/v1/account', { headers }),

  listPayments: (c, headers) =>
    c.GET('/v1/payments', { params: { query: { status: 'paid', limit: 2, livemode: 'true' } }, headers }),
  getPayment: (c, headers) =>
    c.GET('/v1/payments/{paymentId}', { params: { path: { paymentId: ids.payment } }, headers }),

  listCustomers: (c, headers) =>
    c.GET('/v1/customers', { params: { query: { search: 'jane', createdAfter: '2026-01-01T00:00:00Z' } }, headers }),
  getCustomer: (c, headers) =>
    c.GET('/v1/customers/{customerId}', { params: { path: { customerId: ids.customer } }, headers }),
  updateCustomer: (c, headers) =>
    c.PATCH('/v1/customers/{customerId}', {
      params: { path: { customerId: ids.customer } },
      body: { phone: '+447700900456', companyName: null, address: { line1: '48 Canal Road' } },
      headers,
    }),
};
