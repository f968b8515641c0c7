import { cleanPlainTranslations, localesOf, pickText } from './translations';

describe('pickText', () => {
  const title = { en: 'Regional planning', es: 'Planificación regional' };

  it('gives the reader their language when it exists', () => {
    expect(pickText(title, 'es', 'en')).toEqual({ text: 'Planificación regional', locale: 'es' });
  });

  it('falls back to the default language, then to any language', () => {
    expect(pickText(title, 'pt', 'en')).toEqual({ text: 'Regional planning', locale: 'en' });
    expect(pickText({ pt: 'Planejamento' }, 'es', 'en')).toEqual({ text: 'Planejamento', locale: 'pt' });
    expect(pickText({ es: '  ' , en: 'Plan' }, 'es', 'es')).toEqual({ text: 'Plan', locale: 'en' });
  });

  it('lists languages with text', () => {
    expect(localesOf({ en: 'x', es: '', pt: 'y' })).toEqual(['en', 'pt']);
  });
});

describe('cleanPlainTranslations', () => {
  it('trims, collapses whitespace, drops control characters and empty languages', () => {
    expect(cleanPlainTranslations({ en: '  Regional\r\n  planning\u202E ', es: '   ', pt: 'Planejamento\u0000 regional' })).toEqual({
      en: 'Regional planning',
      pt: 'Planejamento regional',
    });
  });

  it('keeps only known languages and puts text in canonical form', () => {
    const decomposed = 'Bogota\u0301';
    expect(cleanPlainTranslations({ es: decomposed, fr: 'x' } as never)).toEqual({ es: 'Bogotá' });
    expect(cleanPlainTranslations(undefined)).toEqual({});
  });
});
