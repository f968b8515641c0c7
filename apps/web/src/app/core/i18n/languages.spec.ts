import { afterEach, describe, expect, it, vi } from 'vitest';
import { LANGUAGE_TAGS, browserLocale, isLocale } from './languages';

describe('languages', () => {
  afterEach(() => vi.restoreAllMocks());

  const browserSays = (...languages: string[]) => vi.spyOn(navigator, 'languages', 'get').mockReturnValue(languages);

  it('takes the first browser language Aula speaks, by its base language', () => {
    browserSays('fr-FR', 'pt-BR', 'es-CO');
    expect(browserLocale()).toBe('pt');
  });

  it('reads region and case variants of a language as that language', () => {
    browserSays('ES-419');
    expect(browserLocale()).toBe('es');
  });

  it('has no answer when the browser speaks none of them', () => {
    browserSays('fr-FR', 'de');
    expect(browserLocale()).toBeNull();
  });

  it('knows only English, Spanish and Portuguese', () => {
    expect(['en', 'es', 'pt'].every(isLocale)).toBe(true);
    expect(isLocale('fr')).toBe(false);
    expect(isLocale('pt-BR')).toBe(false);
    expect(isLocale(null)).toBe(false);
  });

  it('formats in Latin American Spanish and Brazilian Portuguese', () => {
    expect(LANGUAGE_TAGS).toEqual({ en: 'en', es: 'es-419', pt: 'pt-BR' });
  });
});
