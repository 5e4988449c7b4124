// npm run docs:serve [-- --port N]: serves the built site (docs/site) on 127.0.0.1 for a quick look.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './lib/paths.ts';
import { serveDirectory } from './lib/static-server.ts';

const site = path.join(ROOT, 'docs/site');
if (!existsSync(path.join(site, 'index.html'))) {
  console.error('docs/site/index.html does not exist yet: run `npm run docs` first.');
  process.exit(1);
}
const { values } = parseArgs({ options: { port: { type: 'string' } } });
const port = Number(values.port ?? process.env.PORT ?? 8080);
const server = await serveDirectory(site, '127.0.0.1', port);
console.log(`Serving docs/site at ${server.url} (Ctrl-C to stop)`);
process.on('SIGINT', () => server.close().then(() => process.exit(0)));
process.on('SIGTERM', () => server.close().then(() => process.exit(0)));
