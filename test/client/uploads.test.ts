// File uploads in the client runtime, against a scripted loopback server: the multipart body,
// the size limit checked before sending, and retries that send the whole body again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCheckoutPageClient, toFormData } from '../../src/index.ts';
import { json, startFaultServer, type FaultServer } from '../support/fault-server.ts';

const stored = { id: '6632f1a0b9c8d7e6f5a4b3d2', location: 'https://files.checkoutpage.com/x/cover.jpg', name: 'cover.jpg', purpose: 'image', type: 'image/jpeg', size: 11, createdAt: '2026-02-02T09:12:37.000Z' };
const rateLimited = json(429, { status: 'error', type: 'error', message: 'Rate Limit Exceeded - Please try again later.' }, { 'retry-after': '0' });

let server: FaultServer;
beforeAll(async () => (server = await startFaultServer()));
afterAll(() => server.close());

const client = () => createCheckoutPageClient({ apiKey: 'sk_test_uploads', baseUrl: server.url });

/** The parts of a multipart body: name, file name, content type and content of each. */
function parts(request: { headers: Record<string, unknown>; body: string }) {
  const boundary = /boundary=(.+)$/.exec(String(request.headers['content-type']))![1]!;
  return request.body
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((part) => {
      const [head, ...rest] = part.split('\r\n\r\n');
      return {
        name: /name="([^"]+)"/.exec(head!)![1],
        filename: /filename="([^"]*)"/.exec(head!)?.[1],
        type: /Content-Type: (.+)/i.exec(head!)?.[1]?.trim(),
        content: rest.join('\r\n\r\n').replace(/\r\n$/, ''),
      };
    });
}

describe('client.files.upload()', () => {
  it('sends multipart/form-data with the boundary fetch chose, the file part and the purpose', async () => {
    server.script(json(201, { data: stored }));
    const result = await client().files.upload({ file: new File(['cover bytes'], 'cover.jpg', { type: 'image/jpeg' }), purpose: 'image' });
    expect(result).toEqual(stored);
    const [request] = server.requests;
    expect(request!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(request!.headers['authorization']).toBe('Bearer sk_test_uploads');
    expect(parts(request!)).toEqual([
      { name: 'file', filename: 'cover.jpg', type: 'image/jpeg', content: 'cover bytes' },
      { name: 'purpose', filename: undefined, type: undefined, content: 'image' },
    ]);
  });

  it('names bytes with filename and types them with contentType, neither sent as a field', async () => {
    server.script(json(201, { data: stored }));
    await client().files.upload({ file: new TextEncoder().encode('%PDF-1.7'), filename: 'workbook.pdf', contentType: 'application/pdf', purpose: 'file' });
    expect(parts(server.requests[0]!)).toEqual([
      { name: 'file', filename: 'workbook.pdf', type: 'application/pdf', content: '%PDF-1.7' },
      { name: 'purpose', filename: undefined, type: undefined, content: 'file' },
    ]);
  });

  it('refuses a file over 10 MB before sending anything, naming its size and the limit', async () => {
    server.script(json(201, { data: stored }));
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    const error = await client().files.upload({ file: big, filename: 'video.mp4', purpose: 'file' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RangeError);
    expect((error as Error).message).toBe(
      'POST /v1/files/upload: the file is 10 MB (10485761 bytes), over the limit of 10 MB (10485760 bytes); nothing was sent.',
    );
    expect(server.requests).toHaveLength(0);
  });

  it('accepts a file of exactly 10 MB', async () => {
    server.script(json(201, { data: stored }));
    await client().files.upload({ file: new Blob([new Uint8Array(10 * 1024 * 1024)]), filename: 'exact.bin', purpose: 'file' });
    expect(server.requests).toHaveLength(1);
  });

  it('sends the whole body again when retrying a rate-limited upload (429, then 201)', async () => {
    server.script(rateLimited, json(201, { data: stored }));
    const result = await client().files.upload({ file: new File(['cover bytes'], 'cover.jpg', { type: 'image/jpeg' }), purpose: 'image' });
    expect(result).toEqual(stored);
    expect(server.requests).toHaveLength(2);
    const [first, second] = server.requests.map(parts);
    expect(first).toEqual(second);
    expect(first).toEqual([
      { name: 'file', filename: 'cover.jpg', type: 'image/jpeg', content: 'cover bytes' },
      { name: 'purpose', filename: undefined, type: undefined, content: 'image' },
    ]);
  });
});

describe('the typed client.POST with toFormData', () => {
  it('sends the same multipart body, again in full on a retry', async () => {
    server.script(rateLimited, json(201, { data: stored }));
    const { data, response } = await client().POST('/v1/files/upload', {
      body: { file: new File(['cover bytes'], 'cover.jpg', { type: 'image/jpeg' }), purpose: 'image' },
      bodySerializer: toFormData,
    });
    expect(response.status).toBe(201);
    expect(data).toEqual({ data: stored });
    expect(server.requests).toHaveLength(2);
    for (const request of server.requests) {
      expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
      expect(parts(request)).toEqual([
        { name: 'file', filename: 'cover.jpg', type: 'image/jpeg', content: 'cover bytes' },
        { name: 'purpose', filename: undefined, type: undefined, content: 'image' },
      ]);
    }
  });
});
