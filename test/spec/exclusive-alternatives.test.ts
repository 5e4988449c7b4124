// The request bodies whose rules are one `oneOf` of titled alternatives: the docs show each
// alternative by its title, and no body matches two of them. Redocly's
// no-illogical-composition-keywords cannot see that (it skips `not: {}`), so its findings there
// are ignored in .redocly.lint-ignore.yaml and checked here instead.
import { describe, expect, it } from 'vitest';
import { bundle } from '../support/bundle.ts';
import { validates } from '../support/schema.ts';

type Json = any;
const schemas = bundle.components.schemas as Record<string, Json>;

/** Every combination of the given values; `undefined` leaves the property out. */
const combinations = (options: Record<string, unknown[]>): Json[] =>
  Object.entries(options).reduce<Json[]>((bodies, [key, values]) => bodies.flatMap((body) => values.map((v) => (v === undefined ? body : { ...body, [key]: v }))), [{}]);

const cases = [
  {
    name: 'CreateCouponRequest',
    titles: ['Amount off, repeating', 'Amount off, once or forever', 'Percent off, repeating', 'Percent off, once or forever'],
    bodies: combinations({
      label: ['Spring'],
      code: ['SPRING'],
      duration: [undefined, 'once', 'forever', 'repeating'],
      durationInMonths: [undefined, 3],
      amountOff: [undefined, 500],
      currency: [undefined, 'gbp'],
      percentOff: [undefined, 10],
    }),
  },
  {
    name: 'PriceSettingsInput',
    titles: ['One-time', 'Subscription', 'Payment plan'],
    bodies: combinations({
      amount: [2900],
      billingType: [undefined, null, 'one_time', 'recurring'],
      recurring: [undefined, null, { interval: 'month', intervalCount: 1 }],
      paymentPlan: [undefined, null, { interval: 'month', intervalCount: 1, planIterations: 3 }],
      payWhatYouWant: [undefined, null, true, false],
    }),
  },
];

describe.each(cases)('$name', ({ name, titles, bodies }) => {
  const alternatives: Json[] = schemas[name].oneOf;

  it('is one oneOf of titled alternatives, with no allOf of choices beside it', () => {
    expect(alternatives.map((a) => a.title)).toEqual(titles);
    expect(schemas[name].allOf).toBeUndefined();
    expect(schemas[name].anyOf).toBeUndefined();
  });

  it('has alternatives that no body matches twice, and each valid body matches exactly one', () => {
    const matched = new Set<string>();
    let valid = 0;
    for (const body of bodies) {
      const matching = alternatives.filter((a) => validates(a, body)).map((a) => a.title as string);
      expect(matching.length, `${JSON.stringify(body)} matches ${matching.join(' and ')}`).toBeLessThanOrEqual(1);
      if (validates({ $ref: `#/components/schemas/${name}` }, body)) {
        valid++;
        expect(matching, JSON.stringify(body)).toHaveLength(1);
        matched.add(matching[0]!);
      }
    }
    expect(valid).toBeGreaterThan(0);
    expect([...matched].sort()).toEqual([...titles].sort()); // every alternative is reachable
  });
});
