// Where things live. Every script resolves paths from here so it can run from any directory.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const ROOT = path.resolve(fileURLToPath(import.meta.url), '../../..');
export const SPEC_ROOT = path.join(ROOT, 'spec/openapi.yaml');
export const GENERATED_DIR = path.join(ROOT, 'generated');
export const bin = (name: string) => path.join(ROOT, 'node_modules/.bin', name);

/** Show a path relative to the repository, as people type it. */
export const rel = (p: string) => path.relative(ROOT, p) || '.';
