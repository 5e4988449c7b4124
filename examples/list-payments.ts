// Every paid payment of the last 30 days, across as many pages as it takes, one page in memory at a time.
import { client } from './client.ts';

const since = new Date(Date.now() - 30 * 24 * 3600 * 1000).toISOString();
let revenue = 0;
let count = 0;
for await (const payment of client.payments.list({ status: 'paid', createdAfter: since, limit: 100 })) {
  revenue += (payment.amountPaid ?? 0) - (payment.amountRefunded ?? 0);
  count += 1;
}
console.log(`${count} paid payments, ${revenue} in minor units (net of refunds)`);
