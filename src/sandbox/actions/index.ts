// The operations that are genuine actions, by operationId. Every other operation is handled by
// the generic handler of its kind (generic.ts). A handler whose operation is not in the bundle
// simply never runs.
import type { Handler } from '../engine.ts';
import { downloadBookingTicketPdf } from './bookings.ts';
import { downloadFile, uploadFile } from './files.ts';
import { regenerateInvoice } from './invoices.ts';
import { cancelSubscription } from './subscriptions.ts';
import { validateTicket } from './tickets.ts';

export const ACTIONS: Record<string, Handler> = {
  cancelSubscription,
  validateTicket,
  downloadBookingTicketPdf,
  regenerateInvoice,
  uploadFile,
  downloadFile,
};
