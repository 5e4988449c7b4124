// Checkout pages and forms through the client: created (a checkout page with the product it
// sells), read back, listed, searched and filtered, updated, archived; slugs unique across every
// kind of page; custom fields kept per page; and the forms' submissions, filtered every way the
// spec documents.
import { describe, expect, it } from 'vitest';
import { bundle } from '../support/bundle.ts';
import { checkedSandboxPerTest, failure } from './support.ts';

const WORKSHOP_PAGE = '6630b3a8c4e8a91d2f7b3a22';
const MEMBERSHIP_PAGE = '6630b4d1c4e8a91d2f7b3a40';
const MEMBERSHIP_PRODUCT = '6630b4d1c4e8a91d2f7b3a41';
const AUDIT_FORM = '6630b6f3c4e8a91d2f7b3a60';
const WAITLIST_FORM = '6630b6f3c4e8a91d2f7b3a70';
const MARCO = '6813a1d29f39b6760576f1a0';

const example = (name: string) => structuredClone((bundle.components as any).examples[name].value);

const s = checkedSandboxPerTest({ seed: 'examples' }); // assertions on the examples' own records

describe('checkout pages', () => {
  it('creates a page with its fields and the product it sells, each readable on its own', async () => {
    const page = await s.client.checkoutPages.create({ ...example('CreateCheckoutPageWorkshop'), slug: 'brand-workshop-autumn' });
    expect(page).toMatchObject({ type: 'checkout', status: 'published', slug: 'brand-workshop-autumn' });
    const select = page.fields?.find((f) => f.element === 'select');
    expect(select?.options?.map((o) => o.id)).toEqual(expect.arrayContaining([expect.stringMatching(/^[0-9a-f]{24}$/)]));
    expect((await s.client.checkoutPages.listFields(page.id)).map((f) => f.id)).toEqual(page.fields?.map((f) => f.id));

    const product = page.product!;
    expect(product).toMatchObject({ title: 'Brand Strategy Workshop', role: 'product', sku: 'BSW-STD', type: 'charge' });
    expect(product.prices).toEqual([expect.objectContaining({ amount: 20000, currency: 'gbp', billingType: 'one_time', enabled: true, isDefault: true })]);
    expect(product.defaultPriceId).toBe(product.prices![0]!.id);
    expect(await s.client.products.get(product.id)).toEqual(product);

    const listed = await s.client.checkoutPages.list();
    expect(listed.data[0]!.id).toBe(page.id);
    expect(await s.client.checkoutPages.get(page.id)).toEqual(page);
  });

  it('searches names and product titles, and filters by status and test mode', async () => {
    const page = await s.client.checkoutPages.create({ name: 'Portfolio review', status: 'draft', productData: { title: 'One-hour critique' } });
    expect((await s.client.checkoutPages.list({ search: 'CRITIQUE' })).data.map((p) => p.id)).toEqual([page.id]);
    expect((await s.client.checkoutPages.list({ search: 'portfolio' })).data.map((p) => p.id)).toEqual([page.id]);
    expect((await s.client.checkoutPages.list({ status: 'draft' })).data.map((p) => p.id)).toEqual([page.id]);
    expect((await s.client.checkoutPages.list({ testmode: 'true' })).total).toBe(0);
    expect((await s.client.checkoutPages.list({ testmode: 'false' })).total).toBe(3);
  });

  it('updates settings, clears them with null, and points the page at another product', async () => {
    const updated = await s.client.checkoutPages.update(WORKSHOP_PAGE, { name: 'Brand Strategy Day', notifyEmail: null, productId: MEMBERSHIP_PRODUCT });
    expect(updated.name).toBe('Brand Strategy Day');
    expect(updated.notifyEmail ?? null).toBeNull();
    expect(updated.product?.id).toBe(MEMBERSHIP_PRODUCT);
    expect((await s.client.checkoutPages.get(WORKSHOP_PAGE)).product?.id).toBe(MEMBERSHIP_PRODUCT);
    const unknown = await failure(s.client.checkoutPages.update(WORKSHOP_PAGE, { productId: '6630b4d1c4e8a91d2f7b3aff' }));
    expect(unknown.errors).toEqual([{ param: 'productId', message: 'is not a product of the store', value: '6630b4d1c4e8a91d2f7b3aff' }]);
  });

  it('shows a product change on the page that sells it', async () => {
    await s.client.products.update(MEMBERSHIP_PRODUCT, { title: 'Design Club (annual)' });
    expect((await s.client.checkoutPages.get(MEMBERSHIP_PAGE)).product?.title).toBe('Design Club (annual)');
    expect((await s.client.checkoutPages.list({ search: 'annual' })).data.map((p) => p.id)).toEqual([MEMBERSHIP_PAGE]);
  });

  it('archives on delete: the page stays readable, with status archived', async () => {
    expect((await s.client.checkoutPages.delete(WORKSHOP_PAGE)).status).toBe('archived');
    expect((await s.client.checkoutPages.get(WORKSHOP_PAGE)).status).toBe('archived');
    expect((await s.client.checkoutPages.list({ status: 'archived' })).data.map((p) => p.id)).toEqual([WORKSHOP_PAGE]);
    expect((await failure(s.client.checkoutPages.delete('6630b3a8c4e8a91d2f7b3aff'))).status).toBe(404);
  });

  it('answers 409 for a slug any page of the store has, a form’s or an event’s included', async () => {
    for (const slug of ['design-club-membership', 'free-brand-audit', 'lisbon-product-summit-2026']) {
      const taken = await failure(s.client.checkoutPages.create({ name: 'Copy', slug }));
      expect(taken.status).toBe(409);
      expect(taken.errors).toEqual([{ param: 'slug', message: 'is already taken', value: slug }]);
      expect((await failure(s.client.checkoutPages.update(WORKSHOP_PAGE, { slug }))).status).toBe(409);
    }
    expect((await failure(s.client.forms.create({ name: 'Copy', slug: 'brand-strategy-workshop' }))).status).toBe(409);
    expect((await failure(s.client.events.update('6650a1b2c3d4e5f6a7b8c901', { slug: 'brand-strategy-workshop' }))).status).toBe(409);
    expect((await s.client.checkoutPages.update(WORKSHOP_PAGE, { slug: 'brand-strategy-workshop' })).slug).toBe('brand-strategy-workshop');
    expect((await s.client.checkoutPages.list()).total).toBe(2);
  });
});

