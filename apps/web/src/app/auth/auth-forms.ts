import type { FormGroup } from '@angular/forms';
import { applyFieldErrors, problemOf, statusOf } from '../core/api/problem';

/** Moves focus to the first field the person still has to fix, so they do not have to hunt for it. */
export function focusFirstInvalid(root: HTMLElement): void {
  // Material marks the host; the focusable element is inside (input or the select trigger).
  queueMicrotask(() => {
    const invalid = root.querySelector<HTMLElement>(
      'input.ng-invalid, textarea.ng-invalid, mat-select.ng-invalid, [aria-invalid="true"]',
    );
    invalid?.focus();
  });
}

/** Only same-app paths: never let a crafted link send someone to another site after sign-in. */
export function safeReturnUrl(value: string | null): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  if (value.startsWith('/sign-in') || value.startsWith('/register')) return null;
  return value;
}

/**
 * Why the server refused a password chosen from an emailed link (an invitation, a password reset):
 * `'token'` when the link itself is no longer valid (the page says so in its own words), else the
 * message key to show, or null when the field errors now on the form say it all.
 */
export function linkPasswordFailure(error: unknown, form: FormGroup, language: string, host: HTMLElement): string | null {
  const status = statusOf(error);
  const fields = problemOf(error)?.errors ?? [];
  if (status === 400 && fields.some((field) => field.path === 'token')) return 'token';
  if (status === 400) {
    const { unclaimed } = applyFieldErrors(form, error, language);
    focusFirstInvalid(host);
    return unclaimed || !fields.length ? 'errors.invalidInput' : null;
  }
  if (status === 429) return 'auth.signIn.tooManyAttempts';
  return status === 0 ? 'errors.offline' : 'errors.unexpected';
}
