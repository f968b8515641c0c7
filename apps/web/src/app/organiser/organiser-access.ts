import { HttpClient } from '@angular/common/http';
import { Injectable, computed, effect, inject, signal } from '@angular/core';
import { CanMatchFn, Router, UrlSegment } from '@angular/router';
import { workshopsApi, type Page, type WorkshopView } from '@aula/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../core/auth/auth.service';
import { homePathFor } from '../core/auth/roles';

/**
 * Whether the signed-in person holds the `organiser` capability: administrators always; anyone
 * else when an administrator granted them at least one workshop, which only the API knows, so it
 * is asked once per person (the list of their workshops, one item).
 */
@Injectable({ providedIn: 'root' })
export class OrganiserAccess {
  private readonly auth = inject(AuthService);
  private readonly http = inject(HttpClient);
  /** The answer for a user id; absent while not asked. */
  private readonly granted = signal<{ userId: string; organises: boolean } | null>(null);
  private asking: { userId: string; answer: Promise<boolean> } | null = null;

  /** For links: true once known to organise (admins at once). */
  readonly canOrganise = computed(() => {
    const user = this.auth.user();
    if (!user) return false;
    if (user.roles.includes('admin')) return true;
    const known = this.granted();
    return known?.userId === user.id && known.organises;
  });

  constructor() {
    // Find out in the background for people who are not administrators, so the link can appear.
    effect(() => {
      const user = this.auth.user();
      if (user && !user.roles.includes('admin')) void this.check();
    });
  }

  /** Asks the API when needed; a failure counts as "no" for now and is asked again next time. */
  async check(): Promise<boolean> {
    const user = this.auth.user();
    if (!user) return false;
    if (user.roles.includes('admin')) return true;
    const known = this.granted();
    if (known?.userId === user.id) return known.organises;
    if (this.asking?.userId !== user.id) {
      const answer = firstValueFrom(
        this.http.get<Page<WorkshopView>>(workshopsApi.organiserWorkshops.path, { params: { limit: 1 } }),
      ).then(
        (page) => {
          this.granted.set({ userId: user.id, organises: page.items.length > 0 });
          return page.items.length > 0;
        },
        () => {
          this.asking = null;
          return false;
        },
      );
      this.asking = { userId: user.id, answer };
    }
    return this.asking.answer;
  }
}

function signInRedirect(segments: UrlSegment[]) {
  const returnUrl = '/' + segments.map((segment) => segment.path).join('/');
  return inject(Router).createUrlTree(['/sign-in'], { queryParams: { returnUrl } });
}

/** Lets in people with the organiser capability; others go to their own home, as the role guards do. */
export const organiserGuard: CanMatchFn = async (_route, segments) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  if (!auth.signedIn()) return signInRedirect(segments);
  const access = inject(OrganiserAccess);
  return (await access.check()) || router.parseUrl(homePathFor(auth.roles()));
};
