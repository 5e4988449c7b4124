// Child processes that never outlive their starter. Each child runs in its own process group
// (detached), so that one signal to the group ends the child and everything it started (npm -> node
// -> spectral...). Ctrl-C on the terminal then reaches only us, and we pass it on: on SIGINT,
// SIGTERM and SIGHUP every live group gets the same signal and, if still alive after a short
// grace, SIGKILL; at exit every live group gets SIGKILL, and folders registered with
// removeOnExit() are removed.
//
// CP_CHILD_REGISTRY (set by the test run, test/setup/run-scope.ts): a folder where each group's id
// is written while it lives, so that the test run's main process can end the groups of a worker
// or script that was itself killed too hard to clean up (SIGKILL).
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Process groups this process started that may still be alive (group id = the leader's pid). */
const live = new Set<number>();
const folders = new Set<string>();
/** Read at each use: a test run's global setup sets it after this module may have loaded. */
const registry = () => process.env.CP_CHILD_REGISTRY;
/** How long a group has between SIGTERM and SIGKILL. */
export const GRACE_MS = 2_000;
let interruptGraceMs = GRACE_MS;

/** How long, after an interruption, the groups have to end by themselves (a test runner cleaning up). */
export function setInterruptGrace(ms: number): void {
  interruptGraceMs = ms;
}

/** Sends `signal` to the whole group (0: only asks whether it lives); false if the group is gone. */
export function killGroup(pgid: number, signal: NodeJS.Signals | 0 = 'SIGTERM'): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false; // ESRCH: nothing left in the group
  }
}

function forget(pgid: number): void {
  live.delete(pgid);
  const dir = registry();
  if (dir) {
    try {
      unlinkSync(path.join(dir, String(pgid)));
    } catch {}
  }
}

/** child_process.spawn in a process group of its own, ended with us. */
export function spawnGroup(command: string, args: readonly string[], options: SpawnOptions = {}): ChildProcess {
  installHandlers();
  const child = spawn(command, args, { ...options, detached: true });
  const pgid = child.pid;
  if (pgid === undefined) return child; // spawn failed: the 'error' event says why
  live.add(pgid);
  const dir = registry();
  if (dir) {
    try {
      writeFileSync(path.join(dir, String(pgid)), String(process.pid));
    } catch {}
  }
  // The leader is gone: whatever it left behind in its group goes too.
  child.once('exit', () => {
    killGroup(pgid, 'SIGKILL');
    forget(pgid);
  });
  return child;
}

/** Ends the child's whole group: SIGTERM, then SIGKILL after `graceMs`. Resolves once the leader exited. */
export async function stopGroup(child: ChildProcess, graceMs = GRACE_MS): Promise<void> {
  const pgid = child.pid;
  if (pgid === undefined) return;
  const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once('exit', () => resolve()));
  killGroup(pgid, 'SIGTERM');
  const timer = setTimeout(() => killGroup(pgid, 'SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
  killGroup(pgid, 'SIGKILL');
  forget(pgid);
}

/** Ends one group by its id: SIGTERM, then SIGKILL after `graceMs` if anything of it is left. */
export async function endGroup(pgid: number, graceMs = GRACE_MS): Promise<void> {
  if (killGroup(pgid, 'SIGTERM')) {
    const deadline = Date.now() + graceMs;
    while (Date.now() < deadline && killGroup(pgid, 0)) await new Promise((resolve) => setTimeout(resolve, 50));
    killGroup(pgid, 'SIGKILL');
  }
  forget(pgid);
}

/** The groups this process started that are still alive. */
export function liveGroups(): number[] {
  return [...live];
}

/** Ends, at once, every group this process started that is still alive (SIGKILL: no grace). */
export function killAllGroups(signal: NodeJS.Signals = 'SIGKILL'): void {
  for (const pgid of live) {
    killGroup(pgid, signal);
    if (signal === 'SIGKILL') forget(pgid);
  }
}

/** Removes `dir` on exit and on interruption, unless forgetFolder() was called first. */
export function removeOnExit(dir: string): void {
  installHandlers();
  folders.add(dir);
}

export function forgetFolder(dir: string): void {
  folders.delete(dir);
}

function removeFolders(): void {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  folders.clear();
}

/** Ends the groups and removes the folders that a registry lists (see CP_CHILD_REGISTRY above). */
export function sweepRegistry(dir: string): number[] {
  let ended: number[] = [];
  try {
    ended = readdirSync(dir).map(Number).filter((pgid) => Number.isInteger(pgid) && pgid > 1);
  } catch {
    return [];
  }
  for (const pgid of ended) killGroup(pgid, 'SIGKILL');
  for (const pgid of ended) rmSync(path.join(dir, String(pgid)), { force: true });
  return ended;
}

const SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;
let installed = false;

function installHandlers(): void {
  if (installed) return;
  installed = true;
  process.once('exit', () => {
    killAllGroups('SIGKILL');
    removeFolders();
  });
  for (const [signal, number] of Object.entries(SIGNALS) as Array<[NodeJS.Signals, number]>) {
    process.on(signal, function onSignal() {
      // Passed on as received: Ctrl-C lets a test runner below us cancel its run cleanly.
      killAllGroups(signal);
      // Another handler (the script's own, vitest's) decides when to exit; the 'exit' hook above
      // still ends what is left. Alone, we exit as the signal would have, after a short grace.
      if (process.listeners(signal).some((listener) => listener !== onSignal)) return;
      const deadline = Date.now() + interruptGraceMs;
      const poll = setInterval(() => {
        const left = [...live].filter((pgid) => killGroup(pgid, 0));
        if (left.length > 0 && Date.now() < deadline) return;
        clearInterval(poll);
        killAllGroups('SIGKILL');
        removeFolders();
        process.exit(128 + number);
      }, 50);
    });
  }
}
