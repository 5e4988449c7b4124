// Command-line arguments for every npm script: one clear line and exit 2 for an unknown flag, a flag
// without its value, a stray or missing argument, or a bad port; one line and exit 1 for a busy port.
// node:util's parseArgs does the parsing; this only turns its errors (which print a stack) into
// sentences that name the command and show its usage.
import { parseArgs, type ParseArgsConfig } from 'node:util';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** A mistake in how the command was called. main() prints its message alone and exits with 2. */
export class UsageError extends Error {
  readonly exitCode = 2;
}

export interface CliSpec<T extends ParseArgsOptionsConfig> {
  /** "npm run mock -- [--port N] [--host H]": shown after every usage error. */
  usage: string;
  options?: T;
  /** Names of the positional arguments, in order; those after `required` are optional. */
  positionals?: string[];
  required?: number;
  /** Said when a required positional is missing, before the usage (where to get the file, say). */
  missingHint?: string;
}

type Parsed<T extends ParseArgsOptionsConfig> = ReturnType<typeof parseArgs<{ options: T; allowPositionals: true; strict: true }>>;

function explain(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${option}.`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return /argument missing/.test(message) ? `option ${option} needs a value.` : `option ${option} takes no value.`;
  }
  return message.split('\n')[0]!;
}

/** Parses process.argv (or `args`) or throws a UsageError whose message is one line. */
export function parseCli<T extends ParseArgsOptionsConfig = Record<never, never>>(spec: CliSpec<T>, args = process.argv.slice(2)): Parsed<T> {
  const fail = (what: string) => new UsageError(`${what} ${spec.usage}`);
  let parsed: Parsed<T>;
  try {
    parsed = parseArgs({ args, options: (spec.options ?? {}) as T, allowPositionals: true, strict: true }) as Parsed<T>;
  } catch (error) {
    throw fail(`${explain(error)[0]!.toUpperCase()}${explain(error).slice(1)}`);
  }
  const names = spec.positionals ?? [];
  const extra = parsed.positionals.slice(names.length);
  if (extra.length > 0) throw fail(`Unexpected argument "${extra[0]}".`);
  const missing = names.slice(parsed.positionals.length, spec.required ?? 0);
  if (missing.length > 0) throw fail(`Missing ${missing.join(' and ')}.${spec.missingHint ? ` ${spec.missingHint}` : ''}`);
  return parsed;
}

/** A port from --port, then $PORT, then the default; 0 asks the system for a free one. */
export function portFrom(value: string | undefined, fallback: number, usage: string): number {
  const raw = value ?? process.env.PORT;
  const port = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535 || (raw !== undefined && raw.trim() === '')) {
    throw new UsageError(`Invalid port "${raw}": use a number from 0 to 65535 (0 picks a free one). ${usage}`);
  }
  return port;
}

/** The one line for a server that cannot listen; undefined for errors that are not about the address. */
export function listenProblem(error: unknown, host: string, port: number): string | undefined {
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE') return `Port ${port} on ${host} is already in use: stop what listens there, or pass --port N (0 picks a free port).`;
  if (code === 'EACCES') return `Not allowed to listen on ${host}:${port}: use a port above 1023, or pass --port 0 for a free one.`;
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return `Cannot listen on ${host}: this machine has no such address (try --host 127.0.0.1).`;
  return undefined;
}

/** parseCli for scripts that run outside main(): prints the usage error's one line and exits with 2. */
export function parseCliOrExit<T extends ParseArgsOptionsConfig = Record<never, never>>(spec: CliSpec<T>): Parsed<T> {
  try {
    return parseCli(spec);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
}
