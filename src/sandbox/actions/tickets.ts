// validateTicket: checks in the ticket whose QR code holds `checkInCode`. Only a PAID ticket can be
// checked in (else 422); each scan is recorded (`checkIns`, `latestCheckIn`) and the body's
// metadata is applied key by key (a null value deletes the key). A ticket scanned again succeeds
// too, as the vendor's SDK tests show (a door scanner may scan twice), and the message says what
// changed in the metadata: `Ticket validated and metadata updated. Deleted: validated_by` (the
// vendor's wording; `Added:`/`Updated:` and the plain `Ticket validated` follow it by guess).
// The answer shows the ticket in the older LegacyTicket shape, as the spec documents.
import type { Handler } from '../engine.js';
import { ApiError, badRequest, json, notFound } from '../errors.js';
import { objectIdFor } from '../ids.js';
import type { Resource } from '../store.js';

const legacyCheckIn = (c: Resource | undefined) =>
  c && { status: c.status, method: c.method, checkedInByUserId: c.checkedInBy, checkedInAt: c.checkedInAt };

export const validateTicket: Handler = (ctx) => {
  const { engine, route, params, write } = ctx;
  const collection = route.collection!;
  const code = params[route.pathParams.at(-1)!];
  const entry = engine.store.find(collection.key, (ticket) => ticket.checkInCode === code);
  if (!entry) throw notFound('No ticket with this check-in code');
  const before = entry.record;
  if (before.status !== 'PAID') throw new ApiError(422, `Ticket status is not PAID`);

  const answer = engine.answerOf(route);
  const ticketSchema = engine.reader.shape(answer.data).properties.get('ticket');
  const reply = (message: string, ticket: Resource) => {
    const legacy = {
      ...ticket,
      chargeId: ticket.bookingId ?? ticket.charge,
      // The older shape has no null here: a ticket with no complimentary amount waived nothing.
      complimentaryAmount: ticket.complimentaryAmount ?? 0,
      checkInStatus: (ticket.latestCheckIn as Resource | undefined)?.status ?? 'UNCHECKEDIN',
      checkIns: ((ticket.checkIns as Resource[] | undefined) ?? []).map(legacyCheckIn),
      latestCheckIn: legacyCheckIn(ticket.latestCheckIn as Resource | undefined),
    };
    const shown = engine.presenter.present(legacy, undefined, '', ticketSchema, write);
    return json(answer.status, { data: { success: true, message, ticket: shown } });
  };
  const now = new Date(write.nowMs).toISOString();
  const checkIn = { status: 'CHECKEDIN', method: 'QRSCAN', checkedInBy: objectIdFor(ctx.apiKey), checkedInAt: now };
  const record: Resource = { ...before, checkIns: [...((before.checkIns as Resource[] | undefined) ?? []), checkIn], latestCheckIn: checkIn, updatedAt: now };
  const changes = (ctx.body.value as { metadata?: Array<{ key: string; value: string | null }> } | undefined)?.metadata;
  let message = 'Ticket validated';
  if (changes) {
    const metadataSchema = engine.reader.shape(collection.itemSchema).properties.get('metadata');
    record.metadata = engine.records.mergeKeyed(before.metadata, changes, metadataSchema, write);
    const errors = engine.validators.fields(collection.itemSchema!, new Map([['metadata', metadataSchema!]]))(record);
    if (errors?.length) throw badRequest(errors);
    message = describeChanges(before.metadata, record.metadata) ?? message;
  }
  const change = engine.store.begin();
  change.put(collection.key, entry.scope, record, entry.seeded);
  change.commit();
  return reply(message, record);
};

/** `Ticket validated and metadata updated. Added: a. Updated: b. Deleted: c`, or undefined when the metadata did not change. */
function describeChanges(before: unknown, after: unknown): string | undefined {
  const values = (list: unknown) => new Map((Array.isArray(list) ? (list as Resource[]) : []).map((e) => [String(e.key), e.value]));
  const old = values(before);
  const now = values(after);
  const added = [...now.keys()].filter((key) => !old.has(key));
  const updated = [...now.keys()].filter((key) => old.has(key) && old.get(key) !== now.get(key));
  const deleted = [...old.keys()].filter((key) => !now.has(key));
  const parts = (
    [
      ['Added', added],
      ['Updated', updated],
      ['Deleted', deleted],
    ] as const
  )
    .filter(([, keys]) => keys.length > 0)
    .map(([label, keys]) => `${label}: ${keys.join(', ')}`);
  return parts.length ? `Ticket validated and metadata updated. ${parts.join('. ')}` : undefined;
}
