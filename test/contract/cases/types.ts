// A contract case: one call of one operation through the typed client. The suite runs it for the
// 2xx answer and again (with `Prefer: code=NNN`) for every documented error status.
import type { CheckoutPageClient } from '../../../src/index.ts';

export interface CallResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}
export type Case = (client: CheckoutPageClient, headers: Record<string, string>) => Promise<CallResult>;
export type Cases = Record<string, Case>;
