import { localeFromAcceptLanguage, readerLocale } from './reader-locale';

describe('reader locale', () => {
  it('takes the most preferred supported language of Accept-Language', () => {
    expect(localeFromAcceptLanguage('pt-BR,pt;q=0.9,en;q=0.8')).toBe('pt');
    expect(localeFromAcceptLanguage('fr-FR,fr;q=0.9,es;q=0.5,en;q=0.7')).toBe('en');
    expect(localeFromAcceptLanguage('de, ES-co;q=0.2')).toBe('es');
    expect(localeFromAcceptLanguage('es;q=0, en;q=0.1')).toBe('en');
    expect(localeFromAcceptLanguage('fr, de')).toBeNull();
    expect(localeFromAcceptLanguage('')).toBeNull();
    expect(localeFromAcceptLanguage(undefined)).toBeNull();
  });

  it('prefers an explicit choice, then the profile, then the browser', () => {
    expect(readerLocale('pt', 'es', 'en')).toBe('pt');
    expect(readerLocale(undefined, 'es', 'en')).toBe('es');
    expect(readerLocale(undefined, null, 'pt-PT')).toBe('pt');
    expect(readerLocale(undefined, null, undefined)).toBeNull();
  });
});
