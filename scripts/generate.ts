// npm run generate: spec/ -> generated/ (bundle, types, client). Writes nothing unless every output could be built.
import { renderOutputs } from './lib/outputs.ts';
import { writeFilesAtomically } from './lib/write.ts';
import { rel } from './lib/paths.ts';
import { parseCli } from './lib/cli.ts';
import { main } from './lib/main.ts';

await main(async () => {
  parseCli({ usage: 'Usage: npm run generate (takes no arguments).' });
  const started = performance.now();
  const files = await renderOutputs();
  await writeFilesAtomically(files);
  const ms = Math.round(performance.now() - started);
  console.log(`Generated ${[...files.keys()].map(rel).join(', ')} in ${ms} ms.`);
});
