import type { ValidatorFn } from '@angular/forms';
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