describe('custom fields, per page', () => {
  it('adds, reads, updates and deletes a field of one page, invisible from another', async () => {
    const field = await s.client.checkoutPages.createField(WORKSHOP_PAGE, example('CreateFieldCompanySize'));
    expect(field.options).toHaveLength(4);
    expect(new Set(field.options!.map((o) => o.id)).size).toBe(4);
    expect((await s.client.checkoutPages.listFields(WORKSHOP_PAGE)).at(-1)!.id).toBe(field.id);
    expect((await s.client.checkoutPages.listFields(MEMBERSHIP_PAGE)).map((f) => f.id)).not.toContain(field.id);
    expect((await failure(s.client.checkoutPages.getField(MEMBERSHIP_PAGE, field.id!))).status).toBe(404);

    const updated = await s.client.checkoutPages.updateField(WORKSHOP_PAGE, field.id!, {
      required: true,
      options: [{ label: 'Only me', value: '1' }, { label: 'A team', value: '2+' }],
    });
    expect(updated).toMatchObject({ required: true, label: 'Company size' });
    expect(updated.options!.map((o) => o.label)).toEqual(['Only me', 'A team']); // the list is replaced whole
    expect(updated.options!.every((o) => /^[0-9a-f]{24}$/.test(o.id))).toBe(true);

    expect((await s.client.checkoutPages.deleteField(WORKSHOP_PAGE, field.id!)).success).toBe(true);
    expect((await failure(s.client.checkoutPages.getField(WORKSHOP_PAGE, field.id!))).status).toBe(404);
  });

  it('keeps a form’s fields under the form, and 404 for a page that does not exist', async () => {
    const field = await s.client.forms.createField(WAITLIST_FORM, example('CreateFieldBudget'));
    expect((await s.client.forms.listFields(WAITLIST_FORM)).map((f) => f.id)).toContain(field.id);
    expect((await s.client.forms.listFields(AUDIT_FORM)).map((f) => f.id)).not.toContain(field.id);
    expect((await s.client.forms.getField(WAITLIST_FORM, field.id!)).label).toBe('Budget (GBP)');
    expect((await failure(s.client.forms.listFields('6630b6f3c4e8a91d2f7b3aff'))).status).toBe(404);
    // A form's id is no checkout page's.
    expect((await failure(s.client.checkoutPages.listFields(WAITLIST_FORM))).status).toBe(404);
  });
});

