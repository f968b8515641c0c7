import { DOCUMENT } from '@angular/common';
import { HttpClient } from '@angular/common/http';
import { Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import type { Locale, UserView } from '@aula/contracts';
import { identityApi } from '@aula/contracts';
import { TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { LANGUAGE_TAGS, browserLocale, isLocale } from './languages';

const STORAGE_KEY = 'aula.locale';

/**
 * Decides the language of the interface: the signed-in person's `locale`, otherwise the
 * choice saved in this browser, otherwise the browser's languages, otherwise the platform default.
 */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly transloco = inject(TranslocoService);
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthService);
  private readonly document = inject(DOCUMENT);
  private readonly current = signal<Locale>('en');

  readonly active = this.current.asReadonly();
  /** BCP 47 tag for Intl and `<html lang>`. */
  readonly tag = computed(() => LANGUAGE_TAGS[this.current()]);

  constructor() {
    // Signing in (or a profile change) brings the person's own language.
    effect(() => {
      const locale = this.auth.user()?.locale;
      if (locale && isLocale(locale)) {
        untracked(() => {
          this.save(locale);
          void this.apply(locale);
        });
      }
    });
  }

  /** The language to show before we know who is there. */
  guess(defaultLocale: Locale): Locale {
    return this.saved() ?? browserLocale() ?? defaultLocale;
  }

  /** Switches the interface; waits for the translation so no raw keys flash. */
  async apply(locale: Locale): Promise<void> {
    await firstValueFrom(this.transloco.load(locale));
    this.transloco.setActiveLang(locale);
    this.current.set(locale);
    const html = this.document.documentElement;
    html.lang = LANGUAGE_TAGS[locale];
    html.dir = 'ltr';
  }

  /**
   * A person picked a language: show it, remember it in this browser, and for a signed-in
   * person save it to their profile. Throws when the profile could not be saved.
   */
  async choose(locale: Locale): Promise<void> {
    this.save(locale);
    await this.apply(locale);
    if (this.auth.user() && this.auth.user()?.locale !== locale) {
      const user = await firstValueFrom(this.http.patch<UserView>(identityApi.updateMe.path, { locale }));
      this.auth.updateUser(user);
    }
  }

  private saved(): Locale | null {
    try {
      const value = localStorage.getItem(STORAGE_KEY);
      return isLocale(value) ? value : null;
    } catch {
      return null;
    }
  }

  private save(locale: Locale): void {
    try {
      localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // Private mode or storage disabled: the choice lasts for this visit only.
    }
  }
}
