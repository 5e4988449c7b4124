// The bundle is made in-process with Redocly's library (@redocly/openapi-core, scripts/lib/bundle.ts)
// for speed; the docs, lint and diff use the Redocly CLI. Both must read the spec the same way.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleSpec } from '../../scripts/lib/bundle.ts';
import { bin, ROOT, SPEC_ROOT } from '../../scripts/lib/paths.ts';
import { run } from '../../scripts/lib/run.ts';

describe('bundleSpec', () => {
  it('gives exactly what `redocly bundle` (the CLI) gives, key order included', async () => {
    const [ours, cli] = await Promise.all([
      bundleSpec(),
      run(bin('redocly'), ['bundle', path.relative(ROOT, SPEC_ROOT), '--ext', 'json'], { cwd: ROOT }),
    ]);
    expect(cli.code, cli.stderr).toBe(0);
    expect(JSON.stringify(ours)).toBe(JSON.stringify(JSON.parse(cli.stdout)));
  });
});