describe('forms', () => {
  it('creates, reads back, lists, searches, updates and archives a form', async () => {
    const form = await s.client.forms.create({ ...example('CreateFormBrandAudit'), slug: 'brand-audit-2' });
    expect(form).toMatchObject({ type: 'form', slug: 'brand-audit-2' });
    expect(await s.client.forms.get(form.id)).toEqual(form);
    expect((await s.client.forms.list()).data[0]!.id).toBe(form.id);
    expect((await s.client.forms.list({ search: 'WAITLIST' })).data.map((f) => f.id)).toEqual([WAITLIST_FORM]);
    expect((await s.client.forms.list({ status: 'draft' })).data.map((f) => f.id)).toEqual([WAITLIST_FORM]);
    expect((await s.client.forms.update(form.id, { name: 'Brand audit (2)' })).name).toBe('Brand audit (2)');
    expect((await s.client.forms.delete(form.id)).status).toBe('archived');
    expect((await s.client.forms.list({ status: 'archived' })).data.map((f) => f.id)).toEqual([form.id]);
  });
});

describe('submissions', () => {
  it('filters by form, status, customer and creation dates, and searches the submitter', async () => {
    const all = (await s.client.submissions.list()).data;
    expect(all.length).toBe(3);
    expect((await s.client.submissions.list({ status: 'failed' })).data.map((x) => x.status)).toEqual(['failed']);
    expect((await s.client.submissions.list({ customerId: MARCO })).data.map((x) => x.customerId)).toEqual([MARCO]);
    expect((await s.client.submissions.list({ pageId: AUDIT_FORM })).total).toBe(3);
    expect((await s.client.submissions.list({ pageId: WAITLIST_FORM })).total).toBe(0);
    const [newest, middle] = all;
    expect((await s.client.submissions.list({ createdAfter: middle!.createdAt })).data.map((x) => x.id)).toEqual([newest!.id, middle!.id]);
    expect((await s.client.submissions.list({ createdBefore: middle!.createdAt })).data.map((x) => x.id)).toEqual(all.slice(1).map((x) => x.id));
    expect((await s.client.submissions.list({ search: 'MARCO' })).data.map((x) => x.id)).toEqual([newest!.id]);
    expect((await s.client.submissions.get(newest!.id)).customerName).toBe('Marco Rossi');
    expect((await failure(s.client.submissions.get('6817a1c39f39b6760576f3ff'))).status).toBe(404);
  });

  it('lists a submission raised with trigger() as a customer’s would be', async () => {
    const [seeded] = (await s.client.submissions.list({ limit: 1 })).data;
    const submission = { ...seeded!, id: '6817a1c39f39b6760576f3b0', pageId: WAITLIST_FORM, createdAt: new Date().toISOString() };
    s.sandbox.trigger('submission.created', { data: { submission } });
    expect((await s.client.submissions.list({ pageId: WAITLIST_FORM })).data.map((x) => x.id)).toEqual([submission.id]);
  });
});
