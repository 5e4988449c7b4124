// npm run bundle:anyof-enums -- OUTPUT [--input FILE]: writes a copy of the bundle (default
// generated/openapi.json) with nullable enums as anyOf, for openapi-zod-client (README "Works with").
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { nullableEnumsAsAnyOf } from './lib/nullable-enums.ts';
import { main } from './lib/main.ts';
import { GENERATED_DIR, rel } from './lib/paths.ts';
import { writeFilesAtomically } from './lib/write.ts';

const USAGE = 'Usage: npm run bundle:anyof-enums -- OUTPUT.json [--input generated/openapi.json]';

await main(async () => {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { input: { type: 'string', default: path.join(GENERATED_DIR, 'openapi.json') } } });
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${USAGE}`);
  }
  const [output, ...extra] = parsed.positionals;
  if (!output || extra.length) throw new Error(`Give exactly one output file.\n${USAGE}`);
  const input = path.resolve(parsed.values.input!);
  let document;
  try {
    document = JSON.parse(await readFile(input, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the OpenAPI JSON ${rel(input)}: ${(error as Error).message}`);
  }
  const result = nullableEnumsAsAnyOf(document);
  await writeFilesAtomically(new Map([[path.resolve(output), `${JSON.stringify(result.document, null, 2)}\n`]]));
  console.log(`Wrote ${rel(path.resolve(output))}: ${result.rewritten} nullable enum(s) as anyOf.`);
});
