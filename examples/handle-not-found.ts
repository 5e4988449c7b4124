// Telling "no such customer" apart from other failures.
import { CheckoutPageError } from 'checkoutpage-openapi';
import { client } from './client.ts';

export async function findCustomer(customerId: string) {
  try {
    return await client.customers.get(customerId);
  } catch (error) {
    if (error instanceof CheckoutPageError && error.status === 404) return undefined;
    throw error; // 401, 429 after retries, network failures...
  }
}

console.log((await findCustomer(process.argv[2] ?? '6812fe6e9f39b6760576f01c')) ?? 'No such customer');
