// Files through the client: an upload (multipart, as `client.files.upload` builds it) is stored
// and downloadable through a short-lived link; the documented refusals (400, 413, 415); and a
// delete, refused while a product still uses the file.
import { describe, expect, it } from 'vitest';
import { API_KEY, checkedSandboxPerTest, failure } from './support.ts';

const SEEDED_PDF = '6632f1a0b9c8d7e6f5a4b3d1';
const SEEDED_IMAGE = '6632f1a0b9c8d7e6f5a4b3d2'; // the workshop product's image
const WORKSHOP_PRODUCT = '6630b3a8c4e8a91d2f7b3a23';

const s = checkedSandboxPerTest();

/** An upload sent by hand, for what the client refuses to send. */
function upload(form: FormData): Promise<Response> {
  return s.fetch('https://api.checkoutpage.com/v1/files/upload', { method: 'POST', body: form, headers: { Authorization: `Bearer ${API_KEY}` } });
}

describe('uploadFile and downloadFile', () => {
  it('stores a private file that a download link then serves for 300 seconds', async () => {
    const file = await s.client.files.upload({ file: new File(['hello sandbox'], 'notes.txt', { type: 'text/plain' }), purpose: 'file' });
    expect(file).toMatchObject({ name: 'notes.txt', size: 13, purpose: 'file', type: 'text/plain' });
    expect(file.id).toMatch(/^[0-9a-f]{24}$/);
    const link = await s.client.files.download(file.id);
    expect(link.expiresIn).toBe(300);
    const fetched = await s.sandbox.fetch(link.url);
    expect(fetched.headers.get('content-type')).toBe('text/plain');
    expect(await fetched.text()).toBe('hello sandbox');
  });

  it('serves an image at its location, and gives no download link for it', async () => {
    const png = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'logo.png', { type: 'image/png' });
    const image = await s.client.files.upload({ file: png, purpose: 'image' });
    expect((await (await s.sandbox.fetch(image.location)).arrayBuffer()).byteLength).toBe(4);
    expect((await failure(s.client.files.download(image.id))).status).toBe(400);
    expect((await failure(s.client.files.download(SEEDED_IMAGE))).status).toBe(400);
  });

  it('answers 415 for an image of another type, 413 over 10 MB and 400 without a purpose or a file', async () => {
    const svg = new File(['<svg/>'], 'logo.svg', { type: 'image/svg+xml' });
    expect((await failure(s.client.files.upload({ file: svg, purpose: 'image' }))).status).toBe(415);
    expect((await s.client.files.upload({ file: svg, purpose: 'file' })).type).toBe('image/svg+xml'); // any type is a private file

    const big = new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'big.bin');
    await expect(s.client.files.upload({ file: big, purpose: 'file' })).rejects.toThrow(RangeError); // the client refuses first
    const tooBig = new FormData();
    tooBig.set('purpose', 'file');
    tooBig.set('file', big);
    expect((await upload(tooBig)).status).toBe(413);

    const noPurpose = new FormData();
    noPurpose.set('file', new File(['x'], 'x.txt'));
    expect((await upload(noPurpose)).status).toBe(400);
    const noFile = new FormData();
    noFile.set('purpose', 'file');
    const answer = await upload(noFile);
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { errors: unknown[] }).errors).toEqual([{ param: 'file', message: 'is required' }]);
  });

  it('gives links to seeded files too, though they have no content, and 404 for an unknown id', async () => {
    const link = await s.client.files.download(SEEDED_PDF);
    expect((await s.sandbox.fetch(link.url)).status).toBe(404);
    expect((await failure(s.client.files.download('6632f1a0b9c8d7e6f5a4b3ff'))).status).toBe(404);
  });
});

describe('deleteFile', () => {
  it('deletes a file for good', async () => {
    const file = await s.client.files.upload({ file: new File(['x'], 'x.txt', { type: 'text/plain' }), purpose: 'file' });
    expect(await s.client.files.delete(file.id)).toMatchObject({ success: true });
    expect((await failure(s.client.files.download(file.id))).status).toBe(404);
    expect((await failure(s.client.files.delete(file.id))).status).toBe(404);
  });

  it('answers 409 while a product still uses the file, and deletes it once detached', async () => {
    const workbook = await s.client.files.upload({ file: new File(['%PDF-1.4'], 'workbook.pdf', { type: 'application/pdf' }), purpose: 'file' });
    await s.client.products.update(WORKSHOP_PRODUCT, { fileIds: [workbook.id] });
    const attached = await failure(s.client.files.delete(workbook.id));
    expect(attached.status).toBe(409);
    expect(attached.message).toMatch(/still in use/);
    expect((await failure(s.client.files.delete(SEEDED_IMAGE))).status).toBe(409); // the product's image
    await s.client.products.update(WORKSHOP_PRODUCT, { fileIds: null });
    expect((await s.client.files.delete(workbook.id)).success).toBe(true);
  });

  it('answers 409 while a theme shows the image as its background', async () => {
    const image = await s.client.files.upload({ file: new File([new Uint8Array(8)], 'bg.webp', { type: 'image/webp' }), purpose: 'image' });
    const theme = await s.client.themes.create({ name: 'Backdrop', variables: { layout: { centerLayout: { backgroundImage: { file: image.id } } } } });
    expect((await failure(s.client.files.delete(image.id))).status).toBe(409);
    await s.client.themes.delete(theme.id);
    expect((await s.client.files.delete(image.id)).success).toBe(true);
  });
});
