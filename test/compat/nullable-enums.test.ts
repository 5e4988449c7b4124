// `npm run bundle:anyof-enums` (scripts/nullable-enums-as-anyof.ts) writes the copy of the bundle
// that openapi-zod-client reads: every nullable enum as anyOf, nothing else changed, and Ajv
// accepts and refuses the same values with either copy.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { isNullableEnum, nullableEnumsAsAnyOf } from '../../scripts/lib/nullable-enums.ts';
import { ROOT } from '../../scripts/lib/paths.ts';
import { run } from '../../scripts/lib/run.ts';
import { withTempDir } from '../../scripts/lib/temp.ts';
import { bundle } from '../support/bundle.ts';

type Json = any;

const { document: rewrittenBundle, rewritten } = nullableEnumsAsAnyOf(bundle);

/** Every schema of a document with null in both its type and its enum, by JSON pointer. */
function nullableEnums(node: Json, at = '#', found: string[] = []): string[] {
  if (!node || typeof node !== 'object') return found;
  if (isNullableEnum(node)) found.push(at);
  for (const [key, value] of Object.entries(node)) {
    if (['example', 'examples', 'default', 'const', 'enum'].includes(key)) continue;
    nullableEnums(value, `${at}/${key}`, found);
  }
  return found;
}

describe('nullableEnumsAsAnyOf', () => {
  it('rewrites a 3.1 nullable enum as anyOf [{type, enum}, {type: null}], keeping its other keywords', () => {
    const schema = { description: 'The finish.', type: ['string', 'null'], enum: ['matte', 'gloss', null], default: 'matte' };
    const { document, rewritten } = nullableEnumsAsAnyOf({ components: { schemas: { Finish: schema } } });
    expect(rewritten).toBe(1);
    expect(document.components.schemas.Finish).toEqual({
      description: 'The finish.',
      default: 'matte',
      anyOf: [{ type: 'string', enum: ['matte', 'gloss'] }, { type: 'null' }],
    });
    expect(schema.enum).toEqual(['matte', 'gloss', null]); // the input is untouched
  });

  it('leaves enums without null, examples and extensions alone', () => {
    const input = {
      plain: { type: 'string', enum: ['a', 'b'] },
      onlyNullType: { type: ['string', 'null'] },
      example: { type: ['string', 'null'], enum: ['a', null] },
      'x-data': { type: ['string', 'null'], enum: ['a', null] },
    };
    const { document, rewritten } = nullableEnumsAsAnyOf(input);
    expect(rewritten).toBe(0);
    expect(document).toEqual(input);
  });

  it('rewrites every nullable enum of the bundle and leaves none', () => {
    const before = nullableEnums(bundle);
    expect(before.length).toBeGreaterThan(50);
    expect(rewritten).toBe(before.length);
    expect(nullableEnums(rewrittenBundle)).toEqual([]);
  });

  it('keeps each rewritten schema equivalent: Ajv accepts and refuses the same values', () => {
    const ajv = new Ajv2020({ strict: false });
    const pointers = nullableEnums(bundle);
    const at = (doc: Json, pointer: string) => pointer.slice(2).split('/').reduce((node, key) => node[key], doc);
    for (const pointer of pointers) {
      const before = ajv.compile(at(bundle, pointer));
      const after = ajv.compile(at(rewrittenBundle, pointer));
      const values = [...at(bundle, pointer).enum, 'not-a-listed-value', 7, true, {}];
      for (const value of values) expect(after(value), `${pointer} with ${JSON.stringify(value)}`).toBe(before(value));
    }
  });
});

describe('npm run bundle:anyof-enums', () => {
  it('writes the rewritten copy of generated/openapi.json to the file it is given', () =>
    withTempDir('anyof-enums', async (dir) => {
      const output = path.join(dir, 'openapi.json');
      const result = await run('npm', ['run', '--silent', 'bundle:anyof-enums', '--', output], { cwd: ROOT });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`: ${rewritten} nullable enum\\(s\\) as anyOf\\.$`));
      expect(JSON.parse(await readFile(output, 'utf8'))).toEqual(rewrittenBundle);
    }), 60_000);

  it('answers a missing output or an unreadable input with one clear line and exit code 1', async () => {
    const missing = await run('npm', ['run', '--silent', 'bundle:anyof-enums'], { cwd: ROOT });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Give exactly one output file.');
    expect(missing.stderr).not.toMatch(/\n\s+at /);
    const unreadable = await run('npm', ['run', '--silent', 'bundle:anyof-enums', '--', 'out.json', '--input', 'no/such.json'], { cwd: ROOT });
    expect(unreadable.code).toBe(1);
    expect(unreadable.stderr).toMatch(/^Cannot read the OpenAPI JSON no\/such\.json: /);
  }, 60_000);
});
