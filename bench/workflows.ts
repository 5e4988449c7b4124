// The wall time of one full `npm run workflows`: the sandbox started, every Arazzo workflow run by
// Redocly Respect with its schema checks, the sandbox stopped. No target: a figure to watch.
import { timeCommand } from './commands.ts';
import { show, type Row } from './stats.ts';

export async function workflowsRow(runs = 1): Promise<Row> {
  const { wall, cpu } = await timeCommand(['run', '-s', 'workflows'], runs);
  return { figure: `\`npm run workflows\`, every workflow against a fresh sandbox (${wall.runs} run${wall.runs === 1 ? '' : 's'})`, measured: `${show(wall, ' s')}; CPU ${show(cpu, ' s')}`, target: '' };
}
