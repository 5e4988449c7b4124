// The bundle works in the code generators people already use: each one runs on
// generated/openapi.json in a scratch directory, through its command line as a user would, and
// what it writes must compile with `tsc --strict`. The generators run side by side (concurrent
// tests); each is its own test, failing with the tool's or the compiler's own output.
import { readdir, readFile, mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, GENERATED_DIR, ROOT } from '../../scripts/lib/paths.ts';
import { run } from '../../scripts/lib/run.ts';
import { withTempDir } from '../../scripts/lib/temp.ts';
import { operations } from '../support/bundle.ts';
import { GENERATORS, pinned, TSCONFIG, type Generator } from './generators.ts';

const SPEC = path.join(GENERATED_DIR, 'openapi.json');
// Generating and compiling a client takes a few seconds alone; on a loaded 2-core runner, with
// another generator beside it (maxConcurrency: one per core), it took over 4 minutes.
const TIMEOUT = 600_000;

async function typeScriptFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => path.join(e.parentPath, e.name));
}

const shorten = (text: string, lines = 60) => {
  const all = text.split('\n');
  return all.length > lines ? [...all.slice(0, lines), `... (${all.length - lines} more lines)`].join('\n') : text;
};

async function generateAndCompile(g: Generator): Promise<void> {
  await withTempDir(`compat-${g.pkg.replace(/\W+/g, '-')}`, async (dir) => {
    // A user's project: a tsconfig, the packages installed, an empty output folder.
    await writeFile(path.join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
    await symlink(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    await mkdir(path.join(dir, 'out'));

    // A tool that cannot read the bundle as published reads the copy its npm script writes.
    let spec = SPEC;
    if (g.prepare) {
      spec = path.join(dir, 'openapi.json');
      const prepared = await run('npm', ['run', '--silent', g.prepare, '--', spec], { cwd: ROOT });
      if (prepared.code !== 0) expect.fail(`npm run ${g.prepare} exited with ${prepared.code}:\n${prepared.stdout}\n${prepared.stderr}`);
    }
    const [command, args] = g.command(spec);
    const generated = await run(command, args, { cwd: dir });
    if (generated.code !== 0) {
      expect.fail(`${g.pkg} ${args.join(' ')} exited with ${generated.code}:\n${shorten(`${generated.stdout}\n${generated.stderr}`)}`);
    }
    const files = await typeScriptFiles(path.join(dir, 'out'));
    expect(files.length, `${g.pkg} wrote no TypeScript file:\n${generated.stdout}\n${generated.stderr}`).toBeGreaterThan(0);

    // Every operation made it into the output (under its operationId, in whatever case the tool uses).
    const text = (await Promise.all(files.map((f) => readFile(f, 'utf8')))).join('\n').toLowerCase();
    const missing = operations.filter((op) => !text.includes(op.operationId.toLowerCase())).map((op) => op.operationId);
    expect(missing, `${g.pkg} left out these operations`).toEqual([]);

    const compiled = await run(bin('tsc'), ['-p', dir, '--pretty', 'false'], { cwd: dir });
    if (compiled.code !== 0) {
      const errors = compiled.stdout.split('\n').filter((line) => /\): error TS\d+: /.test(line)).length;
      expect.fail(`tsc --strict found ${errors} error(s) in what ${g.pkg} ${pinned(g.pkg)} generated:\n${shorten(`${compiled.stdout}\n${compiled.stderr}`)}`);
    }
  });
}

describe.concurrent('code generators on generated/openapi.json', () => {
  for (const g of GENERATORS) {
    it(`${g.pkg} ${pinned(g.pkg)}: ${g.checked}, compiled with tsc --strict`, () => generateAndCompile(g), TIMEOUT);
  }
});

describe('the README "Works with" table', () => {
  it('lists each generator with the version pinned in package.json', async () => {
    const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
    for (const g of GENERATORS) {
      const row = readme.split('\n').find((line) => line.startsWith('|') && line.includes(`[${g.pkg}]`));
      expect(row, `no row for ${g.pkg} in README.md`).toBeDefined();
      expect(row).toContain(`| ${pinned(g.pkg)} |`);
    }
  });
});
