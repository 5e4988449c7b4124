// The worker side of schema-types.ts: loads openapi-typescript at once, then renders the types of
// the one bundle it is sent and posts them back (or the error's message).
import { parentPort } from 'node:worker_threads';
import { loadOpenapiTS, renderSchemaTypes } from './schema-types.ts';

// Load at once, while the bundle is being made; a failure here is reported by renderSchemaTypes.
try {
  loadOpenapiTS();
} catch {}

parentPort!.once('message', (doc) => {
  renderSchemaTypes(doc)
    .then(
      (types) => parentPort!.postMessage({ types }),
      (error: unknown) => parentPort!.postMessage({ error: error instanceof Error ? error.stack ?? error.message : String(error) }),
    );
});
