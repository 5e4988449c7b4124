// downloadBookingTicketPdf: one small, valid PDF listing the booking's tickets. Like the API, a
// booking that issued no tickets (not paid, or abandoned) has no PDF: 404.
import type { Handler } from '../engine.js';
import { notFound } from '../errors.js';
import type { Resource } from '../store.js';
import { textPdf } from './pdf.js';

const ISSUES_TICKETS = new Set(['paid', 'partially_paid', 'partial_refund']);

export const downloadBookingTicketPdf: Handler = ({ engine, route, params }) => {
  const collection = route.collection!;
  const booking = engine.find(collection, route, params).record;
  if (!ISSUES_TICKETS.has(String(booking.status))) throw notFound('This booking has no ticket PDF');
  const tickets = engine.model.collection('/v1/tickets');
  const attendees = tickets ? engine.store.list(tickets.key).filter((t) => t.record.bookingId === booking.id) : [];
  const lines = [
    `Tickets for order ${String(booking.orderId ?? booking.id)}`,
    String(booking.eventTitle ?? ''),
    ...((booking.tickets as Resource[] | null | undefined) ?? []).map((line) => `${String(line.quantity ?? 1)} x ${String(line.name ?? 'Ticket')}`),
    ...attendees.map((t) => `${String(t.record.ticketShortId ?? t.id)}  ${String(t.record.attendeeName ?? t.record.attendeeEmail ?? '')}`),
  ];
  const name = `tickets-${String(booking.orderId ?? booking.id)}.pdf`;
  return new Response(textPdf(lines), { status: 200, headers: { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="${name}"` } });
};
