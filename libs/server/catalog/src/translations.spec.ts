import { localesOf, pickText } from './translations';

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
