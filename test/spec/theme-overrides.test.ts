// The theme design object (ThemeOverrides in answers, ThemeOverridesInput in request bodies) has
// about 950 properties written as a few dozen shared components. The exact comparison with the
// vendor's facts is done by the vendor-fidelity tool, which CI does not have; these are the
// structural facts of the bundle that must not drift silently when a shared shape is edited.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deref as derefIn } from '../../scripts/lib/refs.ts';
import { bundle } from '../support/bundle.ts';

type Json = any;
const deref = (node: Json): Json => derefIn(bundle, node);
const schemas = bundle.components.schemas as Record<string, Json>;

interface Place {
  path: string; // dotted property path from the root, e.g. "tokens.colorPrimary.light"
  schema: Json; // resolved schema
  node: Json; // the property as written (may be a $ref with a description beside it)
}

/** Every object and every property under a root, references resolved. */
function walk(name: string): { objects: Place[]; leaves: Place[] } {
  const objects: Place[] = [];
  const leaves: Place[] = [];
  const visit = (node: Json, path: string) => {
    const schema = deref(node);
    if (schema?.properties) {
      objects.push({ path, schema, node });
      for (const [key, child] of Object.entries(schema.properties)) visit(child, path ? `${path}.${key}` : key);
    } else {
      leaves.push({ path, schema, node });
    }
  };
  visit({ $ref: `#/components/schemas/${name}` }, '');
  return { objects, leaves };
}

// The scales are `anyOf` of a '' string, numbers and null (one enum mixing types breaks orval).
const types = (schema: Json): string[] => (schema.anyOf ? schema.anyOf.flatMap(types) : [].concat(schema.type ?? []));
const values = (schema: Json): unknown[] =>
  schema.anyOf ? schema.anyOf.flatMap((b: Json) => b.enum ?? (types(b).includes('null') ? [null] : [])) : schema.enum;
const isColorPair = (place: Place) => place.node.$ref === '#/components/schemas/ThemeColorPair';
const backgroundImages = ['layout.centerLayout.backgroundImage', 'layout.splitLayout.backgroundImage'];
const underBackgroundImage = (path: string) => backgroundImages.some((p) => path === p || path.startsWith(`${p}.`));

const response = walk('ThemeOverrides');
const request = walk('ThemeOverridesInput');

