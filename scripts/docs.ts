// npm run docs: renders the bundle in generated/ to docs/site/index.html, one self-contained page
// (Redoc inlined, logo embedded, no request to any other host), with the bundle and a Postman
// collection beside it (the page links to all three: downloadUrls in docs/redoc.yaml), and, for AI
// assistants, llms.txt with one Markdown page per operation and webhook under llms/.
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseCli } from './lib/cli.ts';
import { LLMS_FILE, renderLlmsTxt } from './lib/llms.ts';
import { main } from './lib/main.ts';
import { renderMarkdownPages } from './lib/markdown-pages.ts';
import { pointPageActionsAtPages } from './lib/page-actions.ts';
import { bin, GENERATED_DIR, rel, ROOT } from './lib/paths.ts';
import { POSTMAN_FILE, writePostmanCollection } from './lib/postman.ts';
import { run } from './lib/run.ts';
import { withTempDir } from './lib/temp.ts';
import { addWorkflowsGuide } from './lib/workflows-guide.ts';

const SITE = path.join(ROOT, 'docs/site');

const dataUri = (svg: string) => `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

// Redoc's "API docs by Redocly" badge loads its logo from cdn.redoc.ly. We keep the credit but
// embed a local wordmark, so the page makes no outside request (and shows no error offline).
const CREDIT = dataUri(
  '<svg xmlns="http://www.w3.org/2000/svg" width="62" height="16" viewBox="0 0 62 16"><text x="0" y="12" font-family="Helvetica, Arial, sans-serif" font-size="12" font-weight="700" fill="#0044d4">Redocly</text></svg>',
);
const CDN_LOGOS = /https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g;

await main(async () => {
  parseCli({ usage: 'Usage: npm run docs (takes no arguments).' });
  const logo = await readFile(path.join(ROOT, 'docs/logo.svg'), 'utf8');
  const bundle = JSON.parse(await readFile(path.join(GENERATED_DIR, 'openapi.json'), 'utf8'));
  const spec = structuredClone(bundle);
  spec.info['x-logo'] = { url: dataUri(logo), altText: 'Checkout Page API', href: '#' };
  await addWorkflowsGuide(spec, SITE); // the Workflows guide, and the Arazzo files beside openapi.yaml

  await withTempDir('docs', async (work) => {
    const input = path.join(work, 'openapi.json');
    const page = path.join(work, 'index.html');
    await writeFile(input, JSON.stringify(spec));
    // Redoc renders in its own process while the collection is converted here.
    const rendering = run(
      bin('redocly'),
      [
        'build-docs',
        input,
        '--inlineBundle', // embeds Redoc's script: no CDN, works offline
        '--template',
        path.join(ROOT, 'docs/template.hbs'),
        '--title',
        `${spec.info.title} reference`,
        `--templateOptions.description=${spec.info.summary}`,
        `--templateOptions.favicon=${dataUri(logo)}`,
        '--output',
        page,
        // The Redoc options (docs/redoc.yaml says why they are not in redocly.yaml).
        '--config',
        path.join(ROOT, 'docs/redoc.yaml'),
        '--lint-config',
        'off',
      ],
      { cwd: ROOT },
    );
    // Both settle before the scratch directory goes, whichever fails.
    const [rendered, converted] = await Promise.allSettled([rendering, writePostmanCollection(bundle, work)]);
    if (rendered.status === 'rejected') throw rendered.reason;
    if (converted.status === 'rejected') throw converted.reason;
    const result = rendered.value;
    if (result.code !== 0) throw new Error(`Docs build failed:\n${result.stderr || result.stdout}`);
    const pages = renderMarkdownPages(bundle);
    const html = pointPageActionsAtPages((await readFile(page, 'utf8')).replace(CDN_LOGOS, CREDIT), pages, LLMS_FILE);
    await mkdir(SITE, { recursive: true });
    await writeFile(path.join(SITE, 'index.html'), html);
    // Pages of operations that are gone must not linger: the folder is written afresh.
    await rm(path.join(SITE, 'llms'), { recursive: true, force: true });
    for (const { file, markdown } of pages) {
      await mkdir(path.dirname(path.join(SITE, file)), { recursive: true });
      await writeFile(path.join(SITE, file), markdown);
    }
    const extras = [
      { file: 'openapi.json', title: 'OpenAPI description (JSON)', note: 'the whole OpenAPI 3.1 description these pages are generated from (also as openapi.yaml).' },
      { file: POSTMAN_FILE, title: 'Postman collection', note: 'every operation as a Postman request.' },
    ];
    await writeFile(path.join(SITE, LLMS_FILE), renderLlmsTxt(bundle, pages, extras));
    for (const name of ['openapi.yaml', 'openapi.json']) await copyFile(path.join(GENERATED_DIR, name), path.join(SITE, name));
    await copyFile(converted.value, path.join(SITE, POSTMAN_FILE));
    console.log(`Built ${rel(path.join(SITE, 'index.html'))} with openapi.yaml, openapi.json, ${POSTMAN_FILE}, ${LLMS_FILE} and ${pages.length} Markdown pages (llms/) beside it.`);
  });
});
