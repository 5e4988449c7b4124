// GET /_sandbox/pay/{slug}?key=KEY: a small hosted checkout for people, for any checkout page,
// event or form of the store: its name, what can be bought (prices, ticket types) or answered
// (form fields), quantity, email, name and coupon, and a Pay and a Fail button that make the
// purchase through POST /_sandbox/purchases with `Authorization: Bearer KEY` (the key names the
// store, as for API requests). One self-contained HTML answer: no framework, and a Content
// Security Policy that lets the page talk to the sandbox only.
import { randomBytes } from 'node:crypto';
import type { Engine } from '../engine.js';
import { notFound } from '../errors.js';
import type { Resource } from '../store.js';
import { findPage, FORM_FIELDS, TICKET_TYPES } from './catalog.js';

const escape = (value: unknown) =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const money = (amount: unknown, currency: unknown) => `${(Number(amount ?? 0) / 100).toFixed(2)} ${String(currency ?? '').toUpperCase()}`;

/** A form field's input: a list of its options for a choice, else a text box. */
function fieldInput(id: string, field: Resource): string {
  const required = field.required ? ' required' : '';
  if (Array.isArray(field.options) && (field.element === 'select' || field.element === 'multiple-choice')) {
    const options = (field.options as Resource[]).map((o) => `<option value="${escape(o.value)}">${escape(o.label ?? o.value)}</option>`).join('');
    return `<select data-field="${escape(id)}"${required}><option value=""></option>${options}</select>`;
  }
  return `<input data-field="${escape(id)}"${field.element === 'number' ? ' type="number"' : ''}${required}>`;
}

export function payPage(engine: Engine, slug: string, url: URL): Response {
  const page = findPage(engine, (r) => r.slug === slug);
  if (!page) throw notFound(`No checkout page, event or form with slug ${slug}`);
  const r = page.entry.record;
  const title = r.title ?? r.name ?? slug;
  let choices = '';
  if (page.kind === 'checkout') {
    const prices = (((r.product as Resource | undefined)?.prices ?? []) as Resource[]).filter((p) => p.enabled !== false);
    choices = prices
      .map((p, i) => `<label><input type="radio" name="priceId" value="${escape(p.id)}"${p.isDefault || i === 0 ? ' checked' : ''}> ${escape(p.label ?? 'Price')}: ${money(p.amount, p.currency)}${p.billingType === 'recurring' ? ' (recurring)' : ''}</label>`)
      .join('\n');
  } else if (page.kind === 'event') {
    const currency = (r.eventDetails as Resource | undefined)?.currency;
    const types = engine.store.list(TICKET_TYPES).filter((t) => t.scope.startsWith(`${r.id}/`));
    choices = types
      .map((t, i) => `<label><input type="radio" name="ticketTypeId" value="${escape(t.id)}"${i === 0 ? ' checked' : ''}> ${escape(t.record.name)}: ${money(t.record.price, currency)}</label>`)
      .join('\n');
  } else {
    choices = engine.store
      .list(FORM_FIELDS, r.id)
      .filter((f) => !f.record.hidden && f.record.element !== 'email')
      .map((f) => `<label>${escape(f.record.label)} ${fieldInput(f.id, f.record)}</label>`)
      .join('\n');
  }
  const nonce = randomBytes(16).toString('base64');
  const config = JSON.stringify({ pageId: r.id, kind: page.kind, key: url.searchParams.get('key') ?? '' }).replace(/</g, '\\u003c');
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · sandbox checkout</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem}label{display:block;margin:.5rem 0}fieldset{border:1px solid #ccc;margin:1rem 0}button{margin-right:.5rem;padding:.5rem 1rem}output{display:block;white-space:pre-wrap;margin-top:1rem}</style>
</head>
<body>
<p>Checkout Page sandbox: nothing is charged.</p>
<h1>${escape(title)}</h1>
<form id="checkout">
<fieldset><legend>${page.kind === 'form' ? 'Your answers' : 'What to buy'}</legend>
${choices}
${page.kind === 'form' ? '' : '<label>Quantity <input name="quantity" type="number" min="1" value="1"></label>'}
</fieldset>
<label>Email <input name="email" type="email" required></label>
<label>Name <input name="name"></label>
${page.kind === 'form' ? '' : '<label>Coupon code <input name="couponCode"></label>'}
<button type="submit" name="outcome" value="paid">${page.kind === 'form' ? 'Submit' : 'Pay'}</button>
${page.kind === 'form' ? '' : '<button type="submit" name="outcome" value="failed">Fail</button>'}
</form>
<output id="result" aria-live="polite"></output>
<script nonce="${nonce}">
const config = ${config};
const form = document.getElementById('checkout');
const result = document.getElementById('result');
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = new FormData(form);
  const body = { pageId: config.pageId, email: data.get('email'), outcome: event.submitter ? event.submitter.value : 'paid' };
  for (const name of ['name', 'priceId', 'ticketTypeId', 'couponCode']) if (data.get(name)) body[name] = data.get(name);
  if (data.get('quantity')) body.quantity = Number(data.get('quantity'));
  const answers = {};
  for (const input of form.querySelectorAll('[data-field]')) if (input.value) answers[input.dataset.field] = input.value;
  if (config.kind === 'form') body.answers = answers;
  const headers = { 'content-type': 'application/json' };
  if (config.key) headers.authorization = 'Bearer ' + config.key;
  result.textContent = 'Working...';
  const answer = await fetch('/_sandbox/purchases', { method: 'POST', headers, body: JSON.stringify(body) });
  const json = await answer.json();
  if (!answer.ok) { result.textContent = 'Refused (' + answer.status + '): ' + json.message + (json.errors ? '\\n' + json.errors.map((e) => e.param + ' ' + e.message).join('\\n') : ''); return; }
  const d = json.data;
  const charge = d.payment ? 'Payment ' + d.payment.id + ': ' + d.payment.status : 'Submission ' + d.submission.id;
  result.textContent = charge + (d.tickets && d.tickets.length ? '\\nTickets: ' + d.tickets.map((t) => t.ticketShortId).join(', ') : '') + (d.subscription ? '\\nSubscription ' + d.subscription.id + ': ' + d.subscription.status : '');
  result.dataset.status = d.payment ? d.payment.status : 'submitted';
});
</script>
</body>
</html>
`;
  return new Response(html, {
    status: 200,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline'; connect-src 'self'; form-action 'none'; base-uri 'none'`,
    },
  });
}
