import type { Cases } from './types.ts';

export const accountCases: Cases = {
  getAccount: (c, headers) => c.GET('/v1/account', { headers }),
};
