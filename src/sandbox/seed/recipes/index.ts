// How each top-level list is filled: copies of its examples, renamed, linked to records that
// exist and made consistent with the status they were given. Order matters: a record links only
// to collections filled before it (customers and pages before payments, bookings before tickets).
import { checkoutPages, coupons, events, forms, products, themes, webhooks } from './catalog.js';
import { bookings, invoices, payments, submissions, subscriptionPayments, subscriptions, tickets } from './orders.js';
import { customers, namedCustomers } from './people.js';
import type { Recipe } from './shared.js';

/** By collection segment, in the order they are filled. */
export const RECIPES: Array<[string, Recipe]> = [
  ['customers', namedCustomers],
  ['customers', customers],
  ['checkout-pages', checkoutPages],
  ['products', products],
  ['forms', forms],
  ['events', events],
  ['coupons', coupons],
  ['payments', payments],
  ['subscriptions', subscriptions],
  ['subscription-payments', subscriptionPayments],
  ['bookings', bookings],
  ['tickets', tickets],
  ['submissions', submissions],
  ['invoices', invoices],
  ['themes', themes],
  ['webhooks', webhooks],
];
