// npm run lint: Spectral (our conventions + spectral:oas) on a fresh bundle, then Redocly's recommended rules on
// the spec and on the sandbox's control routes (spec/sandbox/), and the Arazzo workflows (scripts/lib/lint-workflows.ts).
// Passes only with zero problems of any severity.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bundleSpec } from './lib/bundle.ts';
import type { LintProblem } from './lib/lint-problem.ts';
import { lintWorkflows } from './lib/lint-workflows.ts';
import { parseCli, UsageError } from './lib/cli.ts';
import { main } from './lib/main.ts';
import { bin, ROOT } from './lib/paths.ts';
import { run } from './lib/run.ts';
import { createSourceMapper } from './lib/source-map.ts';
import { runSpectral, SEVERITY } from './lib/spectral.ts';
import { withTempDir } from './lib/temp.ts';

type Problem = LintProblem;

interface RedoclyProblem {
  ruleId: string;
  severity: string;
  message: string;
  location: Array<{ source: { ref: string }; pointer?: string; start?: { line: number; col: number } }>;
}

function spectralProblems(): Promise<Problem[]> {
  return withTempDir('lint', async (dir) => {
    const bundle = path.join(dir, 'openapi.json');
    await writeFile(bundle, JSON.stringify(await bundleSpec(), null, 2));
    const toSource = createSourceMapper();
    return (await runSpectral([bundle])).map((f) => {
      const at = toSource(f.path);
      return { ...at, severity: SEVERITY[f.severity], rule: f.code, message: f.message };
    });
  });
}

async function redoclyProblems(): Promise<Problem[]> {
  const result = await run(bin('redocly'), ['lint', 'spec/openapi.yaml', 'spec/sandbox/openapi.yaml', '--format', 'json'], { cwd: ROOT });
  const start = result.stdout.indexOf('{');
  if (start < 0) throw new Error(`Redocly lint failed to run:\n${result.stderr || result.stdout}`);
  // One pretty-printed report per file linted (the spec, the sandbox's control routes),
  // back to back: a line starting `}{` can only be where one ends and the next begins.
  const reports = result.stdout.slice(start).split(/^\}\{/m).map((part, i, all) => `${i > 0 ? '{' : ''}${part}${i < all.length - 1 ? '}' : ''}`);
  const problems = reports.flatMap((report) => (JSON.parse(report) as { problems: RedoclyProblem[] }).problems);
  return problems.map((p) => {
    const at = p.location[0];
    const file = at ? path.relative(ROOT, path.resolve(ROOT, at.source.ref)) : 'spec/openapi.yaml';
    return { file, line: at?.start?.line ?? 1, severity: p.severity, rule: p.ruleId, message: p.message, pointer: at?.pointer };
  });
}

const USAGE = 'Usage: npm run lint -- [--format text|github-actions]';

const SEVERITY_LEVEL: Record<string, string> = { error: 'error', warn: 'warning', warning: 'warning' };

/** One problem as people read it. */
const describe = (problem: Problem) =>
  `${problem.file}:${problem.line}${problem.pointer ? ` ${problem.pointer}` : ''}  ${problem.severity}  ${problem.rule}  ${problem.message}`;

/** One problem as a GitHub Actions workflow command: an inline annotation on the pull request. */
function annotation(problem: Problem): string {
  const level = SEVERITY_LEVEL[problem.severity] ?? 'notice';
  return `::${level} file=${problem.file},line=${problem.line},title=${problem.rule}::${problem.message.replace(/\n/g, '%0A')}`;
}

await main(async () => {
  const { values } = parseCli({ usage: USAGE, options: { format: { type: 'string', default: 'text' } } });
  const format = values.format!;
  if (!['text', 'github-actions'].includes(format)) throw new UsageError(`Unknown --format "${format}": use text or github-actions. ${USAGE}`);
  const [spectral, redocly, workflows] = await Promise.all([spectralProblems(), redoclyProblems(), lintWorkflows()]);
  for (const [tool, problems] of [['Spectral', spectral], ['Redocly', redocly], ['Workflows (Arazzo)', workflows]] as const) {
    const lines = problems.map((p) => `  ${describe(p)}`);
    console.log(problems.length ? `${tool}: ${problems.length} problem(s)\n${lines.join('\n')}` : `${tool}: no problems`);
  }
  // GitHub shows a workflow command's message in the log without its file and line, so the report
  // above stays for people reading the log; the commands (each must start its line) follow it.
  if (format === 'github-actions') for (const p of [...spectral, ...redocly, ...workflows]) console.log(annotation(p));
  if (spectral.length + redocly.length + workflows.length > 0) throw new Error('Lint failed: fix every error and warning above.');
});
