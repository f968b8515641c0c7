import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { DOCUMENT } from '@angular/common';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { UserView } from '@aula/contracts';
import { TranslocoService, provideTransloco, type Translation, type TranslocoLoader } from '@jsverse/transloco';
import { of } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuthService } from '../auth/auth.service';
import { LanguageService } from './language.service';

const GREETINGS: Record<string, Translation> = {
  en: { hello: 'Hello' },
  es: { hello: 'Hola' },
  pt: { hello: 'Olá' },
};

class InlineLoader implements TranslocoLoader {
  getTranslation(lang: string) {
    return of(GREETINGS[lang]);
  }
}

function person(locale: UserView['locale']): UserView {
  return { id: 'u1', email: 'ana@example.org', displayName: 'Ana', locale } as UserView;
}

describe('LanguageService', () => {
  const user = signal<UserView | null>(null);
  const updateUser = vi.fn((next: UserView) => user.set(next));

  beforeEach(() => {
    localStorage.clear();
    user.set(null);
    updateUser.mockClear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTransloco({
          config: { availableLangs: ['en', 'es', 'pt'], defaultLang: 'en' },
          loader: InlineLoader,
        }),
        { provide: AuthService, useValue: { user, updateUser } },
      ],
    });
  });

  afterEach(() => {
    TestBed.inject(HttpTestingController).verify();
    vi.restoreAllMocks();
  });

  const service = () => TestBed.inject(LanguageService);
  async function signIn(locale: UserView['locale']): Promise<void> {
    service();
    user.set(person(locale));
    TestBed.tick();
    await vi.waitFor(() => expect(service().active()).toBe(locale));
  }
  const greeting = () => TestBed.inject(TranslocoService).translate('hello');

  describe('before anyone signs in', () => {
    it('takes the language chosen earlier in this browser over the browser’s own', () => {
      vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['pt-BR']);
      localStorage.setItem('aula.locale', 'es');
      expect(service().guess('en')).toBe('es');
    });

    it('takes the browser’s language when nothing was chosen here', () => {
      vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['fr-FR', 'pt-BR']);
      expect(service().guess('en')).toBe('pt');
    });

    it('falls back to the platform default for a browser in a language Aula does not speak', () => {
      vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['fr-FR']);
      localStorage.setItem('aula.locale', 'fr');
      expect(service().guess('es')).toBe('es');
    });
  });

  it('switches texts, <html lang> and the formatting tag together', async () => {
    await service().apply('pt');
    expect(greeting()).toBe('Olá');
    expect(service().active()).toBe('pt');
    expect(service().tag()).toBe('pt-BR');
    expect(TestBed.inject(DOCUMENT).documentElement.lang).toBe('pt-BR');
  });

  it('remembers a choice made while signed out, without asking the API', async () => {
    await service().choose('es');
    expect(greeting()).toBe('Hola');
    expect(localStorage.getItem('aula.locale')).toBe('es');
    TestBed.inject(HttpTestingController).expectNone('/api/me');
  });

  it('saves a signed-in person’s choice to their profile', async () => {
    await signIn('es');
    const http = TestBed.inject(HttpTestingController);
    const chosen = service().choose('pt');
    let request!: TestRequest;
    await vi.waitFor(() => {
      request = http.expectOne('/api/me');
    });
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ locale: 'pt' });
    request.flush(person('pt'));
    await chosen;
    expect(updateUser).toHaveBeenCalledWith(person('pt'));
    expect(greeting()).toBe('Olá');
  });

  it('does not save the language a signed-in person already has', async () => {
    await signIn('es');
    await service().choose('es');
    TestBed.inject(HttpTestingController).expectNone('/api/me');
    expect(updateUser).not.toHaveBeenCalled();
  });

  it('shows a person their own language once they sign in', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['en-US']);
    await signIn('es');
    expect(greeting()).toBe('Hola');
    expect(localStorage.getItem('aula.locale')).toBe('es');
  });
});
