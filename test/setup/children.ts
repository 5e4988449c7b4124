// Setup file (runs in each worker, around each test file): the process groups a test starts end
// with the test, whether it passed, failed or timed out; those started in beforeAll end with the
// file. Concurrent tests share a file's groups, so theirs end with the file.
import { afterAll, afterEach, beforeEach } from 'vitest';
import { endGroup, liveGroups } from '../../scripts/lib/child.ts';

let before = new Set<number>();

beforeEach(() => {
  before = new Set(liveGroups());
});

afterEach(async ({ task }) => {
  if (task.concurrent) return;
  await Promise.all(liveGroups().filter((pgid) => !before.has(pgid)).map((pgid) => endGroup(pgid)));
});

afterAll(async () => {
  await Promise.all(liveGroups().map((pgid) => endGroup(pgid)));
});
