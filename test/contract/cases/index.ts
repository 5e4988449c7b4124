// Every contract case, one file per resource. Add your resource's file here.
import { accountCases } from './account.ts';
import { bookingCases } from './bookings.ts';
import { checkoutPageCases } from './checkout-pages.ts';
import { couponCases } from './coupons.ts';
import { customerCases } from './customers.ts';
import { eventCases } from './events.ts';
import { fileCases } from './files.ts';
import { formCases } from './forms.ts';
import { invoiceCases } from './invoices.ts';
import { paymentCases } from './payments.ts';
import { productCases } from './products.ts';
import { submissionCases } from './submissions.ts';
import { subscriptionCases } from './subscriptions.ts';
import { taxRateCases } from './tax-rates.ts';
import { themeCases } from './themes.ts';
import { ticketCases } from './tickets.ts';
import type { Cases } from './types.ts';
import { webhookCases } from './webhooks.ts';

export const cases: Cases = {
  ...accountCases,
  ...paymentCases,
  ...customerCases,
  ...subscriptionCases,
  ...couponCases,
  ...webhookCases,
  ...ticketCases,
  ...bookingCases,
  ...eventCases,
  ...productCases,
  ...fileCases,
  ...invoiceCases,
  ...taxRateCases,
  ...themeCases,
  ...checkoutPageCases,
  ...formCases,
  ...submissionCases,
};
