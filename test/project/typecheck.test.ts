// The whole project type-checks: src/, generated types, scripts, tests and examples. Type-level tests
// (@ts-expect-error on invalid request bodies) live in test/types and only pass through this check.
import { describe, expect, it } from 'vitest';
import { bin, ROOT } from '../../scripts/lib/paths.ts';
import { run } from '../../scripts/lib/run.ts';

describe('TypeScript', () => {
  it('finds no type errors in the project', async () => {
    const result = await run(bin('tsc'), ['-p', 'tsconfig.json'], { cwd: ROOT });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});
