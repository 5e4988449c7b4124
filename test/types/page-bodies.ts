// Type-level tests of the page bodies (checkout pages, forms, events) and their fields and ticket
// groups: the generated types must reject the combinations the API rejects. Checked by
// `tsc -p tsconfig.json` (test/project/typecheck.test.ts); never executed. Each invalid body is on
// ONE line, under its own expect-error directive, and differs from a valid body of the same
// section only by the rule it breaks, so the directive cannot be satisfied by an unrelated error.
import type { components } from '../../generated/schema.js';
import type { CheckoutPageClient } from '../../src/index.ts';

type Schemas = components['schemas'];
type CreateCheckoutPageRequest = Schemas['CreateCheckoutPageRequest'];
type UpdateCheckoutPageRequest = Schemas['UpdateCheckoutPageRequest'];
type CreateFormRequest = Schemas['CreateFormRequest'];
type UpdateEventRequest = Schemas['UpdateEventRequest'];
type CreateFieldRequest = Schemas['CreateFieldRequest'];
type CreateTicketGroupRequest = Schemas['CreateTicketGroupRequest'];

const fieldId = '6630b3a8c4e8a91d2f7b3a31';
const upsellPageId = '6630b5e2c4e8a91d2f7b3a50';

// =================================================================================================
// Tax: with tax enabled the mode is fixed or stripe (or left out); without it, none (or left out).
// =================================================================================================
export function taxBodies(): UpdateCheckoutPageRequest[] {
  const stripe: UpdateCheckoutPageRequest = { tax: { enabled: true, mode: 'stripe' } };
  const fixed: UpdateCheckoutPageRequest = { tax: { enabled: true, mode: 'fixed' } };
  const enabledDefault: UpdateCheckoutPageRequest = { tax: { enabled: true } };
  const none: UpdateCheckoutPageRequest = { tax: { enabled: false, mode: 'none' } };
  const disabled: UpdateCheckoutPageRequest = { tax: { enabled: false } };
  const cleared: UpdateCheckoutPageRequest = { tax: null };

  // @ts-expect-error -- tax enabled with mode none
  const enabledNone: UpdateCheckoutPageRequest = { tax: { enabled: true, mode: 'none' } };
  // @ts-expect-error -- tax disabled with mode stripe
  const disabledStripe: UpdateCheckoutPageRequest = { tax: { enabled: false, mode: 'stripe' } };
  // @ts-expect-error -- enabled is required
  const noEnabled: UpdateCheckoutPageRequest = { tax: { mode: 'stripe' } };

  return [stripe, fixed, enabledDefault, none, disabled, cleared, enabledNone, disabledStripe, noEnabled];
}

// =================================================================================================
// Redirect values on update: a field's answer by fieldId (no identifier), or a token by identifier
// (no fieldId).
// =================================================================================================
export function redirectBodies(): UpdateCheckoutPageRequest[] {
  const fieldAnswer: UpdateCheckoutPageRequest = { redirectUrlPath: [{ key: 'fields', fieldId }] };
  const token: UpdateCheckoutPageRequest = { redirectUrlPath: [{ key: 'orderId', identifier: 'orderId' }] };
  const query: UpdateCheckoutPageRequest = { redirectUrlQuery: [{ key: 'fields', fieldId, parameter: 'email' }] };

  // @ts-expect-error -- a field's answer takes no identifier
  const fieldWithIdentifier: UpdateCheckoutPageRequest = { redirectUrlPath: [{ key: 'fields', fieldId, identifier: 'email' }] };
  // @ts-expect-error -- a token takes no fieldId
  const tokenWithFieldId: UpdateCheckoutPageRequest = { redirectUrlPath: [{ key: 'orderId', identifier: 'orderId', fieldId }] };
  // @ts-expect-error -- a field's answer needs its fieldId
  const fieldWithoutId: UpdateCheckoutPageRequest = { redirectUrlQuery: [{ key: 'fields', parameter: 'email' }] };

  return [fieldAnswer, token, query, fieldWithIdentifier, tokenWithFieldId, fieldWithoutId];
}

