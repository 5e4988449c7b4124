// The common shell of every script: run, and on failure print the message (no stack trace) and exit 1.
export async function main(task: () => Promise<void>): Promise<void> {
  try {
    await task();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
