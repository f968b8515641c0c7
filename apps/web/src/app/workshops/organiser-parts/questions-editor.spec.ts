import { describe, expect, it } from 'vitest';
import { FormArray } from '@angular/forms';
import { freshId, optionGroup, questionGroup, questionsRequest } from './questions-editor';

describe('workshop questions editor mapping', () => {
  it('sends prompts without empty languages, and options only for choices', () => {
    const list = new FormArray([
      questionGroup({ id: 'q1', kind: 'text', prompt: { es: ' ¿Qué hace? ' }, required: true }),
      questionGroup({ id: 'q2', kind: 'choice', prompt: { en: 'Language' }, required: false }),
    ]);
    list.at(1).controls.options.push(optionGroup('o1', { en: ' Spanish ' }));
    list.at(1).controls.options.push(optionGroup('o2', { en: 'Portuguese', es: '' }));
    // A text question keeps no options even if some were typed before its kind changed.
    list.at(0).controls.options.push(optionGroup('o1', { es: 'x' }));
    expect(questionsRequest(list)).toEqual([
      { id: 'q1', kind: 'text', prompt: { es: '¿Qué hace?' }, required: true },
      {
        id: 'q2',
        kind: 'choice',
        prompt: { en: 'Language' },
        required: false,
        options: [
          { id: 'o1', label: { en: 'Spanish' } },
          { id: 'o2', label: { en: 'Portuguese' } },
        ],
      },
    ]);
  });

  it('gives new questions and options ids not already taken', () => {
    expect(freshId('q', [])).toBe('q1');
    expect(freshId('q', ['q1', 'q2'])).toBe('q3');
    expect(freshId('q', ['q3', 'q2'])).toBe('q4');
  });
});
