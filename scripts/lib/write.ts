// Writes a set of files so that readers never see a half-written one.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Every file is first written beside its target under a temporary name, then all are renamed
 * into place. Callers compute all contents before calling, so a broken input fails before
 * anything on disk changes.
 */
export async function writeFilesAtomically(files: Map<string, string>): Promise<void> {
  const staged: Array<[string, string]> = [];
  try {
    for (const [target, content] of files) {
      await mkdir(path.dirname(target), { recursive: true });
      const temp = `${target}.${process.pid}.tmp`;
      await writeFile(temp, content);
      staged.push([temp, target]);
    }
  } catch (error) {
    await Promise.all(staged.map(([temp]) => rm(temp, { force: true })));
    throw error;
  }
  for (const [temp, target] of staged) await rename(temp, target);
}
