// Reads the Arazzo workflow files in spec/workflows/: what the runner, the lint and the docs guide
// need to know about each (its workflows, their inputs, steps and outputs, and its sources).
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { rel, ROOT } from './paths.ts';

export const WORKFLOWS_DIR = path.join(ROOT, 'spec/workflows');
export const ARAZZO_SUFFIX = '.arazzo.yaml';

export interface ArazzoSource {
  name: string;
  url: string;
  /** The file the url names, resolved from the Arazzo file. */
  file: string;
  exists: boolean;
}

export interface ArazzoStep {
  stepId: string;
  description?: string;
  operationId?: string;
  /** The operationId without a `$sourceDescriptions.<name>.` prefix. */
  operation?: string;
  /** The source the operation belongs to (the only source when the id is not qualified). */
  source?: string;
}

export interface ArazzoInput {
  name: string;
  type?: string;
  description?: string;
  required: boolean;
  default?: unknown;
}

export interface ArazzoWorkflow {
  workflowId: string;
  summary?: string;
  description?: string;
  inputs: ArazzoInput[];
  steps: ArazzoStep[];
  outputs: Record<string, string>;
}

export interface ArazzoFile {
  /** Absolute path. */
  path: string;
  /** Path from the repository root, for messages. */
  name: string;
  title: string;
  summary?: string;
  sources: ArazzoSource[];
  workflows: ArazzoWorkflow[];
  /** The raw document. */
  document: Record<string, unknown>;
}

// Arazzo documents are read loosely: Respect and the lint check their shape.
type Raw = Record<string, any>;

const QUALIFIED = /^\$sourceDescriptions\.([^.]+)\.(.+)$/;

function readInputs(schema: Raw | undefined): ArazzoInput[] {
  const required = new Set<string>(Array.isArray(schema?.required) ? schema.required : []);
  return Object.entries<Raw>(schema?.properties ?? {}).map(([name, s]) => ({
    name,
    type: s.type,
    description: s.description,
    required: required.has(name),
    default: s.default,
  }));
}

export async function readArazzoFile(file: string): Promise<ArazzoFile> {
  let document: Raw;
  try {
    document = parse(await readFile(file, 'utf8')) as Raw;
  } catch (error) {
    throw new Error(`${rel(file)}: not valid YAML: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!document || typeof document !== 'object' || !Array.isArray(document.workflows)) {
    throw new Error(`${rel(file)}: not an Arazzo document (no workflows list)`);
  }
  const sources: ArazzoSource[] = (document.sourceDescriptions ?? []).map((s: Raw) => {
    const resolved = path.resolve(path.dirname(file), String(s.url));
    return { name: String(s.name), url: String(s.url), file: resolved, exists: existsSync(resolved) };
  });
  const only = sources.length === 1 ? sources[0]!.name : undefined;
  const workflows = (document.workflows as Raw[]).map((w) => ({
    workflowId: String(w.workflowId),
    summary: w.summary,
    description: w.description,
    inputs: readInputs(w.inputs),
    steps: ((w.steps ?? []) as Raw[]).map((s) => {
      const qualified = typeof s.operationId === 'string' ? QUALIFIED.exec(s.operationId) : null;
      return {
        stepId: String(s.stepId),
        description: s.description,
        operationId: s.operationId,
        operation: qualified ? qualified[2] : s.operationId,
        source: qualified ? qualified[1] : only,
      };
    }),
    outputs: (w.outputs ?? {}) as Record<string, string>,
  }));
  return { path: file, name: rel(file), title: String(document.info?.title ?? path.basename(file)), summary: document.info?.summary, sources, workflows, document };
}

/** Every workflow file, in name order. */
export async function readArazzoFiles(dir = WORKFLOWS_DIR): Promise<ArazzoFile[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith(ARAZZO_SUFFIX)).sort();
  return Promise.all(names.map((n) => readArazzoFile(path.join(dir, n))));
}
