// How path segments, property names and webhook event names relate: `ticket-groups` is the
// collection behind the `ticketGroups` property and the `ticketGroupIds` list; `checkout-pages`
// is the resource of the `checkout_page.*` events, whose payload key is `checkoutPage`.

/** `ticket-groups` -> `ticketGroups`; `checkout_page` -> `checkoutPage`. */
export const camel = (name: string) => name.replace(/[-_]([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** English singular of a plural segment or property name (`ticketGroups` -> `ticketGroup`, `taxes` -> `tax`). */
export function singular(word: string): string {
  if (/ies$/.test(word)) return word.slice(0, -3) + 'y';
  if (/(ss|sh|ch|x)es$/.test(word)) return word.slice(0, -2);
  if (/s$/.test(word) && !/ss$/.test(word)) return word.slice(0, -1);
  return word;
}

/** The webhook resource name of a collection segment: `checkout-pages` -> `checkout_page`. */
export const eventResource = (segment: string) => singular(segment).replace(/-/g, '_');

/** `createdAfter` -> `created`, and whether it is a lower or an upper bound. */
export function dateBound(parameter: string): { field: string; bound: 'after' | 'before' } | undefined {
  const match = /^(.+)(After|Before)$/.exec(parameter);
  return match ? { field: `${match[1]}At`, bound: match[2] === 'After' ? 'after' : 'before' } : undefined;
}

/** Backticked words of a description: "name and email (`name`, `email`)" -> ['name', 'email']. */
export const backticked = (text: string | undefined) => [...(text ?? '').matchAll(/`([^`\s]+)`/g)].map((m) => m[1]!);
