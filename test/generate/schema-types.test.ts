// generated/schema.d.ts comes from openapi-typescript's transform called directly, in a worker
// (scripts/lib/schema-types-render.mjs): the same text as its public openapiTS(), and the check
// that openapiTS() makes first is made by scripts/lib/spec-structure.ts instead.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { bundleSpec, SpecError, type OpenApiDocument } from '../../scripts/lib/bundle.ts';
import { GENERATED_DIR } from '../../scripts/lib/paths.ts';
import { renderSchemaTypes, typesOptions } from '../../scripts/lib/schema-types-render.mjs';
import { checkSpecStructure } from '../../scripts/lib/spec-structure.ts';

let doc: OpenApiDocument;
beforeAll(async () => {
  doc = await bundleSpec();
});

describe('the schema types', () => {
  it('are what openapi-typescript’s public openapiTS() writes with our options', async () => {
    const fast = renderSchemaTypes(structuredClone(doc));
    const publicApi = astToString(await openapiTS(structuredClone(doc) as never, { ...typesOptions(), silent: true }));
    expect(fast).toBe(publicApi);
    // And that is the committed file, after its header line.
    const committed = await readFile(path.join(GENERATED_DIR, 'schema.d.ts'), 'utf8');
    expect(committed.slice(committed.indexOf('\n') + 1)).toBe(fast);
    // Our refinements are in it: forbidden properties are never, unset ones null, files Blobs.
    expect(fast).toMatch(/\?: never;/);
    expect(fast).toMatch(/\?: null;/);
    expect(fast).toMatch(/: Blob;/);
  });
});

describe('the structure check', () => {
  it('passes the spec', async () => {
    await expect(checkSpecStructure(doc)).resolves.toBeUndefined();
  });

  it('fails on a repeated operationId, naming the spec file and line', async () => {
    const broken = structuredClone(doc);
    (broken.paths['/v1/account']!.get as { operationId: string }).operationId = 'listCustomers';
    const failure = await checkSpecStructure(broken).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SpecError);
    expect((failure as Error).message).toMatch(/spec\/paths\/(account|customers)\.yaml:\d+: .*unique `operationId`/);
    // Where openapiTS() itself stops (it prints the problem too, even when silent).
    const printed = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await expect(openapiTS(broken as never, { silent: true })).rejects.toThrow(/unique `operationId`/);
    } finally {
      printed.mockRestore();
    }
  });
});
