// The sandbox-only routes of purchases and of the store's clock (described in
// spec/sandbox/paths/). They act on the engine they are given, the store of the request's key:
//   POST /_sandbox/purchases   a purchase (PurchaseInput) -> 201 {data: PurchaseResult}
//   GET  /_sandbox/clock       the store's time -> 200 {data: {now, offsetMs}}
//   POST /_sandbox/clock       {ms | days | to} moves it forward -> 200 {data: {now, offsetMs}}
//   GET  /_sandbox/pay/{slug}  the hosted pay page of a checkout page, event or form (pay-page.ts)
import type { Engine } from '../engine.js';
import { badRequest, json } from '../errors.js';
import { advanceClock, clockState, type ClockAdvance } from './advance.js';
import { payPage } from './pay-page.js';
import { purchase } from './purchase.js';
import type { PurchaseInput } from './types.js';

/** The answer of one of these routes, or undefined when the request is not for them. */
export async function purchaseRoutes(engine: Engine, request: Request, pathname: string): Promise<Response | undefined> {
  const route = `${request.method} ${pathname}`;
  const apiKey = /^Bearer ([\x21-\x7e]+)$/.exec(request.headers.get('authorization') ?? '')?.[1] ?? '';
  if (route === 'POST /_sandbox/purchases') return json(201, { data: purchase(engine, await bodyOf<PurchaseInput>(request), apiKey) });
  if (route === 'GET /_sandbox/clock') return json(200, { data: clockState(engine) });
  if (route === 'POST /_sandbox/clock') return json(200, { data: advanceClock(engine, await bodyOf<ClockAdvance>(request), apiKey) });
  const pay = /^GET \/_sandbox\/pay\/([^/]+)$/.exec(route);
  if (pay) return payPage(engine, decodeURIComponent(pay[1]!), new URL(request.url));
  return undefined;
}

async function bodyOf<T>(request: Request): Promise<T> {
  const body = (await request.json().catch(() => undefined)) as T | undefined;
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest([{ param: 'body', message: 'must be a JSON object' }]);
  return body;
}
