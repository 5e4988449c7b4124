// Maps a JSON path in the bundle back to the spec/ file it came from, using the root's $refs
// and the one-component-per-file layout (components/<type>/<Name>.yaml).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { rel, SPEC_ROOT } from './paths.ts';

type Root = { paths?: Record<string, { $ref?: string }>; webhooks?: Record<string, { $ref?: string }> };

const pointer = (parts: Array<string | number>) =>
  parts.length ? `#/${parts.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}` : '';

export function createSourceMapper(specRoot = SPEC_ROOT): (jsonPath: Array<string | number>) => string {
  const root = parse(readFileSync(specRoot, 'utf8')) as Root;
  const dir = path.dirname(specRoot);
  const fromRef = (ref: string | undefined) => (ref ? rel(path.resolve(dir, ref)) : undefined);
  return (jsonPath) => {
    const [section, name, ...rest] = jsonPath.map(String);
    if ((section === 'paths' || section === 'webhooks') && name) {
      const file = fromRef((root[section] ?? {})[name]?.$ref);
      if (file) return `${file}${pointer(rest)}`;
    }
    if (section === 'components' && name && rest.length > 0) {
      const [componentName, ...inner] = rest;
      const file = path.join(dir, 'components', name, `${componentName}.yaml`);
      if (existsSync(file)) return `${rel(file)}${pointer(inner)}`;
    }
    return `${rel(specRoot)}${pointer(jsonPath)}`;
  };
}
