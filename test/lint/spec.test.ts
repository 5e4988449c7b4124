// The real spec passes `npm run lint` with zero problems of any severity (Spectral and Redocly).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, ROOT } from '../../scripts/lib/paths.ts';
import { run } from '../../scripts/lib/run.ts';

describe('npm run lint', () => {
  it('reports no problems on spec/', async () => {
    const result = await run(bin('tsx'), [path.join(ROOT, 'scripts/lint.ts')], { cwd: ROOT });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('Spectral: no problems\nRedocly: no problems');
    expect(result.code).toBe(0);
  });
});
