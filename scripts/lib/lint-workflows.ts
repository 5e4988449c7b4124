// Lint of the Arazzo workflows (spec/workflows/): Redocly's Arazzo rules, plus what Redocly lint
// does not check and Respect only finds at run time: every step's operationId names an operation of
// its source, workflowIds are unique across files (npm run workflows -- --workflow ID picks by id),
// and the API key input is declared `format: password` (Respect masks only such inputs).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { readArazzoFiles, WORKFLOWS_DIR, type ArazzoFile } from './arazzo.ts';
import { bin, GENERATED_DIR, rel, ROOT } from './paths.ts';
import type { LintProblem } from './lint-problem.ts';
import { run } from './run.ts';

/** A problem of a workflow file. */
export type WorkflowProblem = LintProblem;

interface RedoclyReport {
  problems: Array<{ ruleId: string; severity: string; message: string; location: Array<{ source: { ref: string }; pointer?: string; start?: { line: number } }> }>;
}

/** `redocly lint --format json` prints one JSON report per file, one after the other. */
function splitReports(text: string): RedoclyReport[] {
  return text
    .split(/(?<=\})\s*(?=\{\s*"totals")/)
    .filter((part) => part.trim().startsWith('{'))
    .map((part) => JSON.parse(part) as RedoclyReport);
}

async function redoclyProblems(files: ArazzoFile[]): Promise<WorkflowProblem[]> {
  const result = await run(bin('redocly'), ['lint', ...files.map((f) => f.path), '--format', 'json'], { cwd: ROOT });
  const start = result.stdout.indexOf('{');
  if (start < 0) throw new Error(`Redocly lint of the workflows failed to run:\n${result.stderr || result.stdout}`);
  return splitReports(result.stdout.slice(start)).flatMap((report) =>
    report.problems.map((p) => {
      const at = p.location[0];
      return { file: at ? rel(path.resolve(ROOT, at.source.ref)) : 'spec/workflows', line: at?.start?.line ?? 1, severity: p.severity, rule: p.ruleId, message: p.message, pointer: at?.pointer };
    }),
  );
}

type PathItem = Record<string, { operationId?: string } | string>;

async function readDoc<T>(file: string): Promise<T> {
  const text = await readFile(file, 'utf8');
  return (file.endsWith('.json') ? JSON.parse(text) : parseDocument(text).toJS()) as T;
}

/** The operationIds of a description, following path items kept in files of their own (`$ref: paths/x.yaml`). */
async function operationIdsOf(file: string): Promise<Set<string>> {
  const doc = await readDoc<{ paths?: Record<string, PathItem> }>(file);
  const ids = new Set<string>();
  for (let item of Object.values(doc.paths ?? {})) {
    const ref = item?.$ref;
    if (typeof ref === 'string' && !ref.startsWith('#')) item = await readDoc<PathItem>(path.resolve(path.dirname(file), ref.split('#')[0]!));
    for (const op of Object.values(item ?? {})) if (op && typeof op === 'object' && op.operationId) ids.add(op.operationId);
  }
  return ids;
}

async function houseProblems(files: ArazzoFile[]): Promise<WorkflowProblem[]> {
  const problems: WorkflowProblem[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const counter = new LineCounter();
    const doc = parseDocument(await readFile(file.path, 'utf8'), { lineCounter: counter, keepSourceTokens: true });
    const lineAt = (keys: Array<string | number>) => {
      const node = doc.getIn(keys, true) as { range?: [number, number, number] } | undefined;
      return node?.range ? counter.linePos(node.range[0]).line : 1;
    };
    const add = (keys: Array<string | number>, rule: string, message: string) =>
      problems.push({ file: file.name, line: lineAt(keys), severity: 'error', rule, message, pointer: `#/${keys.join('/')}` });
    // The API's own operations come from the bundle, the file Respect reads.
    const ids = new Map<string, Set<string> | undefined>();
    for (const source of file.sources) {
      const at = source.file.startsWith(GENERATED_DIR) ? path.join(GENERATED_DIR, path.basename(source.file, path.extname(source.file)) + '.json') : source.file;
      ids.set(source.name, source.exists ? await operationIdsOf(at) : undefined);
    }
    file.workflows.forEach((workflow, w) => {
      const other = seen.get(workflow.workflowId);
      if (other) add(['workflows', w, 'workflowId'], 'workflow-id-unique', `workflowId "${workflow.workflowId}" is also used in ${other}: give each workflow its own id.`);
      seen.set(workflow.workflowId, file.name);
      const key = workflow.inputs.find((i) => i.name === 'apiKey');
      const schema = (file.document.workflows as Array<{ inputs?: { properties?: Record<string, { format?: string }> } }>)[w]?.inputs?.properties?.apiKey;
      if (key && schema?.format !== 'password') add(['workflows', w, 'inputs', 'properties', 'apiKey'], 'api-key-masked', 'Declare the apiKey input `format: password`, so Respect masks it in its output.');
      workflow.steps.forEach((step, s) => {
        if (!step.operationId) return;
        if (!step.source || !ids.has(step.source)) {
          add(['workflows', w, 'steps', s, 'operationId'], 'operation-exists', `Step "${step.stepId}": with several sources, write the operationId as $sourceDescriptions.<name>.${step.operation}.`);
          return;
        }
        const known = ids.get(step.source);
        if (known && !known.has(step.operation!)) {
          add(['workflows', w, 'steps', s, 'operationId'], 'operation-exists', `Step "${step.stepId}": source "${step.source}" has no operation "${step.operation}".`);
        }
      });
    });
  }
  return problems;
}

/** Every problem of the workflow files, Redocly's and ours. */
export async function lintWorkflows(dir = WORKFLOWS_DIR): Promise<WorkflowProblem[]> {
  const files = await readArazzoFiles(dir);
  if (files.length === 0) return [];
  const [redocly, house] = await Promise.all([redoclyProblems(files), houseProblems(files)]);
  return [...redocly, ...house];
}
