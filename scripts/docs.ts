// npm run docs: renders the bundle in generated/ to one self-contained page, docs/site/index.html.
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { main } from './lib/main.ts';
import { bin, GENERATED_DIR, rel, ROOT } from './lib/paths.ts';
import { run } from './lib/run.ts';

const SITE = path.join(ROOT, 'docs/site');

await main(async () => {
  await mkdir(SITE, { recursive: true });
  const page = path.join(SITE, 'index.html');
  // --inlineBundle embeds Redoc's script, so the page needs no CDN and works offline.
  const result = await run(
    bin('redocly'),
    ['build-docs', path.join(GENERATED_DIR, 'openapi.yaml'), '--inlineBundle', '--output', page],
    { cwd: ROOT },
  );
  if (result.code !== 0) throw new Error(`Docs build failed:\n${result.stderr || result.stdout}`);
  await copyFile(path.join(GENERATED_DIR, 'openapi.yaml'), path.join(SITE, 'openapi.yaml'));
  await copyFile(path.join(GENERATED_DIR, 'openapi.json'), path.join(SITE, 'openapi.json'));
  console.log(`Built ${rel(page)}.`);
});
