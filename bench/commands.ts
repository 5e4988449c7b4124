// Wall and CPU time of whole commands, as a maintainer runs them: `npm run lint`, `npm run generate`,
// `npm run build`, `npm test`, and a bare `openapi-typescript` run to compare generate with. Each
// command runs in a process group of its own (scripts/lib/child.ts). CPU time is the user + system
// time of the command and every process it waited for, from the shell's `times`: on a machine
// that other work shares, CPU time moves much less than wall time.
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { spawnGroup } from '../scripts/lib/child.ts';
import { bin, GENERATED_DIR, ROOT } from '../scripts/lib/paths.ts';
import { quietEnv } from '../scripts/lib/run.ts';
import { withTempDir } from '../scripts/lib/temp.ts';
import { spread, type Spread } from './stats.ts';

export interface Timing {
  wall: number;
  cpu: number;
}

const seconds = (text: string) => {
  const m = /^(\d+)m([\d.]+)s$/.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
};

/** Runs `command args` through `sh`, whose `times` then gives the CPU time of all it waited for. */
export function timeOnce(command: string, args: string[], cwd = ROOT): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const script = '"$@" >/dev/null; code=$?; times >&2; exit $code';
    const child = spawnGroup('sh', ['-c', script, 'sh', command, ...args], { cwd, env: quietEnv, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-8000)));
    child.on('error', reject);
    child.on('close', (code) => {
      const wall = (performance.now() - started) / 1000;
      if (code !== 0) return reject(new Error(`${command} ${args.join(' ')} failed (${code}):\n${stderr}`));
      // `times`: the shell's own user and system time, then its children's.
      const [user, system] = stderr.trimEnd().split('\n').at(-1)!.trim().split(/\s+/).map(seconds);
      resolve({ wall, cpu: user! + system! });
    });
  });
}

export interface CommandFigures {
  wall: Spread;
  cpu: Spread;
}

export async function timeCommand(args: string[], runs: number): Promise<CommandFigures> {
  const times: Timing[] = [];
  for (let i = 0; i < runs; i++) times.push(await timeOnce('npm', args));
  return { wall: spread(times.map((t) => t.wall)), cpu: spread(times.map((t) => t.cpu)) };
}

export interface GenerateFigures {
  generate: CommandFigures;
  bare: CommandFigures;
  /** generate / bare, wall time, each pair run back to back. */
  ratio: Spread;
  cpuRatio: Spread;
}

/**
 * `npm run generate` and a bare `openapi-typescript` run of the same bundle, taking turns, so that
 * each pair sees the same machine. The bare run works on a copy outside the repository, where it
 * does not read redocly.yaml (which would add our lint rules to its own checks).
 */
export function generateVersusBare(runs: number): Promise<GenerateFigures> {
  return withTempDir('bench-generate', async (dir) => {
    await copyFile(path.join(GENERATED_DIR, 'openapi.json'), path.join(dir, 'openapi.json'));
    const generate: Timing[] = [];
    const bare: Timing[] = [];
    for (let i = 0; i < runs; i++) {
      generate.push(await timeOnce('npm', ['run', '-s', 'generate']));
      bare.push(await timeOnce(bin('openapi-typescript'), ['openapi.json', '-o', 'schema.d.ts'], dir));
    }
    const figures = (ts: Timing[]) => ({ wall: spread(ts.map((t) => t.wall)), cpu: spread(ts.map((t) => t.cpu)) });
    return {
      generate: figures(generate),
      bare: figures(bare),
      ratio: spread(generate.map((g, i) => g.wall / bare[i]!.wall)),
      cpuRatio: spread(generate.map((g, i) => g.cpu / bare[i]!.cpu)),
    };
  });
}
