// generated/schema.d.ts, rendered in a worker thread (schema-types-worker.mjs), so that loading
// openapi-typescript and the TypeScript compiler overlaps with bundling the spec, and rendering the
// types overlaps with writing the bundle.
import { Worker } from 'node:worker_threads';
import type { OpenApiDocument } from './bundle.ts';

export interface SchemaTypesThread {
  /** Sends the bundle to the thread; resolves with the types. Call once. */
  render(doc: OpenApiDocument): Promise<string>;
  /** Stops the thread (at once if it is still loading). */
  close(): Promise<void>;
}

/** Starts the worker now, so it loads openapi-typescript while the caller waits for the bundle. */
export function startSchemaTypesThread(): SchemaTypesThread {
  // No execArgv: a worker inherits the process's, and with `--import tsx` it would load tsx and
  // start a loader-hooks thread of its own, which it does not need (plain JavaScript).
  const worker = new Worker(new URL('./schema-types-worker.mjs', import.meta.url), { execArgv: [] });
  const failed = new Promise<never>((_, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The schema types thread stopped early (exit code ${code}).`)));
  });
  failed.catch(() => undefined); // only awaited through render()
  return {
    render(doc) {
      const answer = new Promise<string>((resolve, reject) =>
        worker.once('message', (message: { types?: string; error?: string }) =>
          message.error === undefined ? resolve(message.types!) : reject(new Error(message.error)),
        ),
      );
      worker.postMessage(doc);
      return Promise.race([answer, failed]);
    },
    close: () => worker.terminate().then(() => undefined),
  };
}
