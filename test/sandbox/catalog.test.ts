// Products, tax rates and invoices through the client: lists filtered and searched as documented,
// updates that merge (a product's prices by id, `null` clearing), and the rules between records
// (one default tax rate; a deleted rate leaves the products that charged it).
import { describe, expect, it } from 'vitest';
import { checkedSandboxPerTest, failure } from './support.ts';

const RECORDING = '6632f1a0b9c8d7e6f5a4b3c7'; // order bump, one price
const RECORDING_PRICE = '6632f1a0b9c8d7e6f5a4b3c8';
const WORKSHOP = '6630b3a8c4e8a91d2f7b3a23'; // two prices
const WORKSHOP_STANDARD = '6630b3a8c4e8a91d2f7b3a24';
const WORKSHOP_EARLY = '6632f1a0b9c8d7e6f5a4b3c1';
const VAT = '6632f1a0b9c8d7e6f5a4b3e1';
const VAT_REDUCED = '6632f1a0b9c8d7e6f5a4b3e2';
const OPEN_INVOICE = '6632f1a0b9c8d7e6f5a4b3f1';
const REFUNDED_INVOICE = '6632f1a0b9c8d7e6f5a4b3f2';

const s = checkedSandboxPerTest({ seed: 'examples' }); // assertions on the examples' own records

describe('products', () => {
  it('lists by role and searches title and SKU, ignoring case', async () => {
    expect((await s.client.products.list({ role: 'orderbump' })).data.map((p) => p!.id)).toEqual([RECORDING]);
    expect((await s.client.products.list({ role: 'product' })).data.map((p) => p!.role)).toEqual(['product', 'product']);
    expect((await s.client.products.list({ search: 'bsw-rec' })).data.map((p) => p!.id)).toEqual([RECORDING]);
    expect((await s.client.products.list({ search: 'WORKSHOP' })).data.map((p) => p!.id).sort()).toEqual([RECORDING, WORKSHOP].sort());
    expect((await s.client.products.list({ search: 'nothing like it' })).total).toBe(0);
    expect((await s.client.products.get(WORKSHOP))!.sku).toBe('BSW-STD');
    expect((await failure(s.client.products.get('6630b3a8c4e8a91d2f7b3aff'))).status).toBe(404);
  });

  it('updates by merging, and null clears what may be empty', async () => {
    const updated = (await s.client.products.update(WORKSHOP, { title: 'Brand Strategy Day', description: null, stock: 12 }))!;
    expect(updated).toMatchObject({ title: 'Brand Strategy Day', stock: 12, sku: 'BSW-STD' });
    expect(updated.description ?? null).toBeNull();
    expect((await s.client.products.update(WORKSHOP, { title: null }))!.title).toBe('Brand Strategy Day'); // a product always has a title
    expect(await s.client.products.get(WORKSHOP)).toMatchObject({ title: 'Brand Strategy Day', stock: 12 });
  });

  it('updates prices named by id, adds new ones, and keeps the default price and the derived price in step', async () => {
    const updated = (await s.client.products.update(WORKSHOP, {
      prices: [
        { id: WORKSHOP_EARLY, amount: 15000, billingType: 'one_time', enabled: false },
        { id: WORKSHOP_STANDARD, amount: 22000, billingType: 'one_time' },
        { amount: 5000, billingType: 'one_time', payWhatYouWant: true },
      ],
      defaultPriceId: WORKSHOP_STANDARD,
    }))!;
    const [early, standard, added] = updated.prices!;
    expect(early).toMatchObject({ id: WORKSHOP_EARLY, enabled: false, isDefault: false });
    expect(standard).toMatchObject({ id: WORKSHOP_STANDARD, amount: 22000, currency: 'gbp', label: 'Standard', isDefault: true });
    expect(added).toMatchObject({ amount: 5000, currency: 'usd', enabled: true, isDefault: false, payWhatYouWant: true });
    expect(added!.id).toMatch(/^[0-9a-f]{24}$/);
    expect(updated.defaultPriceId).toBe(WORKSHOP_STANDARD);
    expect(updated.price).toMatchObject({ amount: 22000, currency: 'gbp' }); // the first enabled price
  });

  it('takes `price` for a product with one price, and refuses it for one with several', async () => {
    const updated = (await s.client.products.update(RECORDING, { price: { amount: 3900 } }))!;
    expect(updated.prices).toEqual([expect.objectContaining({ id: RECORDING_PRICE, amount: 3900, isDefault: true })]);
    expect(updated.price.amount).toBe(3900);
    const several = await failure(s.client.products.update(WORKSHOP, { price: { amount: 1000 } }));
    expect(several.status).toBe(400);
    expect(several.errors![0]!.param).toBe('price');
  });
});

