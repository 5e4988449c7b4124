// Realistic ids used when calling the mock (Prism checks their format, not their existence).
export const ids = {
  payment: '6812fe6e9f39b6760576f01d',
  customer: '6812fe6e9f39b6760576f01c',
} as const;
