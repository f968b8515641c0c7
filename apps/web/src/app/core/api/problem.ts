import { HttpErrorResponse } from '@angular/common/http';
import type { AbstractControl, FormGroup } from '@angular/forms';
import type { ProblemDetails } from '@aula/contracts';

/** The RFC 9457 body of a failed API call, or null when the failure carried none (offline, proxy error page). */
export function problemOf(error: unknown): ProblemDetails | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const body: unknown = error.error;
  if (body && typeof body === 'object' && 'status' in body && 'title' in body) {
    return body as ProblemDetails;
  }
  return null;
}

export function statusOf(error: unknown): number {
  return error instanceof HttpErrorResponse ? error.status : 0;
}

/** Seconds to wait before trying again, read from `Retry-After` (seconds or an HTTP date). */
export function retryAfterSeconds(error: unknown): number | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const header = error.headers.get('Retry-After');
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

/**
 * Whether the API's own wording may be shown: only when it is in the reader's language. The API
 * says so with `Content-Language`; without it, its messages are English.
 */
export function speaksReadersLanguage(error: unknown, language: string): boolean {
  if (!(error instanceof HttpErrorResponse)) return false;
  const content = error.headers.get('Content-Language')?.toLowerCase().split(/[-,]/)[0]?.trim();
  return (content ?? 'en') === language;
}

/**
 * Puts the API's per-field messages on the matching form controls, so they show next to the
 * field that caused them: its own words (`server`) when they are in the reader's language,
 * otherwise a translated "check this field" (`serverInvalid`). Returns how many errors no
 * control claimed, with their messages when those are readable. A dotted path ("title.es") goes to
 * the nested control when the form has one, else to its first segment; `controlFor` maps paths
 * whose shape differs from the form's.
 */
export function applyFieldErrors(
  form: FormGroup,
  error: unknown,
  language: string,
  controlFor: (path: string) => AbstractControl | null = (path) =>
    form.get(path) ?? form.get(path.split('.')[0] ?? path),
): { unclaimed: number; messages: string[] } {
  const readable = speaksReadersLanguage(error, language);
  const messages: string[] = [];
  let unclaimed = 0;
  for (const { path, message } of problemOf(error)?.errors ?? []) {
    const control = controlFor(path);
    if (control) {
      control.setErrors({
        ...(control.errors ?? {}),
        ...(readable ? { server: message } : { serverInvalid: true }),
      });
      control.markAsTouched();
    } else {
      unclaimed++;
      if (readable) messages.push(message);
    }
  }
  return { unclaimed, messages };
}
