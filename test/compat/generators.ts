// The third-party code generators the bundle is checked with (test/compat/generators.test.ts), each
// run through its own command line as a user would, with the options that say what is generated.
// The README's "Works with" table lists the same tools; a test keeps the two in step.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { bin, ROOT } from '../../scripts/lib/paths.ts';

export interface Generator {
  /** npm package name, pinned in package.json's devDependencies. */
  pkg: string;
  /** The command and its arguments, run in the scratch directory; the output goes to `out/`. */
  command: (spec: string) => [string, string[]];
  /** What it generates with these options (the README's "what was checked" column). */
  checked: string;
  /**
   * Set when the tool cannot read the bundle as published: the npm script that writes the copy it
   * reads instead (`npm run <script> -- OUTPUT`), as the README's "Works with" tells its users.
   */
  prepare?: string;
}

export const GENERATORS: Generator[] = [
  {
    pkg: '@hey-api/openapi-ts',
    command: (spec) => [bin('openapi-ts'), ['--input', spec, '--output', 'out']],
    checked: 'types and SDK with its default fetch client',
  },
  {
    pkg: 'orval',
    // The fetch client (orval 8's default) needs no runtime package.
    command: (spec) => [bin('orval'), ['--input', spec, '--output', 'out/api.ts', '--client', 'fetch']],
    checked: 'types and functions with the `fetch` client',
  },
  {
    pkg: 'oazapfts',
    command: (spec) => [bin('oazapfts'), [spec, 'out/api.ts']],
    checked: 'types and functions on `@oazapfts/runtime`',
  },
  {
    pkg: 'swagger-typescript-api',
    command: (spec) => [bin('swagger-typescript-api'), ['generate', '--path', spec, '--output', 'out']],
    checked: 'types and the `Api` class with its fetch client',
  },
  {
    pkg: 'typed-openapi',
    command: (spec) => [bin('typed-openapi'), [spec, '--output', 'out/api.ts']],
    checked: 'types and the `ApiClient` (default runtime: none)',
  },
  {
    pkg: 'openapi-zod-client',
    command: (spec) => [bin('openapi-zod-client'), [spec, '--output', 'out/api.ts']],
    checked: 'zod schemas and the Zodios client',
    // It turns `enum: [..., null]` into `z.enum([..., null])`, which does not compile (its issue 236).
    prepare: 'bundle:anyof-enums',
  },
];

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };

/** The exact version pinned in package.json. */
export const pinned = (pkg: string): string => {
  const version = manifest.devDependencies[pkg];
  if (!version) throw new Error(`${pkg} is not a devDependency in package.json`);
  return version;
};

/** The tsconfig each output is checked with: strict, DOM types only (the code must run in a browser too). */
export const TSCONFIG = {
  compilerOptions: {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: 'ES2022',
    module: 'ESNext',
    // Every tool writes imports a bundler resolves (with or without .js extensions).
    moduleResolution: 'Bundler',
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    types: [],
  },
  include: ['out/**/*.ts'],
};
