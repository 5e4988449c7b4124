import type { Cases } from './types.ts';

const bookingId = '6851c2d39f39b6760576f301';

export const bookingCases: Cases = {
  listBookings: (c, headers) =>
    c.GET('/v1/bookings', {
      params: { query: { pageId: '6650a1b2c3d4e5f6a7b8c901', isComplimentary: 'false', status: 'paid', limit: 20 } },
      headers,
    }),
  createBooking: (c, headers) =>
    c.POST('/v1/bookings', {
      body: {
        eventId: '6650a1b2c3d4e5f6a7b8c901',
        tickets: { '6650a1b2c3d4e5f6a7b8c921': 3, '6650a1b2c3d4e5f6a7b8c922': 2 },
        ticketPwywAmounts: { '6650a1b2c3d4e5f6a7b8c922': 2000 },
        fields: [
          { fieldId: '6650a1b2c3d4e5f6a7b8c931', value: 'accounts@northwind.example' },
          { fieldId: '6650a1b2c3d4e5f6a7b8c932', value: 'Northwind Traders' },
          {
            fieldId: '6650a1b2c3d4e5f6a7b8c934',
            value: { billing: { name: 'Northwind Traders Lda', line1: 'Rua Augusta 100', city: 'Lisboa', postalCode: '1100-053', country: 'PT' } },
          },
          { fieldId: '6650a1b2c3d4e5f6a7b8c935', value: 'PT509442013', meta: { type: 'eu_vat' } },
        ],
        paymentOption: { manualType: 'invoice' },
        couponId: '66b2d1e5c3f4a5b6c7d8e9f0',
        queryParameters: { utm_source: 'partner', utm_campaign: 'summit-2026' },
      },
      headers,
    }),
  getBooking: (c, headers) => c.GET('/v1/bookings/{bookingId}', { params: { path: { bookingId } }, headers }),
  downloadBookingTicketPdf: (c, headers) =>
    c.GET('/v1/bookings/{bookingId}/ticket-pdf', { params: { path: { bookingId } }, parseAs: 'arrayBuffer', headers }),
};
