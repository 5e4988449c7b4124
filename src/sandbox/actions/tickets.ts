// validateTicket: checks in the ticket whose QR code holds `checkInCode`. Only a PAID ticket can be
// checked in (else 422); the check-in is recorded (`checkIns`, `latestCheckIn`) and the body's
// metadata is applied key by key (a null value deletes the key). A ticket already checked in is
// answered `success: false` and left unchanged. The answer shows the ticket in the older
// LegacyTicket shape, as the spec documents.
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
  const reply = (success: boolean, message: string, ticket: Resource) => {
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
    return json(answer.status, { data: { success, message, ticket: shown } });
  };
  if ((before.latestCheckIn as Resource | undefined)?.status === 'CHECKEDIN') return reply(false, 'The ticket is already checked in', before);

  const now = new Date(write.nowMs).toISOString();
  const checkIn = { status: 'CHECKEDIN', method: 'QRSCAN', checkedInBy: objectIdFor(ctx.apiKey), checkedInAt: now };
  const record: Resource = { ...before, checkIns: [...((before.checkIns as Resource[] | undefined) ?? []), checkIn], latestCheckIn: checkIn, updatedAt: now };
  const changes = (ctx.body.value as { metadata?: Array<{ key: string; value: string | null }> } | undefined)?.metadata;
  if (changes) {
    const metadataSchema = engine.reader.shape(collection.itemSchema).properties.get('metadata');
    record.metadata = engine.records.mergeKeyed(before.metadata, changes, metadataSchema, write);
    const errors = engine.validators.fields(collection.itemSchema!, new Map([['metadata', metadataSchema!]]))(record);
    if (errors?.length) throw badRequest(errors);
  }
  const change = engine.store.begin();
  change.put(collection.key, entry.scope, record, entry.seeded);
  change.commit();
  return reply(true, 'Checked in', record);
};
