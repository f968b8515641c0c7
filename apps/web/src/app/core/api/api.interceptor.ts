import { HttpErrorResponse, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, from, switchMap, throwError } from 'rxjs';
import { API_PREFIX } from '@aula/contracts';
import { AuthService } from '../auth/auth.service';
import { LanguageService } from '../i18n/language.service';

/** Endpoints that manage the session themselves: a 401 there is an answer, not an expired token. */
const SESSION_ENDPOINTS = [`${API_PREFIX}/auth/`];

function isApi(req: HttpRequest<unknown>): boolean {
  return req.url.startsWith(`${API_PREFIX}/`);
}

function isSessionEndpoint(req: HttpRequest<unknown>): boolean {
  return SESSION_ENDPOINTS.some((prefix) => req.url.startsWith(prefix));
}

/**
 * Adds the access token and the reader's language to API calls. When the API answers 401,
 * refreshes the session once and retries once; only a failed refresh ends the session.
 */
export const apiInterceptor: HttpInterceptorFn = (req, next) => {
  if (!isApi(req)) return next(req);
  const auth = inject(AuthService);
  const language = inject(LanguageService);

  const prepare = (token: string | null): HttpRequest<unknown> => {
    const setHeaders: Record<string, string> = { 'Accept-Language': language.active() };
    if (token) setHeaders['Authorization'] = `Bearer ${token}`;
    return req.clone({ setHeaders, withCredentials: true });
  };

  if (isSessionEndpoint(req)) return next(prepare(auth.accessToken()));

  // On a slow link a request that is bound to fail costs a whole round trip: refresh first.
  const send = auth.tokenExpiresSoon()
    ? from(auth.refresh()).pipe(switchMap(() => next(prepare(auth.accessToken()))))
    : next(prepare(auth.accessToken()));

  return send.pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || error.status !== 401 || !auth.signedIn()) {
        return throwError(() => error);
      }
      return from(auth.refresh()).pipe(
        switchMap((session) => {
          // No session: the refresh was refused and the person is already on their way to sign-in.
          if (!session) return throwError(() => error);
          // A second 401 with a fresh token is an answer about this request, not about the session.
          return next(prepare(session.accessToken));
        }),
      );
    }),
  );
};
