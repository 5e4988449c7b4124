// Min, median and max of repeated measurements, and how the benchmark prints them.
export interface Spread {
  min: number;
  median: number;
  max: number;
  runs: number;
}

export const spread = (xs: number[]): Spread => {
  if (xs.length === 0) throw new Error('No measurements');
  const sorted = [...xs].sort((a, b) => a - b);
  return { min: sorted[0]!, median: sorted[Math.floor(sorted.length / 2)]!, max: sorted.at(-1)!, runs: xs.length };
};

/** `1.06x (min 1.02, max 1.12)`, with a unit and a number of decimals. */
export const show = ({ min, median, max }: Spread, unit: string, decimals = 2): string =>
  `${median.toFixed(decimals)}${unit} (min ${min.toFixed(decimals)}, max ${max.toFixed(decimals)})`;

export interface Row {
  figure: string;
  measured: string;
  target: string;
  /** Whether the median meets the target (undefined: no target). */
  met?: boolean;
}
