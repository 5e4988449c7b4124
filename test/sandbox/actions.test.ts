// The operations with their own semantics: cancelling a subscription, checking a ticket in (with
// its metadata) and the booking's ticket PDF. Files and invoices are in files.test.ts and
// catalog.test.ts.
import { describe, expect, it } from 'vitest';
import { CheckoutPageError } from '../../src/index.ts';
import { checkedSandboxPerTest, raw } from './support.ts';

const ACTIVE = '6814b7e29f39b6760576f2c1';
const UNCHECKED_CODE = '4b7e0d92c1f54a6a9e3d8b07f2a1c655'; // ticket ...306, never checked in
const UNCHECKED_TICKET = '6851c2d49f39b6760576f306';
const PAID_BOOKING = '6851c2d39f39b6760576f301';
const UNPAID_BOOKING = '6851d0e19f39b6760576f3a0';

const s = checkedSandboxPerTest();

const status = (promise: Promise<unknown>) =>
  promise.then(
    () => 200,
    (e: unknown) => (e instanceof CheckoutPageError ? e.status : Promise.reject(e)),
  );

describe('cancelSubscription', () => {
  it('ends the subscription now with cancelImmediately, recording the key and the reason', async () => {
    expect(await s.client.subscriptions.cancel(ACTIVE, { cancelImmediately: true, reason: 'Duplicate' })).toEqual({ success: true });
    const sub = await s.client.subscriptions.get(ACTIVE);
    expect(sub).toMatchObject({ status: 'canceled', reason: 'Duplicate', cancelAtPeriodEnd: false });
    expect(sub.canceledAt).toBeDefined();
    expect(sub.canceledByApiKey).toMatch(/^[0-9a-f]{24}$/);
    expect(await status(s.client.subscriptions.cancel(ACTIVE, { cancelImmediately: true }))).toBe(400);
  });

  it('schedules the end at the period end, or at a future date, leaving the status as it is', async () => {
    const before = await s.client.subscriptions.get(ACTIVE);
    await s.client.subscriptions.cancel(ACTIVE, { cancelAtPeriodEnd: true });
    expect(await s.client.subscriptions.get(ACTIVE)).toMatchObject({ status: before.status, cancelAtPeriodEnd: true, cancelAt: before.currentPeriodEnd });
    const later = new Date(Date.now() + 86_400_000).toISOString();
    await s.client.subscriptions.cancel(ACTIVE, { cancelAt: later });
    expect(await s.client.subscriptions.get(ACTIVE)).toMatchObject({ status: before.status, cancelAtPeriodEnd: false, cancelAt: later });
  });

  it('rejects no timing, two timings or a past date with 400, and an unknown id with 404', async () => {
    const none = await raw(s, 'POST', `/v1/subscriptions/${ACTIVE}/cancel`, { body: { reason: 'x' } });
    const oneOf = 'send exactly one of: cancelImmediately, cancelAtPeriodEnd, cancelAt';
    expect(none.body.errors).toEqual(['cancelImmediately', 'cancelAtPeriodEnd', 'cancelAt'].map((param) => ({ param, message: oneOf })));
    expect((await raw(s, 'POST', `/v1/subscriptions/${ACTIVE}/cancel`, { body: { cancelImmediately: true, cancelAtPeriodEnd: true } })).status).toBe(400);
    const past = await raw(s, 'POST', `/v1/subscriptions/${ACTIVE}/cancel`, { body: { cancelAt: '2020-01-01T00:00:00Z' } });
    expect(past.body.errors).toEqual([{ param: 'cancelAt', message: 'must be in the future', value: '2020-01-01T00:00:00Z' }]);
    expect(await status(s.client.subscriptions.cancel('6814b7e29f39b6760576f2ff', { cancelImmediately: true }))).toBe(404);
    expect((await s.client.subscriptions.get(ACTIVE)).cancelAt).toBeUndefined();
  });
});

