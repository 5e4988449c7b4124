// Every npm script answers a mistake in how it is called (an unknown flag, a flag without its value,
// a missing or stray argument) and a busy port with one clear line on stderr, no stack, and a
// non-zero exit. One real process per case, each in its own process group, killed with its tree.
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/paths.ts';
import { tsxCommand } from '../../scripts/lib/run.ts';
import { copyWorkspace, type Workspace } from '../support/workspace.ts';

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

let ws: Workspace;
let busy: net.Server;
let busyPort: number;

beforeAll(async () => {
  ws = await copyWorkspace();
  // docs:serve needs a built site before it tries the port.
  await mkdir(path.join(ws.dir, 'docs/site'), { recursive: true });
  await writeFile(path.join(ws.dir, 'docs/site/index.html'), '<!doctype html><title>site</title>');
  busy = net.createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  busyPort = (busy.address() as net.AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => busy.close(resolve));
  await ws.remove();
});

// The sandbox and the benchmark import src/, which the copy leaves out; both stop at their arguments.
const FROM_PROJECT: Record<string, string> = { sandbox: 'scripts/sandbox.ts', bench: 'bench/run.ts' };

/** Runs scripts/<name>.ts of the copy in a process group of its own. */
function runScript(name: string, args: string[]): Promise<Outcome> {
  const cwd = FROM_PROJECT[name] ? ROOT : ws.dir;
  const file = path.join(cwd, FROM_PROJECT[name] ?? `scripts/${name}.ts`);
  return new Promise((resolve, reject) => {
    const child = spawn(...tsxCommand(file, args), { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    // A script that wrongly starts serving would never exit: end its whole group.
    const killGroup = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(killGroup, 90_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      killGroup();
      resolve({ code, stdout, stderr });
    });
  });
}

function expectOneLine(outcome: Outcome, code: number, text: string | RegExp): void {
  const lines = outcome.stderr.split('\n').filter((line) => line.trim() !== '');
  expect(lines, outcome.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(text);
  expect(outcome.stderr).not.toMatch(/^\s+at /m);
  expect(outcome.stderr).not.toContain('ERR_PARSE_ARGS');
  expect(outcome.code).toBe(code);
}

const SCRIPTS: Array<[string, string]> = [
  ['bundle', 'npm run bundle'],
  ['check-generated', 'npm run check:generated'],
  ['check-vendor', 'npm run check:vendor'],
  ['compile', 'npm run compile'],
  ['diff', 'npm run diff'],
  ['docs', 'npm run docs'],
  ['docs-serve', 'npm run docs:serve'],
  ['generate', 'npm run generate'],
  ['lint', 'npm run lint'],
  ['mock', 'npm run mock'],
  ['sandbox', 'npm run sandbox'],
  ['bench', 'npm run bench'],
];

describe('an unknown flag', () => {
  it.each(SCRIPTS)('%s: one line naming the flag and the usage, exit 2', async (name, command) => {
    const outcome = await runScript(name, ['--no-such-flag']);
    expectOneLine(outcome, 2, `Unknown option --no-such-flag. Usage: ${command}`);
    expect(outcome.stdout).toBe('');
  });
});

describe('a missing or stray argument', () => {
  const cases: Array<[string, string[], string | RegExp]> = [
    ['check-vendor', [], /^Missing VENDOR_FILE\. The vendor publishes its spec as spec\/openapi\.json in its SDK repository, https:\/\/github\.com\/checkout-page\/checkoutpage-api-sdk .*Usage: npm run check:vendor/],
    ['check-vendor', ['skeleton.json', '--bundle'], 'Option --bundle needs a value.'],
    ['mock', ['--port'], 'Option --port needs a value. Usage: npm run mock'],
    ['sandbox', ['--port'], 'Option --port needs a value. Usage: npm run sandbox'],
    ['docs-serve', ['--port'], 'Option --port needs a value. Usage: npm run docs:serve'],
    ['docs-serve', ['--port', 'eighty'], 'Invalid port "eighty"'],
    ['diff', ['--format'], 'Option --format needs a value.'],
    ['diff', ['--format', 'html'], 'Unknown --format "html": use markdown or json.'],
    ['diff', ['a', 'b', 'c'], 'Unexpected argument "c". Usage: npm run diff'],
    ['lint', ['--format', 'xml'], 'Unknown --format "xml": use text or github-actions.'],
    ['generate', ['spec/openapi.yaml'], 'Unexpected argument "spec/openapi.yaml". Usage: npm run generate (takes no arguments).'],
  ];
  it.each(cases)('%s %j: one line, exit 2', async (name, args, text) => {
    expectOneLine(await runScript(name, args), 2, text);
  });
});

describe('a busy port', () => {
  it.each(['mock', 'sandbox', 'docs-serve'])('%s: one line naming the port, exit 1, nothing else printed', async (name) => {
    const outcome = await runScript(name, ['--port', String(busyPort)]);
    expectOneLine(outcome, 1, `Port ${busyPort} on 127.0.0.1 is already in use: stop what listens there, or pass --port N (0 picks a free port).`);
    // Prism's own answer to a busy port is its whole --help: it must not start at all.
    expect(outcome.stdout).toBe('');
  });
});
