// npm run bundle: spec/ -> generated/openapi.yaml and generated/openapi.json (nothing is written if bundling fails).
import { bundleSpec } from './lib/bundle.ts';
import { parseCli } from './lib/cli.ts';
import { main } from './lib/main.ts';
import { renderBundle } from './lib/outputs.ts';
import { rel } from './lib/paths.ts';
import { writeFilesAtomically } from './lib/write.ts';

await main(async () => {
  parseCli({ usage: 'Usage: npm run bundle (takes no arguments).' });
  const files = renderBundle(await bundleSpec());
  await writeFilesAtomically(files);
  console.log(`Bundled ${[...files.keys()].map(rel).join(', ')}.`);
});
