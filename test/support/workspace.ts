// A throwaway copy of the project (spec, scripts, generated, configs) for tests that must break things.
import { cp, symlink } from 'node:fs/promises';
import path from 'node:path';
import { ROOT } from '../../scripts/lib/paths.ts';
import { type RunResult, runTs } from '../../scripts/lib/run.ts';
import { makeTempDir, removeTempDir } from '../../scripts/lib/temp.ts';

const COPIED = ['spec', 'scripts', 'generated', 'spectral', 'redocly.yaml', '.spectral.yaml', 'package.json', '.gitignore'];

export interface Workspace {
  dir: string;
  /** Runs one of the project's scripts (scripts/<name>.ts) inside the copy. */
  script(name: string, args?: string[]): Promise<RunResult>;
  remove(): Promise<void>;
}

export async function copyWorkspace(): Promise<Workspace> {
  const dir = await makeTempDir('workspace');
  for (const entry of COPIED) await cp(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
  await symlink(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return {
    dir,
    script: (name, args = []) => runTs(path.join(dir, 'scripts', `${name}.ts`), args, { cwd: dir }),
    remove: () => removeTempDir(dir),
  };
}
