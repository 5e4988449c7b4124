// uploadFile (multipart: `file` at most 10 MB, else 413; `purpose` `image` for public images in
// the documented image types, else 415, or `file` for private files) and downloadFile (a URL
// valid for 300 seconds, for private files only; images are public at their `location`). Both
// URLs point at the sandbox's own /_sandbox/files/{id} route with the file's `token`, which opens
// the file without an API key, as the API's links do. Deleting a file is generic.
import type { Handler } from '../engine.js';
import { ApiError, badRequest, json } from '../errors.js';
import { newObjectId, randomToken } from '../ids.js';

const MAX_BYTES = 10 * 1024 * 1024;
const IMAGE_TYPES = new Set(['image/jpeg', 'image/jpg', 'image/png', 'image/gif', 'image/webp']);
const DOWNLOAD_SECONDS = 300;

export const uploadFile: Handler = async (ctx) => {
  const { engine, route, write, url } = ctx;
  const file = ctx.body.form?.get('file');
  if (!(file instanceof File)) throw badRequest([{ param: 'file', message: 'is required' }]);
  if (file.size > MAX_BYTES) throw new ApiError(413, 'File too large (max 10MB)');
  const purpose = String(ctx.body.value?.purpose);
  const type = file.type || 'application/octet-stream';
  if (purpose === 'image' && !IMAGE_TYPES.has(type)) throw new ApiError(415, `Unsupported file type: ${type}`);
  const id = newObjectId(write.nowMs);
  const token = randomToken();
  engine.files.set(id, { bytes: new Uint8Array(await file.arrayBuffer()), type, name: file.name, token });
  const record = {
    id,
    location: `${url.origin}/_sandbox/files/${id}?token=${token}`,
    name: file.name,
    purpose,
    type,
    size: file.size,
    createdAt: new Date(write.nowMs).toISOString(),
  };
  const change = engine.store.begin();
  change.put(route.collection!.key, '', record);
  change.commit();
  return engine.respond(ctx, record, route.collection, '');
};

export const downloadFile: Handler = (ctx) => {
  const { engine, route, params, url } = ctx;
  const file = engine.find(route.collection!, route, params).record;
  if (file.purpose === 'image') throw new ApiError(400, "Images are public: use the file's `location` URL");
  return json(engine.answerOf(route).status, { data: { url: `${url.origin}/_sandbox/files/${file.id}?token=${engine.linkToken(file.id)}`, expiresIn: DOWNLOAD_SECONDS } });
};

/**
 * `Content-Disposition` for a stored file's name (RFC 6266): an ASCII `filename` for old clients
 * and the exact name, UTF-8 and percent-encoded, in `filename*`, since a header value can hold
 * neither non-ASCII text nor unescaped quotes.
 */
export function contentDisposition(name: string): string {
  const ascii = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
