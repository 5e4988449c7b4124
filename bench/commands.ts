// Wall time of whole npm commands, as a maintainer runs them: `npm run generate`, `npm test`.
import { spawn } from 'node:child_process';
import { ROOT } from '../scripts/lib/paths.ts';
import { quietEnv } from '../scripts/lib/run.ts';
import { spread, type Spread } from './stats.ts';

function seconds(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('npm', args, { cwd: ROOT, env: quietEnv, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve((performance.now() - started) / 1000) : reject(new Error(`npm ${args.join(' ')} failed (${code}):\n${stderr}`))));
  });
}

export async function timeCommand(args: string[], runs: number): Promise<Spread> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await seconds(args));
  return spread(times);
}
