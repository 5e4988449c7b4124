// A scratch directory that exists only while `task` runs, removed also when the run is interrupted
// (Ctrl-C, SIGTERM: child.ts).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { forgetFolder, removeOnExit } from './child.ts';

/** A new `cp-<prefix>-*` folder in the system temp folder, removed at exit unless released first. */
export async function makeTempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `cp-${prefix}-`));
  removeOnExit(dir);
  return dir;
}

export async function removeTempDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  forgetFolder(dir);
}

export async function withTempDir<T>(prefix: string, task: (dir: string) => Promise<T>): Promise<T> {
  const dir = await makeTempDir(prefix);
  try {
    return await task(dir);
  } finally {
    await removeTempDir(dir);
  }
}
