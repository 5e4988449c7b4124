// Finds the spec's component files. Its own file, without a YAML parser, because every bundle
// needs it and only error messages need source-map.ts.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { rel } from './paths.ts';

/**
 * Every component file under `components/<type>/`, at any depth, by type and component name
 * (the file name). Family folders group files for readers; the bundle only sees the names, so two
 * files with one name would silently become `Name` and `Name-2`: that is an error.
 */
export function componentFiles(componentsDir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (type: string, dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(type, full);
      else if (entry.name.endsWith('.yaml')) {
        const key = `${type}/${entry.name.slice(0, -'.yaml'.length)}`;
        const other = files.get(key);
        if (other) throw new Error(`Two ${type} files are named ${entry.name}: ${rel(other)} and ${rel(full)}. Component names must be unique.`);
        files.set(key, full);
      }
    }
  };
  for (const type of readdirSync(componentsDir, { withFileTypes: true })) {
    if (type.isDirectory()) walk(type.name, path.join(componentsDir, type.name));
  }
  return files;
}
