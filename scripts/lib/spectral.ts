// Runs Spectral with our ruleset and returns its findings as data.
import path from 'node:path';
import { bin, ROOT } from './paths.ts';
import { run } from './run.ts';

export interface SpectralFinding {
  code: string;
  message: string;
  path: Array<string | number>;
  severity: 0 | 1 | 2 | 3; // error, warning, info, hint
  source: string;
  range: { start: { line: number; character: number } };
}

export const SEVERITY = ['error', 'warning', 'info', 'hint'] as const;

export async function runSpectral(files: string[], ruleset = path.join(ROOT, '.spectral.yaml')): Promise<SpectralFinding[]> {
  const result = await run(bin('spectral'), ['lint', ...files, '--ruleset', ruleset, '--format', 'json', '--quiet'], {
    cwd: ROOT,
  });
  // Spectral exits 1 when it finds errors, and 2 when it cannot run at all.
  if (result.code > 1 || !result.stdout.trim().startsWith('[')) {
    throw new Error(`Spectral failed to run:\n${result.stderr || result.stdout}`);
  }
  return JSON.parse(result.stdout) as SpectralFinding[];
}
