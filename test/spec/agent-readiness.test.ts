// `redocly score` rates how easily an agent can use the bundle (issue 21 asks for at least 77).
// What raises it honestly: every property described, nullable values in OpenAPI 3.1's own form
// rather than oneOf/anyOf wrappers, rules as titled oneOf alternatives, and the limits the API
// documents. This keeps those from slipping.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, GENERATED_DIR, ROOT } from '../../scripts/lib/paths.ts';
import { run } from '../../scripts/lib/run.ts';

interface Score {
  agentReadiness: number;
  subscores: Record<string, number>;
}

describe('redocly score generated/openapi.json', () => {
  it('rates agent readiness at least 77, with every property and parameter described', async () => {
    const result = await run(bin('redocly'), ['score', path.join(GENERATED_DIR, 'openapi.json'), '--format', 'json', '--lint-config', 'off'], { cwd: ROOT });
    expect(result.code, result.stderr).toBe(0);
    const score = JSON.parse(result.stdout.slice(result.stdout.indexOf('{'))) as Score;
    expect(score.agentReadiness).toBeGreaterThanOrEqual(77);
    expect(score.subscores.documentationQuality).toBe(1);
  }, 120_000);
});
