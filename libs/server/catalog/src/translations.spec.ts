import { cleanPlainTranslations, cleanRichTranslations, localesOf, pickText } from './translations';
import { sanitiseRichText } from './rich-text.sanitiser';

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

describe('cleanRichTranslations', () => {
  it('sanitises every language and drops those left without content', () => {
    expect(cleanRichTranslations({ en: '<p>Hi</p><script>x()</script>', es: '<script>x()</script>', pt: '<p> &nbsp;</p>' }, sanitiseRichText)).toEqual({
      en: '<p>Hi</p>',
    });
  });

  it('counts an image alone as content', () => {
    expect(cleanRichTranslations({ en: '<p><img src="https://x.example/a.png"></p>' }, sanitiseRichText)).toEqual({
      en: '<p><img src="https://x.example/a.png" /></p>',
    });
  });
});
