import { inject } from '@angular/core';
import { CanMatchFn, RedirectFunction, Router, UrlSegment } from '@angular/router';
import type { Role } from '@aula/contracts';
import { AuthService } from './auth.service';
import { homePathFor } from './roles';

function signInRedirect(segments: UrlSegment[]) {
  const returnUrl = '/' + segments.map((segment) => segment.path).join('/');
  return inject(Router).createUrlTree(['/sign-in'], { queryParams: returnUrl === '/' ? {} : { returnUrl } });
}

/** Lets a signed-in person in; sends anyone else to sign in and back. */
export const signedInGuard: CanMatchFn = (_route, segments) =>
  inject(AuthService).signedIn() || signInRedirect(segments);

/** Lets in people who hold `role`. Others go to their own home, so a bookmark never dead-ends. */
export function roleGuard(role: Role): CanMatchFn {
  return (_route, segments) => {
    const auth = inject(AuthService);
    if (!auth.signedIn()) return signInRedirect(segments);
    return auth.hasRole(role) || inject(Router).parseUrl(homePathFor(auth.roles()));
  };
}

/** Sign-in and registration make no sense with a session: go home instead. */
export const anonymousGuard: CanMatchFn = () => {
  const auth = inject(AuthService);
  return !auth.signedIn() || inject(Router).parseUrl(homePathFor(auth.roles()));
};

/** `/`: the home of the main role, or sign-in. */
export const homeRedirect: RedirectFunction = () => {
  const auth = inject(AuthService);
  return auth.signedIn() ? homePathFor(auth.roles()) : '/sign-in';
};
