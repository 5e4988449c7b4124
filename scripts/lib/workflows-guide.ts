// The "Workflows" guide of the docs site, written from the Arazzo files in spec/workflows/: per
// workflow its summary, its steps as a numbered list linking to each operation's section of the
// Redoc page, its inputs and its outputs. The Arazzo files are copied beside openapi.yaml, their
// API source pointed at that file, so a download works as is.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { readArazzoFiles, type ArazzoFile } from './arazzo.ts';
import { GENERATED_DIR } from './paths.ts';

export const WORKFLOWS_TAG = 'Workflows';

interface Operation {
  operationId?: string;
  summary?: string;
  tags?: string[];
}
interface DocsSpec {
  paths: Record<string, Record<string, Operation>>;
  tags?: Array<{ name: string; description?: string; 'x-traitTag'?: boolean }>;
  'x-tagGroups'?: Array<{ name: string; tags: string[] }>;
}

/** Redoc's route of a tag or operation: lower case, `&` as `and`, spaces as dashes. */
export const slug = (text: string) => text.toLowerCase().replace(/&/g, 'and').replace(/\s+/g, '-');

/** The `#/tag/operation` link of each operation of the spec, with its summary. */
export function operationLinks(spec: DocsSpec): Map<string, { href: string; summary: string }> {
  const links = new Map<string, { href: string; summary: string }>();
  for (const item of Object.values(spec.paths)) {
    for (const op of Object.values(item)) {
      if (!op?.operationId || !op.tags?.[0]) continue;
      links.set(op.operationId, { href: `#/${slug(op.tags[0])}/${op.operationId.toLowerCase()}`, summary: op.summary ?? op.operationId });
    }
  }
  return links;
}

const oneLine = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const fileName = (file: ArazzoFile) => path.basename(file.path);

/** Whether a source is this API's description (the bundle), rather than the sandbox's own routes. */
const isApi = (sourceFile: string) => path.dirname(sourceFile) === GENERATED_DIR;
/** Files whose every source is published on the site: the sandbox's routes are not. */
export const published = (file: ArazzoFile) => file.sources.every((s) => isApi(s.file));

export function workflowsGuide(files: ArazzoFile[], spec: DocsSpec): string {
  const links = operationLinks(spec);
  const count = files.reduce((n, f) => n + f.workflows.length, 0);
  const out: string[] = [
    `The everyday jobs done with this API, step by step: ${count} workflows in the [Arazzo](https://spec.openapis.org/arazzo/latest.html) 1.0.1 format, which test runners, code generators and AI agents read. Each step names an operation (follow its link for the details), says what must be true of the answer, and passes ids on to the next step.`,
    '',
    'Download a workflow file beside `openapi.yaml` (its links below) and run it with [Redocly Respect](https://redocly.com/docs/respect), which also checks every answer against this description:',
    '',
    '```sh',
    'npx @redocly/cli respect coupon-lifecycle.arazzo.yaml -S checkoutPage=https://api.checkoutpage.com -i apiKey=sk_test_... -i runId=try-1',
    '```',
    '',
    'Use a test-mode key. Workflows that create records leave them behind unless they say they clean up.',
  ];
  for (const file of files) {
    for (const workflow of file.workflows) {
      out.push('', `## ${oneLine(file.title)}`, '', oneLine(workflow.summary ?? file.summary));
      if (workflow.description) out.push('', oneLine(workflow.description));
      const where = published(file) ? `[${fileName(file)}](${fileName(file)})` : `\`spec/workflows/${fileName(file)}\` of the repository (it runs against the sandbox only)`;
      out.push('', `Workflow \`${workflow.workflowId}\` in ${where}.`);
      if (workflow.inputs.length) {
        out.push('', '**Inputs**', '');
        for (const input of workflow.inputs) {
          const facts = [input.type, input.required ? 'required' : 'optional', input.default !== undefined ? `default \`${String(input.default)}\`` : ''].filter(Boolean).join(', ');
          out.push(`- \`${input.name}\` (${facts}): ${oneLine(input.description)}`);
        }
      }
      out.push('', '**Steps**', '');
      workflow.steps.forEach((step, i) => {
        const source = file.sources.find((s) => s.name === step.source);
        const link = step.operation ? links.get(step.operation) : undefined;
        const what = link && source && isApi(source.file) ? `[${link.summary}](${link.href})` : `\`${step.operation ?? step.stepId}\` (a sandbox route)`;
        out.push(`${i + 1}. ${what}: ${oneLine(step.description)}`);
      });
      const outputs = Object.keys(workflow.outputs);
      if (outputs.length) out.push('', `**Outputs**: ${outputs.map((o) => `\`${o}\``).join(', ')}.`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** The Arazzo file as downloaded from the site: its API source is the openapi.yaml beside it. */
async function siteCopy(file: ArazzoFile): Promise<string> {
  const document = structuredClone(file.document) as { sourceDescriptions: Array<{ name: string; url: string }> };
  for (const source of document.sourceDescriptions) {
    const known = file.sources.find((s) => s.name === source.name)!;
    if (isApi(known.file)) source.url = 'openapi.yaml';
  }
  const header = (await readFile(file.path, 'utf8')).match(/^(#.*\n)*/)?.[0] ?? '';
  return header + stringify(document, { lineWidth: 0 });
}

/** Adds the guide to the docs copy of the spec (among the guides) and writes the Arazzo files into `site`. */
export async function addWorkflowsGuide(spec: DocsSpec, site: string): Promise<void> {
  const files = await readArazzoFiles();
  (spec.tags ??= []).push({ name: WORKFLOWS_TAG, 'x-traitTag': true, description: workflowsGuide(files, spec) });
  const guides = spec['x-tagGroups']?.[0];
  if (guides) guides.tags.splice(Math.max(guides.tags.indexOf('Errors') + 1, 1), 0, WORKFLOWS_TAG);
  await mkdir(site, { recursive: true });
  for (const file of files.filter(published)) await writeFile(path.join(site, fileName(file)), await siteCopy(file));
}
