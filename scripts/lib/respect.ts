// Runs `redocly respect` (the Arazzo runner of Redocly CLI) in its own process group, prints its
// report without the Node-20 banner, and stops it with its whole tree if we are interrupted.
import { spawn } from 'node:child_process';
import { bin, ROOT } from './paths.ts';
import { clean, quietEnv } from './run.ts';

export interface RespectStep {
  stepId: string;
  status: string;
  checks: Array<{ name: string; passed: boolean; status?: string; message?: string }>;
  response?: { statusCode: number };
}

export interface RespectWorkflow {
  workflowId: string;
  status: string;
  executedSteps: RespectStep[];
}

/** The shape of `--json-output` that we read. */
export interface RespectReport {
  status: string;
  files: Record<string, { executedWorkflows: RespectWorkflow[] }>;
}

export function runRespect(args: string[], print: (text: string) => void = (t) => process.stdout.write(t)): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin('redocly'), ['respect', ...args], { cwd: ROOT, env: quietEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const stop = () => {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    // Line by line, so the report streams and banner lines can be dropped whole.
    for (const stream of [child.stdout, child.stderr]) {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop()!;
        const kept = clean(lines.join('\n'));
        if (kept) print(`${kept}\n`);
      });
      stream.on('end', () => rest && print(`${clean(rest)}\n`));
    }
    child.on('error', reject);
    child.on('close', (code) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(code ?? 1);
    });
  });
}
