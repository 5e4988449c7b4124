// npm run check:generated: fails when the committed generated/ is not what the spec produces.
import { readFile } from 'node:fs/promises';
import { renderOutputs } from './lib/outputs.ts';
import { rel } from './lib/paths.ts';
import { parseCli } from './lib/cli.ts';
import { main } from './lib/main.ts';

await main(async () => {
  parseCli({ usage: 'Usage: npm run check:generated (takes no arguments).' });
  const stale: string[] = [];
  for (const [file, expected] of await renderOutputs()) {
    const actual = await readFile(file, 'utf8').catch(() => undefined);
    if (actual !== expected) stale.push(actual === undefined ? `${rel(file)} (missing)` : rel(file));
  }
  if (stale.length > 0) {
    throw new Error(`generated/ is out of date with spec/:\n  ${stale.join('\n  ')}\nRun \`npm run generate\` and commit the result.`);
  }
  console.log('generated/ matches the spec.');
});
