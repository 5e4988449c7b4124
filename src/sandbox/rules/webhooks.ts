// Webhook endpoints: a store has at most the number of endpoints the create body's description
// documents (10), else 400; custom headers must be valid header names and cannot take the place
// of the headers a delivery itself sets (its signature, timestamp, attempt, content type and
// framing), else 400, so a receiver never sees two signatures and no endpoint stops every delivery.
import type { Ctx } from '../engine.js';
import { badRequest } from '../errors.js';
import type { Resource } from '../store.js';
import type { Rule } from './rule.js';

/** RFC 9110 `token`: what a header name may be made of. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Visible text, spaces and tabs (no CR, LF or other control characters). */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
/** The headers a delivery sets itself, and those that frame the HTTP message. */
const RESERVED = /^(x-webhook-.*|content-type|content-length|content-encoding|transfer-encoding|host|connection|keep-alive|upgrade|te|trailer)$/i;

function checkHeaders(ctx: Ctx): void {
  const headers = (ctx.body.value as Resource | undefined)?.customHeaders as Record<string, unknown> | null | undefined;
  if (!headers || typeof headers !== 'object') return;
  const errors = [];
  for (const [name, value] of Object.entries(headers)) {
    const param = `customHeaders.${name}`;
    if (!HEADER_NAME.test(name)) errors.push({ param, message: 'is not a valid HTTP header name' });
    else if (RESERVED.test(name)) errors.push({ param, message: 'is set by the delivery itself and cannot be a custom header' });
    else if (typeof value === 'string' && !HEADER_VALUE.test(value)) errors.push({ param, message: 'must not contain control characters', value });
  }
  if (errors.length) throw badRequest(errors);
}

/** The most endpoints a store may have, as the create body's description states it. */
function maxEndpoints(ctx: Ctx): number | undefined {
  const said = ctx.engine.reader.shape(ctx.body.schema).description ?? '';
  const found = /at most (\d+) endpoints/i.exec(said);
  return found ? Number(found[1]) : undefined;
}

export const webhookRules: Record<string, Rule> = {
  createWebhook: {
    check(ctx) {
      checkHeaders(ctx);
      const max = maxEndpoints(ctx);
      if (max !== undefined && ctx.engine.store.count(ctx.route.collection!.key) >= max) {
        throw badRequest([{ param: 'url', message: `the store already has the maximum of ${max} webhook endpoints` }], `Maximum of ${max} webhook endpoints reached`);
      }
    },
  },
  updateWebhook: { check: (ctx) => checkHeaders(ctx) },
};
