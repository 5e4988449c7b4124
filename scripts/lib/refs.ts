// Following local $refs (#/components/...) inside a bundled document.

/** The node a chain of local $refs ends at (at most 20 hops, so a cycle cannot hang). */
export function deref(doc: unknown, node: unknown): any {
  let current = node as any;
  for (let hops = 0; current && typeof current.$ref === 'string' && hops < 20; hops++) {
    current = current.$ref
      .slice(2)
      .split('/')
      .map((part: string) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((value: any, key: string) => value?.[key], doc);
  }
  return current;
}
