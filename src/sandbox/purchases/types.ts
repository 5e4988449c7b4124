// What a purchase takes and gives, shared by the in-process method, the control route and the
// hosted pay page.
import type { Resource } from '../store.js';

export type PurchaseOutcome = 'paid' | 'failed' | 'abandoned';

export interface PurchaseInput {
  /** The checkout page, event or form bought from (its id). */
  pageId: string;
  /** The customer's email: an existing customer of the store with this email is reused. */
  email: string;
  name?: string;
  /** Units of the price, or seats of the ticket type (default 1). */
  quantity?: number;
  /** A checkout page's price (default: its default price). */
  priceId?: string;
  /** An event's ticket type (default: the event's only ticket type, if it has one). */
  ticketTypeId?: string;
  couponCode?: string;
  /** A form's answers, by field id (a checkout page's or event's fields are not checked). */
  answers?: Record<string, unknown>;
  /** `paid` (default), or a payment that `failed` or was `abandoned` at checkout. */
  outcome?: PurchaseOutcome;
}

/** The records a purchase made, each as the API answers it. */
export interface PurchaseResult {
  customer: Resource;
  /** The charge: absent for a form, which takes no payment. */
  payment?: Resource;
  booking?: Resource;
  tickets?: Resource[];
  subscription?: Resource;
  submission?: Resource;
}

export const OUTCOMES: readonly PurchaseOutcome[] = ['paid', 'failed', 'abandoned'];
