// npm run compile: the client in src/ -> dist/ (ESM JavaScript and .d.ts). The generated types file is
// a .d.ts, which tsc does not copy, so it is copied beside the compiled output.
import { copyFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseCli } from './lib/cli.ts';
import { main } from './lib/main.ts';
import { bin, GENERATED_DIR, ROOT } from './lib/paths.ts';
import { run } from './lib/run.ts';

await main(async () => {
  parseCli({ usage: 'Usage: npm run compile (takes no arguments).' });
  const dist = path.join(ROOT, 'dist');
  await rm(dist, { recursive: true, force: true });
  const result = await run(bin('tsc'), ['-p', 'tsconfig.build.json'], { cwd: ROOT });
  if (result.code !== 0) throw new Error(`TypeScript compilation failed:\n${result.stdout}\n${result.stderr}`);
  await mkdir(path.join(dist, 'generated'), { recursive: true });
  await copyFile(path.join(GENERATED_DIR, 'schema.d.ts'), path.join(dist, 'generated/schema.d.ts'));
  console.log('Compiled the client to dist/.');
});
