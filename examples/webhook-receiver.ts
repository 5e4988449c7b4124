// A webhook endpoint on Node's http module. The signature covers the raw body, so read it as bytes
// before any JSON parsing, verify, then act. Answer 2xx quickly; Checkout Page retries other answers.
import { createServer } from 'node:http';
import { constructWebhookEvent, WebhookSignatureError } from 'checkoutpage-openapi';

const secret = process.env.CHECKOUTPAGE_WEBHOOK_SECRET ?? '';
const seen = new Set<string>(); // use a database in production: eventId repeats on retries

const server = createServer(async (req, res) => {
  if (req.method !== 'POST' || req.url !== '/webhooks/checkoutpage') {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const rawBody = Buffer.concat(chunks);

  let event;
  try {
    event = await constructWebhookEvent(rawBody, req.headers, secret, { toleranceSeconds: 300 });
  } catch (error) {
    if (error instanceof WebhookSignatureError) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end(error.reason);
      return;
    }
    throw error;
  }

  if (!seen.has(event.eventId)) {
    seen.add(event.eventId);
    switch (event.event) {
      case 'payment.paid':
        console.log(`Order ${event.data.payment.orderId} paid: ${event.data.payment.amount} ${event.data.payment.currency}`);
        break;
      case 'customer.created':
        console.log(`New customer ${event.data.customer.email}`);
        break;
      default:
        console.log(`Ignoring ${event.event}`);
    }
  }
  res.writeHead(200, { 'content-type': 'application/json' }).end('{"received":true}');
});

server.listen(Number(process.env.PORT ?? 3000), () => console.log('Listening for Checkout Page webhooks'));
