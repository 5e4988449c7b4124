// The arithmetic of a charge, in the smallest currency unit. The API documents the fields but not
// its rounding, so these are the sandbox's choices (README): each computed amount is rounded to
// the nearest unit, halves up; a coupon and a bulk discount come off the price before tax; fees
// are neither discounted nor taxed; an exclusive rate is added on top, an inclusive one is part of
// the price.
import type { Resource } from '../store.js';

export interface TaxLine {
  rate: Resource;
  taxableAmount: number;
  taxAmount: number;
}

export interface Amounts {
  /** Price × quantity (plus a setup fee), before any discount. */
  subtotal: number;
  bulkDiscount: number;
  couponDiscount: number;
  fees: number;
  /** Every tax, inclusive and exclusive. */
  taxAmount: number;
  /** The part of taxAmount added on top of the prices. */
  exclusiveTax: number;
  /** What the customer pays. */
  amount: number;
  taxLines: TaxLine[];
}

const round = (value: number) => Math.floor(value + 0.5);

/** What a coupon takes off `base` (never more than `base`). */
export function couponDiscount(coupon: Resource | undefined, base: number): number {
  if (!coupon || base <= 0) return 0;
  if (typeof coupon.percentOff === 'number') return Math.min(base, round((base * coupon.percentOff) / 100));
  if (typeof coupon.amountOff === 'number') return Math.min(base, coupon.amountOff);
  return 0;
}

export function amounts(input: { subtotal: number; bulkPercentOff?: number; coupon?: Resource; fees?: number; taxRates?: Resource[] }): Amounts {
  const { subtotal } = input;
  const bulkDiscount = input.bulkPercentOff ? Math.min(subtotal, round((subtotal * input.bulkPercentOff) / 100)) : 0;
  const couponAmount = couponDiscount(input.coupon, subtotal - bulkDiscount);
  const taxable = subtotal - bulkDiscount - couponAmount;
  const taxLines = (input.taxRates ?? []).map((rate) => {
    const percentage = Number(rate.percentage ?? 0);
    const taxAmount = rate.inclusive ? round(taxable - taxable / (1 + percentage / 100)) : round((taxable * percentage) / 100);
    return { rate, taxableAmount: rate.inclusive ? taxable - taxAmount : taxable, taxAmount };
  });
  const exclusiveTax = taxLines.filter((l) => !l.rate.inclusive).reduce((sum, l) => sum + l.taxAmount, 0);
  const taxAmount = taxLines.reduce((sum, l) => sum + l.taxAmount, 0);
  const fees = input.fees ?? 0;
  return { subtotal, bulkDiscount, couponDiscount: couponAmount, fees, taxAmount, exclusiveTax, amount: taxable + fees + exclusiveTax, taxLines };
}

/** The `i`-th of `n` even shares of `total` (the remainder goes to the first shares). */
export const share = (total: number, n: number, i: number) => Math.floor(total / n) + (i < total % n ? 1 : 0);
