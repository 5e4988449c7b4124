// Runs a command-line tool and captures its output, with the noise our tools print removed. The tool
// runs in a process group of its own, ended with us (child.ts).
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { spawnGroup } from './child.ts';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

// Redocly CLI prints a boxed "Node.js 20 support is ending" banner on every run (toolchain.md).
const BANNER_LINE = /[║╔╚═]/;

export function clean(text: string): string {
  return text
    .split('\n')
    .filter((line) => !BANNER_LINE.test(line))
    .join('\n')
    .replace(/^\s*\n/, '')
    .trimEnd();
}

/** Telemetry off for every tool we call: Redocly and Spectral's scarf both phone home otherwise. */
export const quietEnv = {
  ...process.env,
  REDOCLY_TELEMETRY: 'off',
  REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
  SCARF_ANALYTICS: 'false',
  DO_NOT_TRACK: '1',
};

// tsx's entry (its only export, the loader), by URL, so that any working directory can use it.
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/**
 * The command and arguments that run a TypeScript file: `node --import tsx file ...args`. One Node
 * process; the `tsx` command starts a second one under itself (a third more CPU per script run).
 */
export const tsxCommand = (file: string, args: string[] = []): [string, string[]] => [process.execPath, ['--import', TSX, file, ...args]];

/** Runs a TypeScript file (tsxCommand) and captures its output. */
export const runTs = (file: string, args: string[] = [], options: RunOptions = {}): Promise<RunResult> => run(...tsxCommand(file, args), options);

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string>;
}

export function run(command: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const env = { ...quietEnv, ...options.env };
    const child = spawnGroup(command, args, { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    // Chunks are joined before decoding: a multi-byte character may be split between two chunks.
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout!.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code: code ?? 1, stdout: clean(Buffer.concat(stdout).toString('utf8')), stderr: clean(Buffer.concat(stderr).toString('utf8')) });
    });
  });
}
