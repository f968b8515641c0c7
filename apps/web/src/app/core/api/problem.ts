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
 * Puts the API's per-field messages on the matching form controls (error key `server`),
 * so they show next to the field that caused them. Returns the messages no control claimed.
 */
export function applyFieldErrors(form: FormGroup, problem: ProblemDetails | null): string[] {
  const unclaimed: string[] = [];
  for (const { path, message } of problem?.errors ?? []) {
    const control: AbstractControl | null = form.get(path.split('.')[0] ?? path);
    if (control) {
      control.setErrors({ ...(control.errors ?? {}), server: message });
      control.markAsTouched();
    } else {
      unclaimed.push(message);
    }
  }
  return unclaimed;
}
