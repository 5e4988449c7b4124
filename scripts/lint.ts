// npm run lint: Spectral (our conventions + spectral:oas) on a fresh bundle, then Redocly's recommended rules.
// Passes only with zero problems of any severity.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { bundleSpec } from './lib/bundle.ts';
import { main } from './lib/main.ts';
import { bin, ROOT } from './lib/paths.ts';
import { run } from './lib/run.ts';
import { createSourceMapper } from './lib/source-map.ts';
import { runSpectral, SEVERITY } from './lib/spectral.ts';

interface RedoclyProblem {
  ruleId: string;
  severity: string;
  message: string;
  location: Array<{ source: { ref: string }; pointer?: string; start?: { line: number; col: number } }>;
}

async function spectralProblems(): Promise<string[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cp-lint-'));
  try {
    const bundle = path.join(dir, 'openapi.json');
    await writeFile(bundle, JSON.stringify(await bundleSpec(), null, 2));
    const toSource = createSourceMapper();
    return (await runSpectral([bundle])).map(
      (f) => `${toSource(f.path)}  ${SEVERITY[f.severity]}  ${f.code}  ${f.message}`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function redoclyProblems(): Promise<string[]> {
  const result = await run(bin('redocly'), ['lint', '--format', 'json'], { cwd: ROOT });
  const start = result.stdout.indexOf('{');
  if (start < 0) throw new Error(`Redocly lint failed to run:\n${result.stderr || result.stdout}`);
  const { problems } = JSON.parse(result.stdout.slice(start)) as { problems: RedoclyProblem[] };
  return problems.map((p) => {
    const at = p.location[0];
    const place = at ? `${path.relative(ROOT, path.resolve(ROOT, at.source.ref))}:${at.start?.line ?? 0}:${at.start?.col ?? 0}` : '?';
    return `${place}  ${p.severity}  ${p.ruleId}  ${p.message}`;
  });
}

await main(async () => {
  const [spectral, redocly] = await Promise.all([spectralProblems(), redoclyProblems()]);
  for (const [tool, problems] of [['Spectral', spectral], ['Redocly', redocly]] as const) {
    console.log(problems.length ? `${tool}: ${problems.length} problem(s)\n  ${problems.join('\n  ')}` : `${tool}: no problems`);
  }
  if (spectral.length + redocly.length > 0) throw new Error('Lint failed: fix every error and warning above.');
});
