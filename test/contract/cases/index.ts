// Every contract case, one file per resource. Add your resource's file here.
import { accountCases } from './account.ts';
import { customerCases } from './customers.ts';
import { paymentCases } from './payments.ts';
import type { Cases } from './types.ts';

export const cases: Cases = {
  ...accountCases,
  ...paymentCases,
  ...customerCases,
};
