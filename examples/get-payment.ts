// One payment by id: `data` is unwrapped, and fields are typed from the spec.
import { client } from './client.ts';

const payment = await client.payments.get(process.argv[2] ?? '6812fe6e9f39b6760576f01d');
console.log(`${payment.orderId}: ${payment.status}, ${payment.amount} ${payment.currency ?? ''}`);
// The API may send null in place of a tax line: skip those.
for (const line of payment.taxBreakdown) if (line) console.log(`  tax ${line.taxType}: ${line.taxAmount}`);
