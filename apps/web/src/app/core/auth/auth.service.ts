import { HttpClient } from '@angular/common/http';
import { Injectable, Injector, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import type {
  AcceptInvitationRequest,
  AuthSession,
  RegisterRequest,
  Role,
  SignInRequest,
  UserView,
} from '@aula/contracts';
import { identityApi } from '@aula/contracts';
import { firstValueFrom } from 'rxjs';
import { statusOf } from '../api/problem';

/** Refresh a little before the token expires, so that slow requests do not arrive stale. */
const EXPIRY_MARGIN_MS = 30_000;

/**
 * Runs `task` while no other tab of this browser runs it. Tabs share the refresh cookie and the
 * API rotates it on every use: two tabs refreshing at once would present the same cookie twice.
 */
function acrossTabs<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return locks ? locks.request('aula.auth.refresh', task) : task();
}

/**
 * Owns the signed-in session. The access token lives only in memory; the refresh token is
 * an httpOnly cookie the browser sends to `/api/auth/refresh`, so a reload restores the session.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  // The router is looked up when needed: it is built early and must not depend on this service.
  private readonly injector = inject(Injector);
  private readonly session = signal<AuthSession | null>(null);
  private refreshing: Promise<AuthSession | null> | null = null;
  /** Server clock minus ours, from the `Date` of auth answers: devices' clocks are often off. */
  private clockSkewMs = 0;

  /** Set when the API ended the session on its own (expired, signed out elsewhere). */
  readonly endedUnexpectedly = signal(false);
  readonly user = computed<UserView | null>(() => this.session()?.user ?? null);
  readonly signedIn = computed(() => this.session() !== null);
  readonly roles = computed<readonly Role[]>(() => this.user()?.roles ?? []);

  accessToken(): string | null {
    return this.session()?.accessToken ?? null;
  }

  tokenExpiresSoon(): boolean {
    const expiresAt = this.session()?.accessTokenExpiresAt;
    return !!expiresAt && Date.parse(expiresAt) - (Date.now() + this.clockSkewMs) < EXPIRY_MARGIN_MS;
  }

  hasRole(role: Role): boolean {
    return this.roles().includes(role);
  }

  /**
   * One refresh at a time: concurrent callers share it, because the API rotates the cookie.
   * Resolves to the new session, or null when the API refused (a session we held has then ended).
   * Offline or a server hiccup keeps the session we hold: that is not a reason to sign anyone out.
   */
  refresh(): Promise<AuthSession | null> {
    this.refreshing ??= acrossTabs(() => this.post(identityApi.refresh.path, null))
      .then((session) => {
        this.session.set(session);
        return session;
      })
      .catch((error: unknown) => {
        const refused = statusOf(error) === 401 || statusOf(error) === 403;
        if (!refused) return this.session();
        if (this.session()) this.sessionEnded();
        return null;
      })
      .finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  async signIn(request: SignInRequest): Promise<AuthSession> {
    const session = await this.post(identityApi.signIn.path, request);
    this.start(session);
    return session;
  }

  async register(request: RegisterRequest): Promise<AuthSession> {
    const session = await this.post(identityApi.register.path, request);
    this.start(session);
    return session;
  }

  /** Someone enrolled by an administrator chooses their password; the API signs them in. */
  async acceptInvitation(request: AcceptInvitationRequest): Promise<AuthSession> {
    const session = await this.post(identityApi.acceptInvitation.path, request);
    this.start(session);
    return session;
  }

  async signOut(): Promise<void> {
    try {
      await firstValueFrom(this.http.post<void>(identityApi.signOut.path, null));
    } catch {
      // The local session ends either way; a stale cookie expires on its own.
    }
    this.session.set(null);
  }

  /** Answer of a password change: a new session, the others are gone. */
  replaceSession(session: AuthSession): void {
    this.session.set(session);
  }

  updateUser(user: UserView): void {
    const session = this.session();
    if (session) this.session.set({ ...session, user });
  }

  /** The API refused to renew a session we held: forget it and ask to sign in again. */
  private sessionEnded(): void {
    this.session.set(null);
    this.endedUnexpectedly.set(true);
    const router = this.injector.get(Router);
    const returnUrl = router.url;
    void router.navigate(['/sign-in'], {
      queryParams: returnUrl && returnUrl !== '/' && !returnUrl.startsWith('/sign-in') ? { returnUrl } : {},
    });
  }

  private async post(url: string, body: unknown): Promise<AuthSession> {
    const response = await firstValueFrom(this.http.post<AuthSession>(url, body, { observe: 'response' }));
    const serverNow = Date.parse(response.headers.get('Date') ?? '');
    if (!Number.isNaN(serverNow)) this.clockSkewMs = serverNow - Date.now();
    if (!response.body) throw new Error(`Empty answer from ${url}`);
    return response.body;
  }

  private start(session: AuthSession): void {
    this.endedUnexpectedly.set(false);
    this.session.set(session);
  }
}
