// Type-level tests of the createBooking body: a complimentary booking cannot carry a coupon or a
// payment option, and the generated types must say so. Checked by `tsc -p tsconfig.json`
// (test/project/typecheck.test.ts); never executed. Each invalid body is on ONE line, under its own
// expect-error directive, and differs from a valid body only by the rule it breaks, so the
// directive cannot be satisfied by an unrelated error.
import type { components } from '../../generated/schema.js';

type CreateBookingRequest = components['schemas']['CreateBookingRequest'];

const eventId = '6650a1b2c3d4e5f6a7b8c901';
const couponId = '66b2d1e5c3f4a5b6c7d8e9f0';
const tickets = { '6650a1b2c3d4e5f6a7b8c921': 1 };
const fields = [{ fieldId: '6650a1b2c3d4e5f6a7b8c931', value: 'ana.costa@example.com' }];

export function bookingBodies(): CreateBookingRequest[] {
  // Valid: the minimum (no payment option, not complimentary).
  const minimal: CreateBookingRequest = { eventId, tickets, fields };
  // Valid: complimentary.
  const complimentary: CreateBookingRequest = { eventId, tickets, fields, complimentary: true };
  // Valid: paid by invoice, with a coupon.
  const invoiceWithCoupon: CreateBookingRequest = { eventId, tickets, fields, paymentOption: { manualType: 'invoice' }, couponId };
  // Valid: explicitly not complimentary, cash on delivery, with a coupon.
  const notComplimentary: CreateBookingRequest = { eventId, tickets, fields, complimentary: false, paymentOption: { manualType: 'cash_on_delivery' }, couponId };
  // Valid: an address answer, a tax id with its type, a pay-what-you-want amount and attribution.
  const full: CreateBookingRequest = {
    eventId,
    tickets: { '6650a1b2c3d4e5f6a7b8c921': 3, '6650a1b2c3d4e5f6a7b8c922': 2 },
    ticketPwywAmounts: { '6650a1b2c3d4e5f6a7b8c922': 2000 },
    fields: [
      { fieldId: '6650a1b2c3d4e5f6a7b8c931', value: 'accounts@northwind.example' },
      { fieldId: '6650a1b2c3d4e5f6a7b8c934', value: { billing: { country: 'PT', line1: 'Rua Augusta 100', city: 'Lisboa' }, sameAsShipping: true } },
      { fieldId: '6650a1b2c3d4e5f6a7b8c935', value: 'PT509442013', meta: { type: 'eu_vat' } },
    ],
    paymentOption: { manualType: 'invoice' },
    queryParameters: { utm_source: 'partner' },
  };

  // @ts-expect-error -- a complimentary booking cannot use a coupon
  const complimentaryWithCoupon: CreateBookingRequest = { eventId, tickets, fields, complimentary: true, couponId };
  // @ts-expect-error -- a complimentary booking cannot have a payment option
  const complimentaryWithPaymentOption: CreateBookingRequest = { eventId, tickets, fields, complimentary: true, paymentOption: { manualType: 'invoice' } };

  return [minimal, complimentary, invoiceWithCoupon, notComplimentary, full, complimentaryWithCoupon, complimentaryWithPaymentOption];
}
