// The committed bundle, as the tests read it (they never read spec/ directly).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GENERATED_DIR } from '../../scripts/lib/paths.ts';

export interface Operation {
  method: string;
  path: string;
  operationId: string;
  statuses: string[];
  tags: string[];
}

export const bundle = JSON.parse(readFileSync(path.join(GENERATED_DIR, 'openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, { operationId: string; tags?: string[]; responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, unknown> };
  webhooks?: Record<string, unknown>;
};

const METHODS = ['get', 'put', 'post', 'patch', 'delete'];

export const operations: Operation[] = Object.entries(bundle.paths).flatMap(([p, item]) =>
  METHODS.filter((m) => item[m]).map((m) => {
    const op = item[m]!;
    return { method: m, path: p, operationId: op.operationId, statuses: Object.keys(op.responses), tags: op.tags ?? [] };
  }),
);
