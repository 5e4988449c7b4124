// The arithmetic of a sandbox charge (src/sandbox/purchases/pricing.ts), on the cases the README
// names as the sandbox's choices: rounding halves up, discounts before tax, inclusive and exclusive
// rates, fees untaxed, even shares with the remainder first.
import { describe, expect, it } from 'vitest';
import { amounts, couponDiscount, share } from '../../src/sandbox/purchases/pricing.ts';

const vat = (percentage: number, inclusive: boolean) => ({ id: 'r', percentage, inclusive });

describe('sandbox charge arithmetic', () => {
  it('rounds a percentage to the nearest unit, halves up, and never takes off more than the price', () => {
    expect(couponDiscount({ percentOff: 12.5 }, 1004)).toBe(126); // 125.5 -> 126
    expect(couponDiscount({ percentOff: 12.5 }, 1003)).toBe(125); // 125.375 -> 125
    expect(couponDiscount({ amountOff: 5000 }, 1200)).toBe(1200);
    expect(couponDiscount(undefined, 1200)).toBe(0);
  });

  it('takes the bulk discount, then the coupon, then adds an exclusive rate; fees are neither discounted nor taxed', () => {
    const money = amounts({ subtotal: 10000, bulkPercentOff: 10, coupon: { amountOff: 1000 }, fees: 500, taxRates: [vat(20, false)] });
    expect(money).toMatchObject({ bulkDiscount: 1000, couponDiscount: 1000, taxAmount: 1600, exclusiveTax: 1600, amount: 8000 + 1600 + 500 });
    expect(money.taxLines.map((l) => [l.taxableAmount, l.taxAmount])).toEqual([[8000, 1600]]);
  });

  it('keeps an inclusive rate inside the price', () => {
    const money = amounts({ subtotal: 1050, taxRates: [vat(5, true)] });
    expect(money).toMatchObject({ taxAmount: 50, exclusiveTax: 0, amount: 1050 });
    expect(money.taxLines.map((l) => [l.taxableAmount, l.taxAmount])).toEqual([[1000, 50]]);
  });

  it('splits a total evenly, the remainder on the first shares', () => {
    expect([0, 1, 2].map((i) => share(100, 3, i))).toEqual([34, 33, 33]);
  });
});
