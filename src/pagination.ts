// Cursor pagination: walks `has_more` pages with `starting_after` (or backwards with `ending_before`),
// holding one page in memory at a time.
import type { paths } from '../generated/schema.js';
import type { CheckoutPageClient } from './client.js';
import { runtimeOf } from './client.js';

export interface Page<T> {
  data: T[];
  has_more: boolean;
  total?: number;
}

type Cursor = { starting_after?: string; ending_before?: string };

/**
 * Yields every item from the first page on. Forwards (the default) follows the list order, newest
 * first, using the last id as `starting_after`. When the query has `ending_before`, it walks the
 * other way: items newer than that cursor, nearest first, using the first id of each page as the
 * next `ending_before`.
 */
export async function* iterateItems<T>(
  fetchPage: (query: Record<string, any>) => Promise<Page<T>>,
  query: Record<string, any> | undefined,
): AsyncGenerator<T, void, undefined> {
  const base: Record<string, any> & Cursor = { ...query };
  const backwards = base.ending_before !== undefined;
  for (;;) {
    const page = await fetchPage(base);
    const items = page.data;
    if (backwards) for (let i = items.length - 1; i >= 0; i--) yield items[i]!;
    else yield* items;
    if (!page.has_more || items.length === 0) return;
    const edge = (backwards ? items[0] : items[items.length - 1]) as { id?: unknown } | undefined;
    if (typeof edge?.id !== 'string') throw new TypeError('paginate: list items must have a string `id` to use as the cursor');
    if (backwards) base.ending_before = edge.id;
    else base.starting_after = edge.id;
  }
}

type JsonOk<Op> = Op extends { responses: { 200: { content: { 'application/json': infer B } } } } ? B : never;

/** Paths whose GET answers a page with `data` and `has_more`. */
export type PaginatedPath = {
  [P in keyof paths]: paths[P] extends { get: infer Op } ? (JsonOk<Op> extends { data: unknown[]; has_more: boolean } ? P : never) : never;
}[keyof paths];

type GetOf<P extends PaginatedPath> = paths[P] extends { get: infer Op } ? Op : never;
type ParamsOf<P extends PaginatedPath> = GetOf<P> extends { parameters: infer Params } ? Params : never;
/** The item type of a paginated list path. */
export type ItemOf<P extends PaginatedPath> = JsonOk<GetOf<P>> extends { data: Array<infer T> } ? T : never;

export type PaginateOptions<P extends PaginatedPath> = {
  query?: ParamsOf<P> extends { query?: infer Q } ? Q : never;
} & (ParamsOf<P> extends { path: infer PathParams } ? { path: PathParams } : { path?: never });

/**
 * Every item of a paginated list, across pages:
 * `for await (const payment of paginate(client, '/v1/payments', { query: { status: 'paid' } }))`.
 */
export function paginate<P extends PaginatedPath>(
  client: CheckoutPageClient,
  path: P,
  options?: PaginateOptions<P>,
): AsyncIterable<ItemOf<P>> {
  const runtime = runtimeOf(client);
  const pathParams = (options?.path ?? {}) as Record<string, string>;
  const url = (path as string).replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(pathParams[name])));
  const fetchPage = (query: Record<string, any>) => runtime.json<Page<ItemOf<P>>>('GET', url, query, undefined);
  return iterateItems<ItemOf<P>>(fetchPage, options?.query as Record<string, any> | undefined);
}
