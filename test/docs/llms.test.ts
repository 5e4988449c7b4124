// The export for AI assistants, checked against the bundle: llms.txt in the llmstxt.org format and
// one Markdown page per operation and webhook, with its method and path, every parameter, the
// body and answer fields (types and descriptions), the errors and an example. Reads what
// the generators write (run directly here; the site test checks the files `npm run docs` writes).
import { beforeAll, describe, expect, it } from 'vitest';
import { renderLlmsTxt } from '../../scripts/lib/llms.ts';
import { pageEntries, renderMarkdownPages, type MarkdownPage } from '../../scripts/lib/markdown-pages.ts';
import { SchemaReader } from '../../scripts/lib/schema-fields.ts';
import { bundle, operations } from '../support/bundle.ts';

const doc = bundle as any;
const reader = new SchemaReader(doc);
let pages: MarkdownPage[];
let llms: string;
const byLabel = (label: string) => pages.find((p) => p.label === label)!;

beforeAll(() => {
  pages = renderMarkdownPages(doc);
  llms = renderLlmsTxt(doc, pages, [{ file: 'openapi.json', title: 'OpenAPI description', note: 'the whole description.' }]);
});

describe('llms.txt', () => {
  it('follows the llmstxt.org format: H1 title, a blockquote summary, then H2 sections of links', () => {
    const lines = llms.split('\n');
    expect(lines[0]).toBe(`# ${doc.info.title}`);
    expect(lines[1]).toBe('');
    expect(lines[2]).toMatch(/^> \S.+/);
    // Only the H1 and H2 headings; every list item is a Markdown link with a note.
    expect(lines.filter((l) => /^#{3,} /.test(l))).toEqual([]);
    expect(lines.filter((l) => /^# /.test(l))).toHaveLength(1);
    const items = lines.filter((l) => l.startsWith('- '));
    for (const item of items) expect(item).toMatch(/^- \[[^\]]+\]\([^)\s]+\)(: .+)?$/);
    expect(lines.at(-2)).toMatch(/^- \[OpenAPI description\]\(openapi\.json\)/);
    expect(llms).toMatch(/\n## Optional\n/);
  });

  it('links every operation and webhook page once, under its tag', () => {
    const links = [...llms.matchAll(/\]\((llms\/[^)]+)\)/g)].map((m) => m[1]);
    expect(links).toHaveLength(operations.length + Object.keys(doc.webhooks).length);
    expect(new Set(links).size).toBe(links.length);
    expect(llms).toMatch(/## Coupons\n\n- \[List coupons\]\(llms\/operations\/listCoupons\.md\): GET \/v1\/coupons\./);
    expect(llms).toMatch(/## Webhook events\n\n(- .+\n)*- \[Customer created\]\(llms\/webhooks\/customer\.created\.md\): webhook customer\.created\./);
  });
});

describe('the Markdown pages', () => {
  it('exist for all 86 operations and every webhook, with distinct files', () => {
    expect(operations).toHaveLength(86);
    expect(pages.filter((p) => p.kind === 'operation').map((p) => p.label).sort()).toEqual(operations.map((o) => `${o.method.toUpperCase()} ${o.path}`).sort());
    expect(pages.filter((p) => p.kind === 'webhook').map((p) => p.path).sort()).toEqual(Object.keys(doc.webhooks).sort());
    expect(new Set(pages.map((p) => p.file)).size).toBe(pages.length);
  });

  it('give each operation its method, path, every parameter, its errors and a curl example', () => {
    const problems: string[] = [];
    for (const entry of pageEntries(doc).filter((e) => e.kind === 'operation')) {
      const { markdown } = pages.find((p) => p.file === entry.file)!;
      const want = (text: string, what: string) => markdown.includes(text) || problems.push(`${entry.label}: no ${what}`);
      want(`# ${entry.operation.summary}\n`, 'title');
      want(`\`${entry.label}\``, 'method and path');
      for (const p of [...(entry.pathItem.parameters ?? []), ...(entry.operation.parameters ?? [])]) {
        const parameter = reader.resolve(p).schema;
        want(`| \`${parameter.name}\` | ${parameter.in} |`, `parameter ${parameter.name}`);
      }
      for (const status of Object.keys(entry.operation.responses).filter((s) => !s.startsWith('2'))) want(`| ${status} |`, `error ${status}`);
      want('```sh\ncurl ', 'curl example');
    }
    expect(problems).toEqual([]);
  });

  it('list every field of each request body and answer with its type, required mark and description', () => {
    const problems: string[] = [];
    for (const entry of pageEntries(doc)) {
      const { markdown } = pages.find((p) => p.file === entry.file)!;
      const bodies = [
        entry.operation.requestBody && reader.resolve(entry.operation.requestBody).schema,
        ...Object.entries(entry.operation.responses ?? {}).filter(([s]) => s.startsWith('2')).map(([, r]) => reader.resolve(r).schema),
      ].filter(Boolean);
      for (const body of bodies) {
        const schema = body.content?.['application/json']?.schema;
        if (!schema) continue;
        const merged = reader.merged(schema);
        const required = new Set(merged.required ?? []);
        for (const [name, property] of Object.entries((merged.properties ?? {}) as Record<string, any>)) {
          const described = property.description ?? reader.resolve(property).schema.description;
          const row = new RegExp(`\\| \`${name}\` \\| ([^|]|\\\\\\|)+ \\| ${required.has(name) ? 'yes' : 'no'} \\|`);
          if (!row.test(markdown)) problems.push(`${entry.label}: field ${name}`);
          if (described && !markdown.includes(described.replace(/\s*\n\s*/g, ' ').trim().replace(/\|/g, '\\|').slice(0, 60))) problems.push(`${entry.label}: description of ${name}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('show a nested field by its path, an enum by its values, and a shared type once at the end', () => {
    const payments = byLabel('GET /v1/payments').markdown;
    expect(payments).toMatch(/\| `data\[\]\.id` \| string; pattern `\^\[0-9a-fA-F\]\{24\}\$` \| yes \|/);
    const coupon = byLabel('POST /v1/coupons').markdown;
    expect(coupon).toMatch(/\| `duration` \| string; one of "once", "repeating", "forever" \| yes \|/);
    const page = byLabel('POST /v1/checkout-pages').markdown;
    const types = page.slice(page.indexOf('## Types used on this page'));
    expect(types).toMatch(/\n### \w+\n/);
    const headings = [...types.matchAll(/\n### (\w+)\n/g)].map((m) => m[1]);
    expect(new Set(headings).size).toBe(headings.length);
  });

  it('give each webhook its event, signature headers, payload fields and an example payload', () => {
    const page = byLabel('webhook customer.created').markdown;
    expect(page).toContain('Webhook event `customer.created`');
    expect(page).toContain('| `x-webhook-signature` | header |');
    expect(page).toMatch(/## Payload\n/);
    expect(page).toMatch(/\| `event` \| string; always "customer\.created" \| yes \|/);
    // The customer is a shared type: listed once at the end, with all its fields.
    expect(page).toMatch(/\| `data\.customer` \| object \(Customer\) \| yes \|/);
    expect(page).toMatch(/### Customer\n[\s\S]*\| `phone` \| /);
    const example = /## Example payload\n\n```json\n([\s\S]+?)\n```/.exec(page)?.[1];
    expect(JSON.parse(example!).event).toBe('customer.created');
  });
});