describe('tax rates', () => {
  it('lists every rate in one answer, newest first, with no pagination', async () => {
    const rate = await s.client.taxRates.create({ displayName: 'GST', percentage: 10, inclusive: true });
    expect(rate).toMatchObject({ displayName: 'GST', percentage: 10, inclusive: true, default: false });
    const list = await s.client.taxRates.list();
    expect(list.map((r) => r.id)).toEqual([rate.id, VAT, VAT_REDUCED]);
    const raw = (await (await s.fetch('https://api.checkoutpage.com/v1/tax-rates?limit=1', { headers: { Authorization: 'Bearer sk_test_x' } })).json()) as object;
    expect(Object.keys(raw)).toEqual(['data']);
  });

  it('keeps one default: a new default rate, or an updated one, unmakes the other', async () => {
    const rate = await s.client.taxRates.create({ displayName: 'Sales tax', percentage: 8, inclusive: false, default: true });
    expect((await s.client.taxRates.list()).filter((r) => r.default).map((r) => r.id)).toEqual([rate.id]);
    const reduced = await s.client.taxRates.update(VAT_REDUCED, { displayName: 'Reduced VAT', default: true });
    expect(reduced).toMatchObject({ displayName: 'Reduced VAT', default: true, percentage: 5 });
    expect((await s.client.taxRates.list()).filter((r) => r.default).map((r) => r.id)).toEqual([VAT_REDUCED]);
  });

  it('deletes a rate, which leaves the products that charged it', async () => {
    await s.client.products.update(WORKSHOP, { fixedTaxRateIds: [VAT_REDUCED] });
    expect((await s.client.taxRates.delete(VAT_REDUCED)).id).toBe(VAT_REDUCED);
    expect((await s.client.taxRates.list()).map((r) => r.id)).toEqual([VAT]);
    expect((await s.client.products.get(WORKSHOP))!.fixedTaxRateIds).toEqual([]);
    expect((await failure(s.client.taxRates.delete(VAT_REDUCED))).status).toBe(404);
  });
});

describe('invoices', () => {
  it('lists newest first, filtered by status, customer, charge and purchase order, and reads one', async () => {
    const all = (await s.client.invoices.list()).data;
    expect(all.map((i) => i.id)).toEqual([REFUNDED_INVOICE, OPEN_INVOICE]);
    expect((await s.client.invoices.list({ status: 'open' })).data.map((i) => i.id)).toEqual([OPEN_INVOICE]);
    const open = all.find((i) => i.id === OPEN_INVOICE)!;
    expect((await s.client.invoices.list({ customerId: open.customerId! })).data.map((i) => i.id)).toEqual([OPEN_INVOICE]);
    expect((await s.client.invoices.list({ chargeId: open.chargeId! })).data.map((i) => i.id)).toEqual([OPEN_INVOICE]);
    expect((await s.client.invoices.list({ poNumber: 'PO-5678' })).data.map((i) => i.id)).toEqual([OPEN_INVOICE]);
    expect((await s.client.invoices.list({ status: 'void' })).total).toBe(0);
    expect((await s.client.invoices.get(OPEN_INVOICE)).status).toBe('open');
    expect((await failure(s.client.invoices.get('6632f1a0b9c8d7e6f5a4b3ff'))).status).toBe(404);
  });

  it('regenerates an invoice: the invoice comes back, changed now', async () => {
    const before = await s.client.invoices.get(OPEN_INVOICE);
    const regenerated = await s.client.invoices.regenerate(OPEN_INVOICE, {});
    expect(regenerated.id).toBe(OPEN_INVOICE);
    expect(Date.parse(regenerated.updatedAt)).toBeGreaterThan(Date.parse(before.updatedAt));
    expect((await s.client.invoices.get(OPEN_INVOICE)).updatedAt).toBe(regenerated.updatedAt);
    expect((await failure(s.client.invoices.regenerate('6632f1a0b9c8d7e6f5a4b3ff', {}))).status).toBe(404);
  });
});
