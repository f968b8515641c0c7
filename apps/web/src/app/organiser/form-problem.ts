import { HttpErrorResponse } from '@angular/common/http';
import type { AbstractControl, FormGroup } from '@angular/forms';
import { applyFieldErrors, problemOf, speaksReadersLanguage, statusOf } from '../core/api/problem';

/**
 * What a refused save tells the person: field errors go on their controls; what no field claims
 * is said above the form (the API's words when they are in the reader's language, else a
 * translated key).
 */
export function formProblem(
  form: FormGroup,
  error: unknown,
  language: string,
  controlFor: (path: string) => AbstractControl | null,
): { failureKey: string | null; messages: string[] } {
  // Not an answer of the API: a fault of the page itself.
  if (!(error instanceof HttpErrorResponse)) return { failureKey: 'errors.unexpected', messages: [] };
  const status = statusOf(error);
  if (status !== 400 && status !== 409 && status !== 422) {
    return { failureKey: status === 0 ? 'errors.offline' : 'errors.unexpected', messages: [] };
  }
  const problem = problemOf(error);
  if (!problem?.errors?.length) {
    const detail = problem?.detail;
    return detail && speaksReadersLanguage(error, language)
      ? { failureKey: null, messages: [detail] }
      : { failureKey: 'errors.invalidInput', messages: [] };
  }
  const { unclaimed, messages } = applyFieldErrors(form, error, language, controlFor);
  return { failureKey: unclaimed > messages.length ? 'errors.invalidInput' : null, messages };
}
