// Classifies the changes between two bundled specs with `redocly diff` (and the diff-recommended
// rules of redocly-diff.yaml beside this file), and renders them as a Markdown report for reviewers.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { withoutCodeSamples } from './code-samples.ts';
import { bin, ROOT } from './paths.ts';
import { componentOf, reachMap, type Place } from './reach.ts';
import { unescapePointerPart as unescape } from './refs.ts';
import { run } from './run.ts';
import { withTempDir } from './temp.ts';

const DIFF_CONFIG = path.join(ROOT, 'scripts/lib/redocly-diff.yaml');

export type Impact = 'major' | 'minor' | 'patch';

export interface Change {
  impact: Impact;
  kind: 'added' | 'removed' | 'modified';
  /** "GET /v1/payments", "webhook payment.paid", or the component/section the change is in. */
  where: string;
  /** JSON pointer of the change, below the operation when there is one. */
  pointer: string;
  /** Where it is defined in the bundle (a component, for shared schemas). */
  definedAt?: string;
  property?: string;
  reasons: string[];
  /**
   * For a change inside a shared component: every operation and webhook that reaches it (through
   * its parameters, request body, responses or payload), in either spec. `where` is then the first.
   */
  reach?: Place[];
}

interface RedoclyChange {
  path: string;
  kind: Change['kind'];
  impact: Impact;
  property?: string;
  verdicts: Array<{ message: string }>;
  base?: { pointer?: string };
  revision?: { pointer?: string };
}

const METHODS = new Set(['get', 'put', 'post', 'patch', 'delete', 'head', 'options', 'trace']);

function locate(pointer: string): { where: string; rest: string } {
  const parts = pointer.replace(/^#\//, '').split('/');
  const [section, name, method, ...rest] = parts;
  if ((section === 'paths' || section === 'webhooks') && name) {
    const target = section === 'paths' ? unescape(name) : `webhook ${unescape(name)}`;
    if (method && METHODS.has(method)) {
      return { where: section === 'paths' ? `${method.toUpperCase()} ${target}` : target, rest: `#/${rest.join('/')}` };
    }
    return { where: target, rest: `#/${[method, ...rest].filter(Boolean).join('/')}` };
  }
  return { where: section ?? '(root)', rest: pointer };
}

/**
 * The contract in a bundled spec file (JSON or YAML): the bundle without the decorations that
 * `npm run generate` adds for the docs (x-codeSamples). The published bundle has them and a freshly
 * bundled tree does not; they are derived from the paths and examples, whose own changes the
 * report shows, so comparing them would only report each sample once more as noise.
 */
export async function readContract(file: string): Promise<Record<string, unknown>> {
  const text = await readFile(file, 'utf8');
  const doc = (file.endsWith('.json') ? JSON.parse(text) : parse(text)) as unknown;
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new Error(`${file} is not an OpenAPI document.`);
  return withoutCodeSamples(doc as Record<string, unknown>);
}

export async function diffSpecs(baseFile: string, revisionFile: string): Promise<Change[]> {
  return withTempDir('diff-contracts', async (dir) => {
    const docs = await Promise.all([baseFile, revisionFile].map(readContract));
    const [base, revision] = await Promise.all(
      docs.map(async (doc, i) => {
        const out = path.join(dir, i === 0 ? 'base.json' : 'revision.json');
        await writeFile(out, JSON.stringify(doc));
        return out;
      }),
    );
    return withReach(await classify(base!, revision!), docs.map(reachMap));
  });
}

/**
 * Merges the changes redocly reports more than once for one shared definition, and lists for each
 * change inside a component every place that reaches that component, in the base or the revision.
 */
function withReach(changes: Change[], maps: Array<Map<string, Place[]>>): Change[] {
  const merged = new Map<string, Change>();
  for (const change of changes) {
    const component = change.definedAt && componentOf(change.definedAt);
    if (!component) {
      merged.set(`${merged.size}`, change);
      continue;
    }
    const key = JSON.stringify([change.impact, change.kind, change.definedAt, change.property, change.reasons]);
    const reach = merged.get(key)?.reach ?? [];
    for (const place of maps.flatMap((map) => map.get(component) ?? [])) {
      if (!reach.some((p) => p.operation === place.operation && p.in === place.in)) reach.push(place);
    }
    if (!merged.has(key)) merged.set(key, { ...change, reach });
  }
  return [...merged.values()];
}

async function classify(baseFile: string, revisionFile: string): Promise<Change[]> {
  const result = await run(bin('redocly'), ['diff', baseFile, revisionFile, '--format', 'json', '--fail-on', 'none', '--config', DIFF_CONFIG], { cwd: ROOT });
  const start = result.stdout.indexOf('{');
  if (result.code !== 0 || start < 0) throw new Error(`redocly diff failed:\n${result.stderr || result.stdout}`);
  const report = JSON.parse(result.stdout.slice(start)) as { changes: RedoclyChange[] };
  return report.changes.map((c) => {
    const { where, rest } = locate(c.path);
    const pointer = c.property ? `${rest.replace(/\/$/, '')}/${c.property}` : rest;
    const definedAt = c.revision?.pointer ?? c.base?.pointer;
    return {
      impact: c.impact,
      kind: c.kind,
      where,
      pointer: pointer === '#/' ? '(the whole path)' : pointer,
      ...(definedAt && !definedAt.startsWith('#/paths/') && !definedAt.startsWith('#/webhooks/') ? { definedAt } : {}),
      ...(c.property ? { property: c.property } : {}),
      reasons: c.verdicts.map((v) => v.message),
    };
  });
}

const GROUPS: Array<[Impact, string, string]> = [
  ['major', 'Breaking', 'These break existing callers or readers: a new required input, or a removed or retyped output.'],
  ['minor', 'Non-breaking', 'Additions that existing integrations can ignore.'],
  ['patch', 'Docs-only', 'Descriptions, summaries, examples and other changes that do not alter the contract.'],
];

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderReport(changes: Change[], labels: { base: string; revision: string }): string {
  const lines = [`## API changes: ${labels.base} → ${labels.revision}`, ''];
  if (changes.length === 0) return [...lines, 'There are no changes: the two specs describe the same API.', ''].join('\n');
  const count = (impact: Impact) => changes.filter((c) => c.impact === impact).length;
  lines.push(`**${count('major')} breaking**, ${count('minor')} non-breaking, ${count('patch')} docs-only.`, '');
  for (const [impact, title, explanation] of GROUPS) {
    const group = changes.filter((c) => c.impact === impact);
    if (group.length === 0) continue;
    lines.push(`### ${title} (${group.length})`, '', explanation, '', '| Where | Change | Pointer | Why |', '| --- | --- | --- | --- |');
    for (const c of group) {
      const where = c.reach?.length
        ? `\`${c.definedAt!.split('/')[3]}\` (shared), reached from ${c.reach.length} place(s):<br>${c.reach.map((p) => `${p.operation}: ${p.in}`).join('<br>')}`
        : c.where;
      const change = `${c.kind}${c.property ? ` \`${c.property}\`` : ''}`;
      // A shared change is named by its definition: the pointer below the first operation would mislead.
      const pointer = c.reach?.length
        ? `\`${c.definedAt}\``
        : `${c.pointer.startsWith('#') ? `\`${c.pointer}\`` : c.pointer}${c.definedAt ? ` (defined at \`${c.definedAt}\`)` : ''}`;
      lines.push(`| ${cell(where)} | ${change} | ${cell(pointer)} | ${cell(c.reasons.join('; '))} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

export const relative = (file: string) => path.relative(process.cwd(), file) || file;
