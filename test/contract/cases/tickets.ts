import type { Cases } from './types.ts';

const ticketId = '6851c2d49f39b6760576f306';
const checkInCode = '9f1c27e4b8a34d0e8a6f5b21c3d7e904';

export const ticketCases: Cases = {
  listTickets: (c, headers) =>
    c.GET('/v1/tickets', {
      params: { query: { bookingId: '6851c2d39f39b6760576f301', status: 'PAID', checkInStatus: 'CHECKEDIN', limit: 50 } },
      headers,
    }),
  updateTicket: (c, headers) =>
    c.PATCH('/v1/tickets/{ticketId}', {
      params: { path: { ticketId } },
      body: {
        attendeeName: 'Tiago Ferreira',
        attendeeEmail: 'tiago.ferreira@example.com',
        metadata: [
          { key: 'dietary', value: 'vegetarian' },
          { key: 'tshirt_size', value: null },
        ],
      },
      headers,
    }),
  validateTicket: (c, headers) =>
    c.POST('/v1/tickets/validate/{checkInCode}', {
      params: { path: { checkInCode } },
      body: { metadata: [{ key: 'gate', value: 'B' }] },
      headers,
    }),
};
