// JSON pointers and local $refs (#/components/...) inside a bundled document.

/** One reference token of a JSON pointer, escaped (`/` and `~`, RFC 6901). */
export const escapePointerPart = (part: string) => part.replace(/~/g, '~0').replace(/\//g, '~1');

/** One reference token of a JSON pointer, unescaped. */
export const unescapePointerPart = (part: string) => part.replace(/~1/g, '/').replace(/~0/g, '~');

/** The node a chain of local $refs ends at (at most 20 hops, so a cycle cannot hang). */
export function deref(doc: unknown, node: unknown): any {
  let current = node as any;
  for (let hops = 0; current && typeof current.$ref === 'string' && hops < 20; hops++) {
    current = current.$ref
      .slice(2)
      .split('/')
      .map(unescapePointerPart)
      .reduce((value: any, key: string) => value?.[key], doc);
  }
  return current;
}
