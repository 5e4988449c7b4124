// `npm run mock`: Prism on 127.0.0.1 with the port given, answering from the bundle, and a clean
// stop on Ctrl-C (SIGINT).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { killGroup, spawnGroup } from '../../scripts/lib/child.ts';
import { ROOT } from '../../scripts/lib/paths.ts';
import { quietEnv, tsxCommand } from '../../scripts/lib/run.ts';
import { freePort } from '../support/free-port.ts';


describe('npm run mock', () => {
  it('serves the bundle on the given port and exits 0 on SIGINT', async () => {
    const port = await freePort();
    const mock = spawnGroup(...tsxCommand(path.join(ROOT, 'scripts/mock.ts'), ['--port', String(port)]), { cwd: ROOT, env: quietEnv });
    const exited = new Promise<number | null>((resolve) => mock.on('exit', (code) => resolve(code)));
    let answer: Response | undefined;
    for (let i = 0; i < 150 && !answer; i++) {
      answer = await fetch(`http://127.0.0.1:${port}/v1/account`, { headers: { Authorization: 'Bearer sk_test_mock' } }).catch(
        () => new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 200)),
      );
    }
    expect(answer?.status).toBe(200);
    expect(await answer!.json()).toMatchObject({ name: 'acme-studio' });
    // Ctrl-C: SIGINT to the script's whole process group, as a terminal sends it.
    killGroup(mock.pid!, 'SIGINT');
    expect(await exited).toBe(0);
    // The port is free again: Prism went down with the script.
    await expect(fetch(`http://127.0.0.1:${port}/v1/account`)).rejects.toThrow();
  });
});
