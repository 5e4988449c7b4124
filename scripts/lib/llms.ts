// llms.txt in the llmstxt.org format: the API's name as the H1, a one-paragraph summary as the
// blockquote, a few lines on how to call it, then H2 sections of links, one per tag group of the
// docs, to the Markdown page of each operation and webhook (markdown-pages.ts). The "Optional"
// section holds what an assistant may skip: the whole description and the Postman collection.
import type { PageEntry } from './markdown-pages.ts';
import { oneLine, type Json } from './schema-fields.ts';

export const LLMS_FILE = 'llms.txt';

function groupsOf(doc: Json, entries: PageEntry[]): Array<[string, PageEntry[]]> {
  const groups = new Map<string, PageEntry[]>();
  // The docs' own order: tag groups (x-tagGroups) and the tags inside each.
  for (const group of (doc['x-tagGroups'] ?? []) as Array<{ tags: string[] }>) {
    for (const tag of group.tags) groups.set(tag, []);
  }
  for (const entry of entries) {
    const key = entry.tag || (entry.kind === 'webhook' ? 'Webhook events' : 'Other operations');
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(entry);
  }
  return [...groups].filter(([, list]) => list.length > 0);
}

export function renderLlmsTxt(doc: Json, entries: PageEntry[], extras: Array<{ file: string; title: string; note: string }>): string {
  const { info } = doc;
  const server = doc.servers?.[0]?.url;
  const operations = entries.filter((e) => e.kind === 'operation').length;
  const webhooks = entries.length - operations;
  const lines = [
    `# ${info.title}`,
    '',
    `> ${oneLine(info.summary ?? info.title)} A JSON REST API over HTTPS${server ? ` at ${server}` : ''}, version ${info.version}: ${operations} operations and ${webhooks} webhook events, each described on its own Markdown page below.`,
    '',
    'Every request sends a secret API key as a bearer token (`Authorization: Bearer <key>`). Single objects come back as `{ "data": { ... } }`, lists as `{ "data": [...], "has_more": ..., "total": ... }`. Each page gives the method and path, the parameters, the body and answer fields with types and descriptions, the errors and an example.',
    '',
  ];
  for (const [tag, list] of groupsOf(doc, entries)) {
    lines.push(`## ${tag}`, '');
    for (const entry of list) lines.push(`- [${entry.title}](${entry.file}): ${entry.label}.${entry.summary ? ` ${entry.summary}` : ''}`);
    lines.push('');
  }
  if (extras.length) {
    lines.push('## Optional', '');
    for (const extra of extras) lines.push(`- [${extra.title}](${extra.file}): ${extra.note}`);
    lines.push('');
  }
  return lines.join('\n');
}
