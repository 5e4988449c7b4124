// Customers: the ones the examples name without showing them, then generated ones with names
// and emails of their own.
import type { Resource } from '../../store.js';
import { replaceDeep } from '../clone.js';
import { COMPANIES, FIRST_NAMES, LAST_NAMES } from '../words.js';
import { copies, type Recipe } from './shared.js';

/** The customers the examples name without showing them (a booking's buyer), made from what they say. */
export const namedCustomers: Recipe = (g, collection) => {
  const known = new Set(g.all(collection).map((c) => c.id));
  const template = g.examples(collection)[0]!;
  // A buyer's own record says who they are before a ticket does (a ticket may name its attendee).
  const order = [...g.model.collections.values()].sort((a, b) => Number(a.segment === 'tickets') - Number(b.segment === 'tickets'));
  for (const c of order) {
    if (c.parent || c === collection) continue;
    for (const record of g.all(c)) {
      const id = record.customerId;
      const email = record.customerEmail ?? record.attendeeEmail;
      if (typeof id !== 'string' || known.has(id) || typeof email !== 'string') continue;
      known.add(id);
      const createdMs = Date.parse(record.createdAt) - 60_000;
      const customer = g.copy(template, createdMs, id);
      const name = record.customerName ?? record.attendeeName;
      g.add(collection, {
        ...(replaceDeep(customer, new Map([[template.email, email], ...(typeof name === 'string' ? [[template.name, name] as [string, string]] : [])])) as Resource),
        createdAt: new Date(createdMs).toISOString(),
        updatedAt: new Date(createdMs).toISOString(),
      });
    }
  }
};

export const customers: Recipe = (g, collection) => {
  const emails = new Set(g.all(collection).map((r) => r.email));
  for (const { record } of copies(g, collection)) {
    let first: string, last: string, email: string;
    do {
      first = g.random.pick(FIRST_NAMES);
      last = g.random.pick(LAST_NAMES);
      email = `${first}.${last}${emails.size > 400 ? g.next() : ''}@example.com`.toLowerCase();
    } while (emails.has(email));
    emails.add(email);
    const renamed = replaceDeep(record, new Map([[record.email, email], [record.name, `${first} ${last}`]])) as Resource;
    if (g.random.chance(0.4)) renamed.companyName = g.random.pick(COMPANIES);
    else delete renamed.companyName;
    g.add(collection, renamed);
  }
};