// =================================================================================================
// Funnel steps: each kind of step takes its own actions.
// =================================================================================================
export function funnelBodies(): UpdateEventRequest[] {
  const upsell: UpdateEventRequest = { funnelSteps: [{ type: 'upsell', enabled: true, order: 0, config: { action: 'checkout', pageId: upsellPageId } }] };
  const confirmation: UpdateEventRequest = { funnelSteps: [{ type: 'confirmation', enabled: true, order: 1, config: { action: 'confirmation' } }] };
  const checkout: UpdateEventRequest = { funnelSteps: [{ type: 'checkout', enabled: true, order: 0, config: { pageId: upsellPageId } }] };

  // @ts-expect-error -- an upsell cannot show the confirmation screen
  const upsellConfirmation: UpdateEventRequest = { funnelSteps: [{ type: 'upsell', enabled: true, order: 0, config: { action: 'confirmation', pageId: upsellPageId } }] };
  // @ts-expect-error -- a step needs its type
  const noType: UpdateEventRequest = { funnelSteps: [{ enabled: true, order: 1, config: { action: 'confirmation' } }] };

  return [upsell, confirmation, checkout, upsellConfirmation, noType];
}

// =================================================================================================
// Fields: the elements listed in FieldElementTypeRule take no type, on their own and with a page.
// =================================================================================================
export function fieldBodies(): (CreateFieldRequest | CreateCheckoutPageRequest)[] {
  const email: CreateFieldRequest = { label: 'Email', element: 'email', type: 'email', required: true };
  const checkbox: CreateFieldRequest = { label: 'I agree to the terms', element: 'checkbox', required: true };
  const defaultElement: CreateFieldRequest = { label: 'Company name', type: 'company-name' };
  const withPage: CreateCheckoutPageRequest = { name: 'Brand Strategy Workshop', fields: [{ key: 'email', label: 'Email', element: 'email', type: 'email', required: true }] };

  // @ts-expect-error -- a checkbox takes no type
  const checkboxWithType: CreateFieldRequest = { label: 'I agree to the terms', element: 'checkbox', type: 'email', required: true };
  // @ts-expect-error -- a field needs its label
  const noLabel: CreateFieldRequest = { element: 'email', type: 'email', required: true };
  // @ts-expect-error -- a textarea field of a new page takes no type either
  const pageTextareaWithType: CreateCheckoutPageRequest = { name: 'Brand Strategy Workshop', fields: [{ key: 'notes', label: 'Notes', element: 'textarea', type: 'name' }] };

  return [email, checkbox, defaultElement, withPage, checkboxWithType, noLabel, pageTextareaWithType];
}

// =================================================================================================
// Create bodies need a name; ticket groups sold after another group need that trigger.
// =================================================================================================
export function requiredBodies(): (CreateFormRequest | CreateTicketGroupRequest)[] {
  const form: CreateFormRequest = { name: 'Free brand audit', title: 'Get a free brand audit' };
  const afterGroup: CreateTicketGroupRequest = { name: 'Late tickets', availabilityBehavior: 'after_ticket_sold_out', triggerTicketGroupId: '6650a1b2c3d4e5f6a7b8c910' };
  const always: CreateTicketGroupRequest = { name: 'Late tickets', availabilityBehavior: 'always_available' };

  // @ts-expect-error -- a new form needs its name
  const formWithoutName: CreateFormRequest = { title: 'Get a free brand audit' };
  // @ts-expect-error -- an after_* behaviour needs its trigger group
  const afterGroupWithoutTrigger: CreateTicketGroupRequest = { name: 'Late tickets', availabilityBehavior: 'after_ticket_sold_out' };

  return [form, afterGroup, always, formWithoutName, afterGroupWithoutTrigger];
}

// The same rules hold through the typed client.
export async function pageCalls(client: CheckoutPageClient) {
  const pageId = '6630b3a8c4e8a91d2f7b3a22';
  await client.POST('/v1/checkout-pages', { body: { name: 'Brand Strategy Workshop', tax: { enabled: true, mode: 'stripe' } } });
  // @ts-expect-error -- tax disabled with mode stripe
  await client.POST('/v1/checkout-pages', { body: { name: 'Brand Strategy Workshop', tax: { enabled: false, mode: 'stripe' } } });
  await client.PATCH('/v1/forms/{pageId}', { params: { path: { pageId } }, body: { redirectUrlPath: [{ key: 'fields', fieldId }] } });
  // @ts-expect-error -- a field's answer takes no identifier
  await client.PATCH('/v1/forms/{pageId}', { params: { path: { pageId } }, body: { redirectUrlPath: [{ key: 'fields', fieldId, identifier: 'email' }] } });
  await client.checkoutPages.update(pageId, { showCouponCodeField: false });
  await client.forms.listFields(pageId);
  await client.submissions.list({ status: 'succeeded', limit: 20 });
}
