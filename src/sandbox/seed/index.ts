// A new store's starting state: no records (`empty`), the spec's examples (`examples`), or a store
// that looks lived in (`store`): the examples, and around them generated records, linked and
// spread over a year, so that lists page and every filter finds something.
//
// Each state is built once per process and options, and kept as JSON: a new store (one per API
// key, made on a key's first request) parses it, which costs a fraction of building it again.
import type { ApiModel } from '../model.js';
import { Store, type Resource } from '../store.js';
import { seedExamples } from './examples.js';
import { Generator } from './generator.js';
import { seedOptions, type SeedOptions } from './options.js';
import { Random } from './random.js';
import { RECIPES } from './recipes/index.js';

export type { SeedOptions, SeedPreset } from './options.js';

interface Snapshot {
  singletons: Array<[string, Resource]>;
  entries: Array<{ key: string; scope: string; record: Resource }>;
}

/** By spec document (one per process unless a caller passes its own), then by options. */
const snapshots = new WeakMap<object, Map<string, string>>();

export function seed(model: ApiModel, store: Store, options?: SeedOptions): void {
  const checked = seedOptions(options);
  let byOptions = snapshots.get(model.reader.doc);
  if (!byOptions) snapshots.set(model.reader.doc, (byOptions = new Map()));
  const cacheKey = JSON.stringify(checked);
  const text = byOptions.get(cacheKey);
  let snapshot: Snapshot;
  if (text === undefined) {
    // The first store of these options takes the records just built; the cache keeps their JSON.
    snapshot = build(model, checked);
    byOptions.set(cacheKey, JSON.stringify(snapshot));
  } else snapshot = JSON.parse(text) as Snapshot;
  for (const [path, record] of snapshot.singletons) if (!store.singletons.has(path)) store.singletons.set(path, record);
  const change = store.begin();
  for (const { key, scope, record } of snapshot.entries) change.put(key, scope, record, true);
  change.commit();
  store.save();
}

function build(model: ApiModel, { preset, size, randomSeed }: Required<SeedOptions>): Snapshot {
  const store = new Store();
  seedExamples(model, store, preset !== 'empty');
  if (preset === 'store' && size > 0) {
    const generator = new Generator(model, store, new Random(randomSeed), size);
    for (const [segment, recipe] of RECIPES) {
      const collection = generator.collection(segment);
      if (collection && generator.examples(collection).length) recipe(generator, collection);
    }
    generator.change.commit();
  }
  return {
    singletons: [...store.singletons],
    entries: [...model.collections.values()].flatMap((c) => store.list(c.key).map(({ scope, record }) => ({ key: c.key, scope, record }))),
  };
}
