// Sandbox-only routes under /_sandbox/ (no API key needed; the real API has none of them):
//   POST /_sandbox/events       {event, id?, data?}  raise an event the API sends on its own
//   POST /_sandbox/reset                             back to the seeded state
//   GET  /_sandbox/deliveries                        the webhook deliveries attempted so far
//   GET  /_sandbox/files/{id}                        an uploaded file (where download URLs point)
import { contentDisposition } from './actions/files.js';
import type { Engine } from './engine.js';
import { badRequest, json, notFound } from './errors.js';

export async function controlRoute(engine: Engine, request: Request, pathname: string): Promise<Response> {
  const route = `${request.method} ${pathname}`;
  if (route === 'POST /_sandbox/events') {
    const body = (await request.json().catch(() => undefined)) as { event?: unknown; id?: unknown; data?: unknown } | undefined;
    if (!body || typeof body.event !== 'string') throw badRequest([{ param: 'event', message: 'is required' }]);
    const envelope = engine.webhooks.trigger(body.event, {
      ...(typeof body.id === 'string' ? { id: body.id } : {}),
      ...(body.data && typeof body.data === 'object' ? { data: body.data as Record<string, unknown> } : {}),
    });
    return json(200, { data: envelope });
  }
  if (route === 'POST /_sandbox/reset') {
    engine.reset();
    return json(200, { data: { reset: true } });
  }
  if (route === 'GET /_sandbox/deliveries') return json(200, { data: engine.webhooks.deliveries.log });
  const file = /^GET \/_sandbox\/files\/([^/]+)$/.exec(route);
  const stored = file ? engine.files.get(decodeURIComponent(file[1]!)) : undefined;
  if (stored) {
    return new Response(stored.bytes, {
      status: 200,
      headers: { 'content-type': stored.type, 'content-disposition': contentDisposition(stored.name) },
    });
  }
  if (file) throw notFound('No uploaded file with this id (files seeded from the examples have no content)');
  throw notFound(`Unrecognized sandbox route (${route})`);
}
