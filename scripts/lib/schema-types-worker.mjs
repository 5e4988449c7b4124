// The worker thread of schema-types.ts: loads openapi-typescript and the TypeScript compiler at
// once (while the main thread bundles the spec), then renders the types of the one bundle it is
// sent and posts them back, or the error's stack.
import { parentPort } from 'node:worker_threads';
import { renderSchemaTypes, typesOptions } from './schema-types-render.mjs';

let loadError;
try {
  typesOptions(); // loads both
} catch (error) {
  loadError = error;
}

parentPort.once('message', (doc) => {
  try {
    if (loadError) throw loadError;
    parentPort.postMessage({ types: renderSchemaTypes(doc) });
  } catch (error) {
    parentPort.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
