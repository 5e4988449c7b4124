// Nothing of an interrupted run is left behind. A small suite (test/fixtures/interrupt) starts a
// Prism server, `npm run lint` (Spectral and Redocly in process groups of their own), an idle tool
// and scratch folders; once Spectral runs, it is interrupted as Ctrl-C does (SIGINT to its process
// group). Afterwards no process of its tree and no process group of it is alive, and its temporary
// folder is empty.
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killGroup, spawnGroup } from '../../scripts/lib/child.ts';
import { bin, ROOT } from '../../scripts/lib/paths.ts';
import { quietEnv } from '../../scripts/lib/run.ts';
import { makeTempDir, removeTempDir } from '../../scripts/lib/temp.ts';

interface Proc {
  pid: number;
  ppid: number;
  pgid: number;
  args: string;
}

/** Every live process (zombies are dead: left out), from `ps`. */
function processes(): Proc[] {
  const ps = spawnSync('ps', ['-eo', 'pid=,ppid=,pgid=,stat=,args='], { encoding: 'utf8' });
  return ps.stdout
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => !!m && !m[4]!.startsWith('Z'))
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), pgid: Number(m[3]), args: m[5]! }));
}

/** `root` and all its descendants (a process group of its own does not change the parent). */
function tree(root: number, all = processes()): Proc[] {
  const found = all.filter((p) => p.pid === root);
  for (let i = 0; i < found.length; i++) found.push(...all.filter((p) => p.ppid === found[i]!.pid));
  return found;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('an interrupted test run', () => {
  let dir: string;
  let seen: Proc[] = [];
  let exitCode: number | null = null;
  let tmp: string;

  beforeAll(async () => {
    dir = await makeTempDir('interrupt');
    tmp = path.join(dir, 'tmp');
    await mkdir(tmp);
    const marker = path.join(dir, 'marker');
    await writeFile(marker, '');
    const config = path.join(ROOT, 'test/fixtures/interrupt/vitest.config.ts');
    const env = { ...quietEnv, TMPDIR: tmp, CP_INTERRUPT_MARKER: marker, CP_CHILD_REGISTRY: '' };
    const vitest = spawnGroup(bin('vitest'), ['run', '--config', config], { cwd: ROOT, env, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => vitest.once('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));
    // Wait until the suite is in full swing: the idle tool started and Spectral running.
    for (let started = Date.now(); Date.now() - started < 480_000; await sleep(250)) {
      const current = tree(vitest.pid!);
      // By pid and command line: a child seen between its fork and its exec still shows its parent's.
      for (const p of current) if (!seen.some((s) => s.pid === p.pid && s.args === p.args)) seen.push(p);
      if ((await readFile(marker, 'utf8')).includes('idle') && current.some((p) => /spectral/.test(p.args) && / lint /.test(p.args))) break;
      if (vitest.exitCode !== null) throw new Error(`the fixture suite ended by itself (${vitest.exitCode})`);
    }
    // Ctrl-C: the terminal sends SIGINT to the whole foreground group (vitest and its workers).
    killGroup(vitest.pid!, 'SIGINT');
    exitCode = await exited;
  });

  afterAll(() => removeTempDir(dir));

  it('had started Prism, Spectral, Redocly and the idle tool in process groups of their own', () => {
    const groups = new Set(seen.map((p) => p.pgid));
    expect(seen.some((p) => /prism/.test(p.args) && / mock /.test(p.args))).toBe(true);
    expect(seen.some((p) => /spectral/.test(p.args))).toBe(true);
    expect(groups.size).toBeGreaterThanOrEqual(4);
    expect(exitCode).not.toBe(0);
  });

  it('leaves no process and no process group behind', async () => {
    const pids = new Set(seen.map((p) => p.pid));
    const groups = new Set(seen.map((p) => p.pgid));
    let left: Proc[] = [];
    // Groups get SIGTERM, then SIGKILL after a short grace: allow for a slow machine.
    for (let i = 0; i < 100; i++) {
      left = processes().filter((p) => pids.has(p.pid) || groups.has(p.pgid));
      if (left.length === 0) break;
      await sleep(100);
    }
    expect(left.map((p) => `${p.pid} (group ${p.pgid}): ${p.args}`)).toEqual([]);
  });

  it('leaves no temporary folder behind', async () => {
    expect(await readdir(tmp)).toEqual([]);
  });
});
