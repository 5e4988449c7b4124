// File uploads against the Prism mock: real multipart/form-data bodies built by the client, through
// the resource API (client.files.upload) and the typed client.POST with toFormData. Prism checks
// the form against the spec, so a form it answers 201 is one the spec accepts.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { prismReady } from '../support/prism.ts';
import { createCheckoutPageClient, toFormData } from '../../src/index.ts';
import { assertMatches } from '../support/schema.ts';

const baseUrl = inject('prismUrl');
const client = createCheckoutPageClient({ apiKey: 'sk_test_uploads', baseUrl, maxRetries: 0 });
const uploaded = '#/components/schemas/UploadedFile';
const pdf = () => new File(['%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n'], 'brand-strategy-workbook.pdf', { type: 'application/pdf' });

beforeAll(() => prismReady()); // the run starts Prism without waiting for it

describe('client.files.upload()', () => {
  it('uploads a File and returns the stored file', async () => {
    const file = await client.files.upload({ file: pdf(), purpose: 'file' });
    assertMatches(uploaded, file);
  });

  it('uploads bytes with a file name and a content type', async () => {
    const bytes = new TextEncoder().encode('GIF89a');
    const file = await client.files.upload({ file: bytes, filename: 'pixel.gif', contentType: 'image/gif', purpose: 'image' });
    assertMatches(uploaded, file);
  });

  it('returns a download link with its lifetime', async () => {
    const link = await client.files.download('6632f1a0b9c8d7e6f5a4b3d1');
    expect(link).toEqual({ url: expect.stringMatching(/^https:\/\//), expiresIn: 300 });
  });
});

describe('the typed client.POST with toFormData', () => {
  it('uploads a File', async () => {
    const { data, error, response } = await client.POST('/v1/files/upload', { body: { file: pdf(), purpose: 'file' }, bodySerializer: toFormData });
    expect(error).toBeUndefined();
    expect(response.status).toBe(201);
    assertMatches('#/components/schemas/UploadedFileResponse', data);
  });
});

describe('the mock checks the form', () => {
  it('answers 400 to a form without a purpose, and 201 to the same form with one', async () => {
    const send = (form: FormData) => fetch(`${baseUrl}/v1/files/upload`, { method: 'POST', headers: { Authorization: 'Bearer sk_test_uploads' }, body: form });
    const without = new FormData();
    without.append('file', pdf());
    const rejected = await send(without);
    expect(rejected.status).toBe(400);
    await rejected.body?.cancel();
    const withPurpose = new FormData();
    withPurpose.append('file', pdf());
    withPurpose.append('purpose', 'file');
    const accepted = await send(withPurpose);
    expect(accepted.status, accepted.headers.get('sl-violations') ?? '').toBe(201);
    await accepted.body?.cancel();
  });
});
