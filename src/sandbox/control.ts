// Sandbox-only routes under /_sandbox/ (the real API has none of them), described for tools in
// spec/sandbox/openapi.yaml. Each needs a key and acts on that key's store only:
//   POST /_sandbox/events       {event, id?, data?}  raise an event the API sends on its own
//   POST /_sandbox/reset                             the store back to its seeded state
//   GET  /_sandbox/deliveries[?endpointId=]          the store's webhook deliveries so far (of one endpoint)
//   GET  /_sandbox/files/{id}                        an uploaded file; with the `token` of a link
//                                                    the API hands out, no key is needed
//   POST /_sandbox/purchases, GET|POST /_sandbox/clock, GET /_sandbox/pay/{slug}: purchases/routes.ts
//                                                    (the pay page takes the key as `?key=`, for a browser)
import { contentDisposition } from './actions/files.js';
import type { Engine } from './engine.js';
import { badRequest, json, notFound } from './errors.js';
import { purchaseRoutes } from './purchases/routes.js';

export interface ControlDoor {
  /** The store of the request's key (a 401 ApiError without a valid key), and how to reset it. */
  storeOf(request: Request): { engine: Engine; reset(): void };
  /** Every open store's engine, to find the file a link's token opens. */
  engines(): Engine[];
}

const FILE = /^\/_sandbox\/files\/([^/]+)$/;
/** The purchase, clock and pay page routes (purchases/routes.ts). */
const PURCHASES = /^\/_sandbox\/(purchases|clock|pay\/[^/]+)$/;

type StoreRoute = (store: { engine: Engine; reset(): void }, request: Request) => Promise<Response> | Response;

/** The routes that act on the key's store, by `METHOD /path` (add a route here and in spec/sandbox/). */
const STORE_ROUTES: Record<string, StoreRoute> = {
  'POST /_sandbox/reset': (store) => {
    store.reset();
    return json(200, { data: { reset: true } });
  },
  'GET /_sandbox/deliveries': (store, request) => {
    const endpointId = new URL(request.url).searchParams.get('endpointId');
    const log = store.engine.webhooks.deliveries.log;
    return json(200, { data: endpointId === null ? log : log.filter((d) => d.endpointId === endpointId) });
  },
  'POST /_sandbox/events': async (store, request) => {
    const body = (await request.json().catch(() => undefined)) as { event?: unknown; id?: unknown; data?: unknown } | undefined;
    if (!body || typeof body.event !== 'string') throw badRequest([{ param: 'event', message: 'is required' }]);
    const envelope = store.engine.webhooks.trigger(body.event, {
      ...(typeof body.id === 'string' ? { id: body.id } : {}),
      ...(body.data && typeof body.data === 'object' ? { data: body.data as Record<string, unknown> } : {}),
    });
    return json(200, { data: envelope });
  },
};

export async function controlRoute(door: ControlDoor, request: Request, url: URL, pathname: string): Promise<Response> {
  const file = request.method === 'GET' ? FILE.exec(pathname) : null;
  if (file) return fileRoute(door, request, decodeURIComponent(file[1]!), url.searchParams.get('token'));
  if (PURCHASES.test(pathname)) {
    // A browser opening the pay page cannot send a header: the page's link names the key as `?key=`.
    const key = pathname.startsWith('/_sandbox/pay/') ? url.searchParams.get('key') : null;
    const keyed = key === null ? request : new Request(request, { headers: { authorization: `Bearer ${key}` } });
    const answer = await purchaseRoutes(door.storeOf(keyed).engine, keyed, pathname);
    if (answer) return answer;
  }
  const route = STORE_ROUTES[`${request.method} ${pathname}`];
  if (!route) throw notFound(`Unrecognized sandbox route (${request.method} ${pathname})`);
  return route(door.storeOf(request), request);
}

function fileRoute(door: ControlDoor, request: Request, fileId: string, token: string | null): Response {
  let found;
  if (token !== null) {
    // A link's token stands in for the key, as the API's signed links do; it opens that file only.
    for (const engine of door.engines()) {
      found = engine.fileByToken(fileId, token);
      if (found !== undefined) break;
    }
    if (found === undefined) throw notFound('No file for this link (it belongs to a store that was reset, or to another file)');
  } else {
    found = door.storeOf(request).engine.files.get(fileId) ?? (null as null);
  }
  if (!found) throw notFound('No uploaded file with this id (files seeded from the examples have no content)');
  return new Response(found.bytes, {
    status: 200,
    headers: { 'content-type': found.type, 'content-disposition': contentDisposition(found.name) },
  });
}
