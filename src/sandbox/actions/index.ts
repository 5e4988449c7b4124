// The operations that are genuine actions, by operationId. Every other operation is handled by
// the generic handler of its kind (generic.ts). A handler whose operation is not in the bundle
// simply never runs.
import type { Handler } from '../engine.js';
import { downloadBookingTicketPdf } from './bookings.js';
import { downloadFile, uploadFile } from './files.js';
import { regenerateInvoice } from './invoices.js';
import { cancelSubscription } from './subscriptions.js';
import { validateTicket } from './tickets.js';

export const ACTIONS: Record<string, Handler> = {
  cancelSubscription,
  validateTicket,
  downloadBookingTicketPdf,
  regenerateInvoice,
  uploadFile,
  downloadFile,
};
