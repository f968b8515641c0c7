import type { ValidatorFn } from '@angular/forms';
import type { REMINDER_OFFSETS_LIMITS } from '@aula/contracts';
import { SLUG_PATTERN } from '../core/catalog/catalog-rules';

export const slugValidator: ValidatorFn = (control) =>
  !control.value || SLUG_PATTERN.test(String(control.value)) ? null : { slug: true };

/** Whole numbers only: "12.5" seats or hours mean nothing. */
export const integerValidator: ValidatorFn = (control) =>
  control.value === null || control.value === '' || Number.isInteger(Number(control.value))
    ? null
    : { integer: true };

/** An http(s) address, as the API accepts for link activities. */
export const webAddressValidator: ValidatorFn = (control) => {
  const value = String(control.value ?? '').trim();
  if (!value) return null;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.')
      ? null
      : { url: true };
  } catch {
    return { url: true };
  }
};

// A typed copy (contracts are imported for types only): a change in the API's limits fails the build.
const REMINDER_LIMITS: typeof REMINDER_OFFSETS_LIMITS = { minHours: 1, maxHours: 720, maxCount: 4 };

export type ReminderHoursError = 'required' | 'format' | 'range' | 'duplicate' | 'count';

/**
 * "48, 12" → [48, 12]; or why not, as the API would refuse it: 1 to maxCount distinct whole
 * numbers of hours within the limits.
 */
export function parseReminderHours(text: string): number[] | ReminderHoursError {
  const { minHours, maxHours, maxCount } = REMINDER_LIMITS;
  const parts = text
    .split(/[\s,;]+/)
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length === 0) return 'required';
  if (!parts.every((part) => /^\d+$/.test(part))) return 'format';
  const hours = parts.map(Number);
  if (hours.some((h) => h < minHours || h > maxHours)) return 'range';
  if (new Set(hours).size !== hours.length) return 'duplicate';
  if (hours.length > maxCount) return 'count';
  return hours;
}

/** The list of reminder hours of a course, when it does not use the platform's default. */
export const reminderHoursValidator: ValidatorFn = (control) => {
  const parsed = parseReminderHours(String(control.value ?? ''));
  return Array.isArray(parsed) ? null : { reminderHours: parsed };
};