describe.each([
  ['ThemeOverrides', response],
  ['ThemeOverridesInput', request],
])('%s', (name, { objects, leaves }) => {
  it('has the vendor\'s 334 objects (the root included) and 613 leaf properties', () => {
    expect(objects).toHaveLength(334);
    expect(leaves).toHaveLength(613);
  });

  it('has 139 colour pairs, each exactly {light, dark} of ThemeColorValue, closed and nullable', () => {
    const pairs = objects.filter(isColorPair);
    expect(pairs).toHaveLength(139);
    // Nothing else is shaped like a colour pair without using the shared component.
    expect(objects.filter((o) => !isColorPair(o) && Object.keys(o.schema.properties).sort().join() === 'dark,light')).toEqual([]);
    const pair = schemas.ThemeColorPair;
    expect(Object.keys(pair.properties).sort()).toEqual(['dark', 'light']);
    expect(pair.properties.light).toEqual({ $ref: '#/components/schemas/ThemeColorValue' });
    expect(pair.properties.dark).toEqual({ $ref: '#/components/schemas/ThemeColorValue' });
    expect(pair.additionalProperties).toBe(false);
    expect(types(pair)).toContain('null');
    expect(pair.title).toBe('Colour pair');
  });

  it('makes every object nullable, and closes every object but the background image of answers', () => {
    for (const { path, schema } of objects) {
      expect(types(schema), path).toEqual(['object', 'null']);
      const open = name === 'ThemeOverrides' && backgroundImages.includes(path);
      if (open) expect(schema.additionalProperties, `${path} is open in the vendor's answers`).toBeUndefined();
      else expect(schema.additionalProperties, path).toBe(false);
    }
  });

  it('requires nothing, except the file of a background image in requests', () => {
    const required = objects.flatMap(({ path, schema }) => (schema.required ?? []).map((r: string) => `${path}.${r}`));
    expect(required).toEqual(name === 'ThemeOverridesInput' ? backgroundImages.map((p) => `${p}.file`) : []);
  });

  it('lets every leaf be null, except the background image fields the vendor gives as plain values', () => {
    const notNullable = leaves.filter(({ schema }) => !types(schema).includes('null')).map((l) => l.path);
    const expected = name === 'ThemeOverrides'
      ? backgroundImages.flatMap((p) => ['file', 'height', 'name', 'size', 'url', 'width'].map((k) => `${p}.${k}`))
      : backgroundImages.map((p) => `${p}.file`);
    expect(notNullable.sort()).toEqual(expected.sort());
  });

  it('keeps the limits of the repeated leaf shapes', () => {
    const by = (ref: string) => leaves.filter((l) => l.node.$ref === `#/components/schemas/${ref}`);
    expect(by('ThemeColorValue')).toHaveLength(278);
    expect(schemas.ThemeColorValue).toMatchObject({ maxLength: 256, pattern: '^[^;{}<>]+$' });
    expect(by('ThemeLabelText')).toHaveLength(82);
    expect(schemas.ThemeLabelText).toMatchObject({ maxLength: 500, pattern: '^[^<>]*$' });
    expect(by('ThemeFontFamily')).toHaveLength(39);
    expect(schemas.ThemeFontFamily).toMatchObject({ pattern: '^[A-Za-z0-9][A-Za-z0-9 ]{0,63}$' });
    expect(by('ThemeFontWeight')).toHaveLength(38);
    expect(schemas.ThemeFontWeight).toMatchObject({ type: ['integer', 'null'], minimum: 100, maximum: 900 });
    expect(by('ThemeFontStyle')).toHaveLength(36);
    expect(by('ThemeFontSize')).toHaveLength(29);
    expect(values(schemas.ThemeFontSize)).toEqual(['', 10, 11, 12, 13, 14, 16, 18, 20, 24, 32, 40, 48, 64, null]);
    expect(by('ThemeFontSizeRange')).toHaveLength(7);
    expect(schemas.ThemeFontSizeRange).toMatchObject({ minimum: 6, maximum: 200 });
    expect(by('ThemeLength')).toHaveLength(7);
    expect(schemas.ThemeLength).toMatchObject({ minimum: 0, maximum: 400 });
    expect(leaves.filter((l) => l.path.endsWith('.enabled'))).toHaveLength(40);
  });

  it("writes every nullable enum in OpenAPI 3.1's form: null in both the type and the enum", () => {
    for (const { path, schema } of leaves) {
      if (schema.enum && types(schema).includes('null')) expect(schema.enum, path).toContain(null);
      if (schema.enum?.includes(null)) expect(types(schema), path).toContain('null');
      // Only mixed-type scales (a '' string beside numbers) keep an anyOf: one enum mixing types breaks orval.
      if (schema.anyOf) expect(schema.anyOf.map((b: Json) => b.type).filter((t: unknown) => t !== 'null').length, path).toBeGreaterThan(1);
    }
  });

  it('gives every shared theme shape a title for the docs', () => {
    const named = new Set([...objects, ...leaves].map((p) => p.node.$ref).filter((ref) => ref?.startsWith('#/components/schemas/Theme')));
    expect(named.size).toBeGreaterThan(30);
    for (const ref of named) expect(deref({ $ref: ref }).title, ref).toEqual(expect.any(String));
  });
});

describe('ThemeOverrides and ThemeOverridesInput', () => {
  const paths = (places: Place[]) => places.map((p) => p.path).sort();

  it('have the same property names at the same places', () => {
    expect(paths(request.objects)).toEqual(paths(response.objects));
    expect(paths(request.leaves)).toEqual(paths(response.leaves));
  });

  it('have the property names the vendor declares (a fingerprint of every path)', () => {
    const fingerprint = createHash('sha256')
      .update([...paths(response.objects), ...paths(response.leaves)].sort().join('\n'))
      .digest('hex');
    // The same digest, computed from the vendor's facts (the 947 dotted paths, root included, sorted and
    // joined with newlines). Recompute only after the vendor-fidelity tool confirms a change.
    expect(fingerprint).toBe('c5ed6c197d972e84d4ceafcb70a10ada9a0f308299bacf77d08500909abb2f9d');
  });

  it('share every component except the path down to the background image', () => {
    const ownRefs = (name: string) => {
      const out = new Map<string, string>();
      for (const place of [...walk(name).objects, ...walk(name).leaves]) if (place.node.$ref) out.set(place.path, place.node.$ref);
      return out;
    };
    const r = ownRefs('ThemeOverrides');
    const q = ownRefs('ThemeOverridesInput');
    const differ = [...r.keys()].filter((p) => r.get(p) !== q.get(p)).sort();
    expect(differ).toEqual([
      '', // the roots themselves
      'layout',
      'layout.centerLayout',
      'layout.centerLayout.backgroundImage',
      'layout.splitLayout',
      'layout.splitLayout.backgroundImage',
    ]);
    expect(q.get('layout.centerLayout.backgroundImage.file')).toBe('#/components/schemas/ObjectId');
  });
});
