// Media types are case-insensitive (RFC 9110): a multipart upload sent as `Multipart/Form-Data`, as
// the upload workflow sends it (Respect drops a lower-case multipart Content-Type), is stored.
import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../src/sandbox/index.ts';

const BOUNDARY = 'case-test';
const body = [
  `--${BOUNDARY}`,
  'Content-Disposition: form-data; name="purpose"',
  '',
  'file',
  `--${BOUNDARY}`,
  'Content-Disposition: form-data; name="file"; filename="notes.txt"',
  'Content-Type: text/plain',
  '',
  'hello',
  `--${BOUNDARY}--`,
  '',
].join('\r\n');

describe('the sandbox reads the media type whatever its case', () => {
  for (const type of ['multipart/form-data', 'Multipart/Form-Data', 'MULTIPART/FORM-DATA']) {
    it(`stores an upload sent as ${type}`, async () => {
      const sandbox = createSandbox();
      const answer = await sandbox.handle(
        new Request('https://api.checkoutpage.com/v1/files/upload', {
          method: 'POST',
          headers: { authorization: 'Bearer sk_test_media', 'content-type': `${type}; boundary=${BOUNDARY}` },
          body,
        }),
      );
      expect(answer.status, await answer.clone().text()).toBe(201);
      expect(((await answer.json()) as { data: { name: string; size: number } }).data).toMatchObject({ name: 'notes.txt', size: 5 });
    });
  }

  it('still refuses a body that is not multipart, as an unsupported media type', async () => {
    const answer = await createSandbox().handle(
      new Request('https://api.checkoutpage.com/v1/files/upload', { method: 'POST', headers: { authorization: 'Bearer sk_test_media', 'content-type': 'text/plain' }, body }),
    );
    expect(answer.status).toBe(415);
  });
});
