// The rules of the operations that document more than their kind implies, by operationId.
import { pageRules } from './pages.js';
import { productRules } from './products.js';
import type { Rule } from './rule.js';
import { taxRateRules } from './tax-rates.js';
import { themeRules } from './themes.js';
import { webhookRules } from './webhooks.js';

export const RULES: Record<string, Rule> = { ...themeRules, ...pageRules, ...productRules, ...taxRateRules, ...webhookRules };
export type { Rule, Written } from './rule.js';
