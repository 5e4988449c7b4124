// The Postman collection (format v2.1) that `npm run docs` writes beside the site, converted from
// the bundle by openapi-to-postmanv2 (Postman's own converter). We only choose its options and
// name the two collection variables people fill in: `baseUrl` and `apiKey`.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { convertV2, type Options } from 'openapi-to-postmanv2';

export const POSTMAN_FILE = 'checkout-page-api.postman_collection.json';

export const POSTMAN_SCHEMA = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

const OPTIONS: Options = {
  // One folder per tag, as in the docs; requests named by their summary.
  folderStrategy: 'Tags',
  requestNameSource: 'Fallback',
  // Path values and bodies from the spec's named examples, not from values faked from the schema.
  parametersResolution: 'Example',
  // Optional query parameters are listed but not sent until someone ticks them.
  enableOptionalParameters: false,
  // Every request uses the collection's bearer auth; saved answers carry no credentials.
  alwaysInheritAuthentication: true,
  includeAuthInfoInExample: false,
  // Webhooks are calls Checkout Page makes, not requests to send.
  includeWebhooks: false,
};

type Json = any;

export interface PostmanCollection {
  info: { name: string; schema: string; [key: string]: unknown };
  item: Json[];
  auth?: Json;
  variable?: Array<{ key: string; value: string; type?: string; description?: string }>;
  [key: string]: unknown;
}

function convert(doc: object): Promise<PostmanCollection> {
  return new Promise((resolve, reject) => {
    convertV2({ type: 'json', data: structuredClone(doc) }, OPTIONS, (error, result) => {
      if (error) return reject(new Error(`openapi-to-postmanv2 failed: ${error.message}`));
      const collection = result?.output?.find((o) => o.type === 'collection')?.data as PostmanCollection | undefined;
      if (!result?.result || !collection) return reject(new Error(`openapi-to-postmanv2 failed: ${result?.reason ?? 'no collection'}`));
      resolve(collection);
    });
  });
}

/** Folders made for tags that have no operation (the guides' tags) are left out. */
function withoutEmptyFolders(items: Json[]): Json[] {
  return items.flatMap((item) => {
    if (!Array.isArray(item.item)) return [item];
    const children = withoutEmptyFolders(item.item);
    return children.length > 0 ? [{ ...item, item: children }] : [];
  });
}

/** The bundle as a Postman collection v2.1, with `{{baseUrl}}` (production by default) and `{{apiKey}}`. */
export async function postmanCollection(doc: object): Promise<PostmanCollection> {
  const collection = await convert(doc);
  const production = (doc as { servers?: Array<{ url?: string }> }).servers?.[0]?.url;
  if (!production) throw new Error('The bundle names no server: the collection needs a default baseUrl.');
  collection.item = withoutEmptyFolders(collection.item);
  // The converter names the bearer token {{bearerToken}} and does not declare it; we call it apiKey,
  // as the docs and the client do, and declare it empty: a collection never holds a real key.
  collection.auth = { type: 'bearer', bearer: [{ key: 'token', value: '{{apiKey}}', type: 'string' }] };
  collection.variable = [
    { key: 'baseUrl', value: production, type: 'string', description: 'The API host. Point it at a mock (npm run mock) to try requests safely.' },
    { key: 'apiKey', value: '', type: 'string', description: 'Your secret API key (dashboard: Settings > API Keys). Set it in a Postman environment or vault, not in a collection you share.' },
  ];
  return collection;
}

/** Converts the bundle and writes the collection to `dir`; returns the file's path. */
export async function writePostmanCollection(doc: object, dir: string): Promise<string> {
  const file = path.join(dir, POSTMAN_FILE);
  await writeFile(file, `${JSON.stringify(await postmanCollection(doc), null, 2)}\n`);
  return file;
}
