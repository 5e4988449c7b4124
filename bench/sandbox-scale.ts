// The sandbox's cost as its data grows, on its own (`node --expose-gc --import tsx bench/sandbox-scale.ts`);
// `npm run bench` prints the same figures among the others.
import { sandboxScaling } from './sandbox.ts';
import { show } from './stats.ts';

const figures = await sandboxScaling();
for (const [name, ratio] of Object.entries(figures.ratio)) {
  console.log(`${name}: ${figures.records} / 100 records = ${show(ratio, 'x')}; ${show(figures.largeMs[name]!, ' ms', 3)} per request with ${figures.records}`);
}
console.log(`heap after ${figures.records} creates: ${figures.heapMb.toFixed(1)} MB`);
