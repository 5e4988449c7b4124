// The common shell of every script: run, and on failure print the message (no stack trace) and exit
// with the error's exitCode (2 for a usage mistake, see cli.ts) or 1.
export async function main(task: () => Promise<void>): Promise<void> {
  try {
    await task();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = (error as { exitCode?: number }).exitCode ?? 1;
  }
}
