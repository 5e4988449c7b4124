// A form's answers, checked against its fields as a submission would be: every required visible
// field answered, no answer to a field the form lacks, emails, numbers and choices well formed.
// The result is the submission's `fields` list, in the form's order.
import type { Engine } from '../engine.js';
import { badRequest, type ErrorDetail } from '../errors.js';
import type { Entry, Resource } from '../store.js';
import { FORM_FIELDS } from './catalog.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CHOICES = new Set(['select', 'multiple-choice']);

export function formAnswers(engine: Engine, form: Entry, answers: Record<string, unknown>, email: string): Resource[] {
  const fields = engine.store
    .list(FORM_FIELDS, form.id)
    .map((e) => e.record)
    .sort((a, b) => Number(a.order ?? 0) - Number(b.order ?? 0));
  const errors: ErrorDetail[] = [];
  for (const id of Object.keys(answers)) if (!fields.some((f) => f.id === id)) errors.push({ param: `answers.${id}`, message: 'is not a field of this form' });
  const out: Resource[] = [];
  for (const field of fields) {
    if (field.hidden) continue;
    const param = `answers.${String(field.id)}`;
    // The form's email field is the customer's email unless answered otherwise.
    const value = answers[field.id] ?? (field.element === 'email' && field.type === 'email' ? email : undefined);
    if (value === undefined || value === null || value === '') {
      if (field.required) errors.push({ param, message: `is required (${String(field.label)})` });
      continue;
    }
    const problem = checkValue(field, value);
    if (problem) {
      errors.push({ param, message: problem, value });
      continue;
    }
    out.push({ fieldId: field.id, label: field.label, element: field.element, type: field.type ?? '', reference: field.reference ?? null, value: String(value), meta: null });
  }
  if (errors.length) throw badRequest(errors, 'Invalid form answers');
  return out;
}

function checkValue(field: Resource, value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return 'must be a string, number or boolean';
  const text = String(value);
  if (field.element === 'email' && !EMAIL.test(text)) return 'must be an email address';
  if (field.element === 'number') {
    const n = Number(text);
    if (text.trim() === '' || !Number.isFinite(n)) return 'must be a number';
    const min = field.minValue as Resource | undefined;
    const max = field.maxValue as Resource | undefined;
    if (min?.enabled && n < Number(min.value)) return `must be at least ${String(min.value)}`;
    if (max?.enabled && n > Number(max.value)) return `must be at most ${String(max.value)}`;
  }
  if (CHOICES.has(String(field.element)) && Array.isArray(field.options)) {
    const options = field.options as Resource[];
    if (!options.some((o) => o.value === text || o.label === text)) return `must be one of ${options.map((o) => String(o.value)).join(', ')}`;
  }
  return undefined;
}
