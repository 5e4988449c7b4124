// npm run build: lint, generate, docs and compile, each as its own npm script would run it, side by
// side where nothing depends on the other: lint reads only spec/, while docs and compile need what
// generate writes. On 2 cores this takes the lint's time beside the rest, instead of the sum of all
// four. Each step's output is printed when it ends; the first failure ends the others.
import path from 'node:path';
import { ROOT } from './lib/paths.ts';
import { runTs } from './lib/run.ts';

async function step(name: string): Promise<void> {
  const started = performance.now();
  const result = await runTs(path.join(ROOT, 'scripts', `${name}.ts`), [], { cwd: ROOT });
  const output = [result.stdout, result.stderr].filter(Boolean).join('\n');
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`> ${name} (${seconds} s)${output ? `\n${output}` : ''}`);
  if (result.code !== 0) throw new Error(`Build failed: npm run ${name} exited with ${result.code}.`);
}

try {
  await Promise.all([step('lint'), step('generate').then(() => Promise.all([step('docs'), step('compile')]))]);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1); // child.ts ends the steps still running
}
