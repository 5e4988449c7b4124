// npm run docs:serve [-- --port N]: serves the built site (docs/site) on 127.0.0.1 for a quick look.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { listenProblem, parseCli, portFrom } from './lib/cli.ts';
import { main } from './lib/main.ts';
import { ROOT } from './lib/paths.ts';
import { serveDirectory } from './lib/static-server.ts';

const USAGE = 'Usage: npm run docs:serve -- [--port N]';
const site = path.join(ROOT, 'docs/site');

await main(async () => {
  const { values } = parseCli({ usage: USAGE, options: { port: { type: 'string' } } });
  const port = portFrom(values.port, 8080, USAGE);
  if (!existsSync(path.join(site, 'index.html'))) throw new Error('docs/site/index.html does not exist yet: run `npm run docs` first.');
  const server = await serveDirectory(site, '127.0.0.1', port).catch((error: unknown) => {
    throw new Error(listenProblem(error, '127.0.0.1', port) ?? String(error));
  });
  console.log(`Serving docs/site at ${server.url} (Ctrl-C to stop)`);
  process.on('SIGINT', () => server.close().then(() => process.exit(0)));
  process.on('SIGTERM', () => server.close().then(() => process.exit(0)));
});