describe('validateTicket', () => {
  it('records a check-in and merges the metadata key by key, null deleting a key', async () => {
    const result = await s.client.tickets.validate(UNCHECKED_CODE, { metadata: [{ key: 'gate', value: 'B' }, { key: 'dietary', value: null }] });
    expect(result.success).toBe(true);
    expect(result.ticket).toMatchObject({ id: UNCHECKED_TICKET, checkInStatus: 'CHECKEDIN', chargeId: PAID_BOOKING });
    const ticket = (await s.client.tickets.list({ search: 'P3ZL8W4D' })).data[0]!;
    expect(ticket.metadata.map(({ key, value }) => ({ key, value }))).toEqual([{ key: 'gate', value: 'B' }]);
    expect(ticket.latestCheckIn?.status).toBe('CHECKEDIN');
    expect(ticket.checkIns).toHaveLength(1);
    expect(result.message).toBe('Ticket validated and metadata updated. Added: gate. Deleted: dietary');
  });

  it('validates a ticket scanned again, as the API does: success, the scan recorded, the message naming what changed', async () => {
    // The vendor's SDK tests validate one ticket many times, each answering `success: true`, and
    // expect this message after deleting `validated_by`.
    const first = await s.client.tickets.validate(UNCHECKED_CODE, { metadata: [{ key: 'validated_by', value: 'gate-scanner' }] });
    expect(first).toMatchObject({ success: true, message: 'Ticket validated and metadata updated. Added: validated_by' });
    const again = await s.client.tickets.validate(UNCHECKED_CODE);
    expect(again).toMatchObject({ success: true, message: 'Ticket validated' });
    expect(again.ticket.checkIns).toHaveLength(2);
    expect(again.ticket.checkInStatus).toBe('CHECKEDIN');
    const changed = await s.client.tickets.validate(UNCHECKED_CODE, { metadata: [{ key: 'validated_by', value: 'door-2' }] });
    expect(changed.message).toBe('Ticket validated and metadata updated. Updated: validated_by');
    const deleted = await s.client.tickets.validate(UNCHECKED_CODE, { metadata: [{ key: 'validated_by', value: null }] });
    expect(deleted).toMatchObject({ success: true, message: 'Ticket validated and metadata updated. Deleted: validated_by' });
    expect(deleted.ticket.metadata?.some((m) => m.key === 'validated_by')).toBe(false);
    expect(deleted.ticket.checkIns).toHaveLength(4);
    const ticket = (await s.client.tickets.list({ search: 'P3ZL8W4D' })).data[0]!;
    expect(ticket.checkIns).toHaveLength(4);
    expect(ticket.latestCheckIn?.checkedInAt).toBe(ticket.checkIns.at(-1)!.checkedInAt);
  });

  it('answers 404 for an unknown code and 422 for a ticket that is not PAID', async () => {
    expect(await status(s.client.tickets.validate('no-such-code'))).toBe(404);
    const [ticket] = (await s.client.tickets.list({ limit: 1 })).data;
    s.sandbox.trigger('ticket.created', { data: { ticket: { ...ticket!, id: '6851c2d49f39b6760576f3ff', checkInCode: 'canceled-code', status: 'CANCELED' } } });
    expect(await status(s.client.tickets.validate('canceled-code'))).toBe(422);
  });

  it('keeps at most 20 metadata entries on a ticket, answering 400 and changing nothing beyond that', async () => {
    const metadata = Array.from({ length: 19 }, (_, i) => ({ key: `k${i}`, value: 'v' }));
    const updated = await s.client.tickets.update(UNCHECKED_TICKET, { metadata, attendeeName: null });
    expect(updated.metadata).toHaveLength(20); // 19 new keys and the existing `dietary`
    expect(updated.attendeeName).toBeUndefined();
    expect(await status(s.client.tickets.update(UNCHECKED_TICKET, { metadata: [{ key: 'one-too-many', value: 'v' }] }))).toBe(400);
    expect(await status(s.client.tickets.validate(UNCHECKED_CODE, { metadata: [{ key: 'one-too-many', value: 'v' }] }))).toBe(400);
    const ticket = (await s.client.tickets.list({ search: 'P3ZL8W4D' })).data[0]!;
    expect(ticket.metadata).toHaveLength(20);
    expect(ticket.latestCheckIn).toBeUndefined();
  });
});

describe('downloadBookingTicketPdf', () => {
  it('answers a valid PDF for a paid booking, and 404 for one without tickets', async () => {
    const pdf = new TextDecoder().decode(await s.client.bookings.downloadTicketPdf(PAID_BOOKING));
    expect(pdf.startsWith('%PDF-1.4\n')).toBe(true);
    expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
    // The cross-reference table points at each object.
    const offsets = [...pdf.matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    offsets.forEach((offset, i) => expect(pdf.slice(offset).startsWith(`${i + 1} 0 obj`)).toBe(true));
    expect(Number(/startxref\n(\d+)/.exec(pdf)![1])).toBe(pdf.indexOf('xref\n'));
    expect(await status(s.client.bookings.downloadTicketPdf(UNPAID_BOOKING))).toBe(404);
  });
});
