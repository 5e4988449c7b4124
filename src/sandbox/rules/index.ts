// The rules of the operations that document more than their kind implies, by operationId.
import type { Rule } from './rule.js';
import { themeRules } from './themes.js';

export const RULES: Record<string, Rule> = { ...themeRules };
export type { Rule, Written } from './rule.js';
