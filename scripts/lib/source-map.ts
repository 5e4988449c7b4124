// Maps a JSON path in the bundle back to the spec/ file and line it came from, using the root's
// $refs and the one-component-per-file layout (components/<type>/[<family>/]<Name>.yaml).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isNode, LineCounter, parse, parseDocument } from 'yaml';
import { rel, ROOT, SPEC_ROOT } from './paths.ts';
import { componentFiles } from './component-files.ts';
import { escapePointerPart } from './refs.ts';

type Root = { paths?: Record<string, { $ref?: string }>; webhooks?: Record<string, { $ref?: string }> };

export interface SourceLocation {
  /** Repository-relative file. */
  file: string;
  /** JSON pointer inside that file ('' for the whole file). */
  pointer: string;
  /** 1-based line of the nearest node that exists in the file. */
  line: number;
}

const toPointer = (parts: string[]) =>
  parts.length ? `#/${parts.map(escapePointerPart).join('/')}` : '';

export function createSourceMapper(specRoot = SPEC_ROOT): (jsonPath: Array<string | number>) => SourceLocation {
  const root = parse(readFileSync(specRoot, 'utf8')) as Root;
  const dir = path.dirname(specRoot);
  let components: Map<string, string> | undefined;
  const parsed = new Map<string, { doc: ReturnType<typeof parseDocument>; lines: LineCounter }>();

  const lineOf = (file: string, parts: string[]): number => {
    if (!parsed.has(file)) {
      const lines = new LineCounter();
      parsed.set(file, { doc: parseDocument(readFileSync(path.join(ROOT, file), 'utf8'), { lineCounter: lines }), lines });
    }
    const { doc, lines } = parsed.get(file)!;
    // The deepest part of the path that the file has (the bundle may point into a $ref'd file).
    for (let depth = parts.length; depth >= 0; depth--) {
      const keys = parts.slice(0, depth).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
      const node = depth === 0 ? doc.contents : doc.getIn(keys, true);
      if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
    }
    return 1;
  };
  const at = (file: string, parts: string[]): SourceLocation => ({ file, pointer: toPointer(parts), line: lineOf(file, parts) });

  return (jsonPath) => {
    const [section, name, ...rest] = jsonPath.map(String);
    if ((section === 'paths' || section === 'webhooks') && name) {
      const ref = (root[section] ?? {})[name]?.$ref;
      if (ref) return at(rel(path.resolve(dir, ref)), rest);
    }
    if (section === 'components' && name && rest.length > 0) {
      const [componentName, ...inner] = rest;
      components ??= componentFiles(path.join(dir, 'components'));
      const file = components.get(`${name}/${componentName}`);
      if (file) return at(rel(file), inner);
    }
    return at(rel(specRoot), jsonPath.map(String));
  };
}
