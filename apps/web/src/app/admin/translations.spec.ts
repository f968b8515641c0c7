import { describe, expect, it } from 'vitest';
import { displayLocale, displayText, toTranslations } from './translations';

describe('translated course texts', () => {
  const title = { en: 'Regional planning', es: 'Planificación regional' };

  it('shows the reader’s language when the text has it', () => {
    expect(displayText(title, 'es', 'en')).toBe('Planificación regional');
    expect(displayLocale(title, 'es', 'en')).toBe('es');
  });

  it('falls back to the course’s default language, and says so for the lang attribute', () => {
    expect(displayText(title, 'pt', 'es')).toBe('Planificación regional');
    expect(displayLocale(title, 'pt', 'es')).toBe('es');
  });

  it('falls back to any language with text when the default one is empty', () => {
    expect(displayText({ en: '', pt: 'Planejamento' }, 'es', 'en')).toBe('Planejamento');
    expect(displayLocale({ en: '', pt: 'Planejamento' }, 'es', 'en')).toBe('pt');
  });

  it('keeps only the languages that have text, trimmed', () => {
    expect(toTranslations({ en: ' Planning ', es: '', pt: '   ' })).toEqual({ en: 'Planning' });
  });
});
