// npm run diff -- [BASE] [REVISION] [--format markdown|json] [--allow-breaking]
// Compares the spec at BASE (a git ref, default origin/main if it exists, else HEAD; or a bundled
// spec file) with REVISION (a bundled spec file; default: the working tree's spec). Prints a
// Markdown (or JSON) report, each change in a shared component with every operation and webhook that
// reaches it, and exits 1 when a change is breaking, unless --allow-breaking. It compares
// contracts: the code samples generate adds to the published bundle are left out of both sides.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bundleSpec } from './lib/bundle.ts';
import { diffSpecs, renderReport } from './lib/diff.ts';
import { parseCli, UsageError } from './lib/cli.ts';
import { main } from './lib/main.ts';
import { ROOT } from './lib/paths.ts';
import { run } from './lib/run.ts';
import { withTempDir } from './lib/temp.ts';

const USAGE = 'Usage: npm run diff -- [BASE] [REVISION] [--format markdown|json] [--allow-breaking]';

const git = async (...args: string[]) => {
  const result = await run('git', args, { cwd: ROOT });
  if (result.code !== 0) throw new Error(`git ${args.join(' ')} failed:\n${result.stderr}`);
  return result.stdout.trim();
};

async function defaultBase(): Promise<string> {
  const origin = await run('git', ['rev-parse', '--verify', '--quiet', 'origin/main'], { cwd: ROOT });
  return origin.code === 0 ? 'origin/main' : 'HEAD';
}

/** Bundles the spec as it is at a git ref, in a temporary worktree. */
async function bundleAtRef(ref: string, out: string): Promise<void> {
  const commit = await git('rev-parse', '--verify', '--quiet', `${ref}^{commit}`).catch(() => {
    throw new Error(`"${ref}" is neither a bundled spec file nor a git ref.`);
  });
  await withTempDir('diff-base', async (dir) => {
    try {
      await git('worktree', 'add', '--detach', '--force', dir, commit);
      await writeFile(out, JSON.stringify(await bundleSpec(path.join(dir, 'spec/openapi.yaml'))));
    } finally {
      await run('git', ['worktree', 'remove', '--force', dir], { cwd: ROOT });
    }
  });
}

await main(async () => {
  const { values, positionals } = parseCli({
    usage: USAGE,
    positionals: ['BASE', 'REVISION'],
    options: { 'allow-breaking': { type: 'boolean', default: false }, format: { type: 'string', default: 'markdown' } },
  });
  const format = values.format!;
  if (!['markdown', 'json'].includes(format)) throw new UsageError(`Unknown --format "${format}": use markdown or json. ${USAGE}`);
  const [baseArg, revisionArg] = positionals;
  await withTempDir('diff', async (dir) => {
    let baseFile: string;
    let baseLabel: string;
    if (baseArg && existsSync(baseArg)) {
      baseFile = path.resolve(baseArg);
      baseLabel = baseArg;
    } else {
      const ref = baseArg ?? (await defaultBase());
      baseFile = path.join(dir, 'base.json');
      await bundleAtRef(ref, baseFile);
      baseLabel = ref;
    }
    let revisionFile: string;
    if (revisionArg) {
      if (!existsSync(revisionArg)) throw new Error(`Revision file "${revisionArg}" does not exist.`);
      revisionFile = path.resolve(revisionArg);
    } else {
      revisionFile = path.join(dir, 'revision.json');
      await writeFile(revisionFile, JSON.stringify(await bundleSpec()));
    }
    const changes = await diffSpecs(baseFile, revisionFile);
    const labels = { base: baseLabel, revision: revisionArg ?? 'working tree' };
    console.log(format === 'json' ? JSON.stringify({ ...labels, changes }, null, 2) : renderReport(changes, labels));
    const breaking = changes.filter((c) => c.impact === 'major').length;
    if (breaking > 0 && !values['allow-breaking']) {
      throw new Error(`${breaking} breaking change(s). If they are intended, rerun with --allow-breaking and explain them in CHANGELOG.md.`);
    }
  });
});
