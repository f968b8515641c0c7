import { describe, expect, it } from 'vitest';
import type { WorkshopRatingResult, WorkshopSurveyPublicView } from '@aula/contracts';
import { cleanQuestions, groupByKind, missingRequired, newQuestionId, ratingRows, surveyAnswers } from './workshop-outcomes';

const questions: WorkshopSurveyPublicView['questions'] = [
  { id: 'overall', kind: 'rating', prompt: 'Overall', required: true },
  { id: 'pace', kind: 'rating', prompt: 'Pace', required: false },
  { id: 'ideas', kind: 'text', prompt: 'Ideas', required: true },
];

describe('survey form', () => {
  it('sends chosen ratings and trimmed text in the survey order, leaving empty answers out', () => {
    expect(surveyAnswers(questions, { ideas: '  Mais prática ', overall: 4, pace: null })).toEqual([
      { questionId: 'overall', rating: 4 },
      { questionId: 'ideas', text: 'Mais prática' },
    ]);
    expect(surveyAnswers(questions, { ideas: '   ', overall: null })).toEqual([]);
  });

  it('names the required questions still unanswered', () => {
    expect(missingRequired(questions, { overall: null, ideas: ' ' })).toEqual(['overall', 'ideas']);
    expect(missingRequired(questions, { overall: 1, ideas: 'ok' })).toEqual([]);
  });
});

describe('survey results', () => {
  it('draws a rating question from 5 down to 1 with the count of each', () => {
    const result: WorkshopRatingResult = { questionId: 'overall', kind: 'rating', prompt: {}, distribution: [0, 1, 0, 2, 4], count: 7, mean: 4.29 };
    expect(ratingRows(result, (r) => `${r}★`)).toEqual([
      { key: '5', label: '5★', value: 4 },
      { key: '4', label: '4★', value: 2 },
      { key: '3', label: '3★', value: 0 },
      { key: '2', label: '2★', value: 1 },
      { key: '1', label: '1★', value: 0 },
    ]);
  });
});

describe('outcomes', () => {
  it('groups entries by kind in the record order, without empty kinds', () => {
    const groups = groupByKind([
      { kind: 'offer' as const, id: 'a' },
      { kind: 'demand' as const, id: 'b' },
      { kind: 'offer' as const, id: 'c' },
    ]);
    expect(groups.map((g) => [g.kind, g.entries.map((e) => e.id)])).toEqual([
      ['demand', ['b']],
      ['offer', ['a', 'c']],
    ]);
  });
});

describe('survey questions', () => {
  it('gives a new question an id not yet used', () => {
    expect(newQuestionId([])).toBe('q1');
    expect(newQuestionId(['overall', 'q3'])).toBe('q4');
    expect(newQuestionId(['q2', 'q3'])).toBe('q4');
  });

  it('trims prompts and drops languages left empty', () => {
    expect(cleanQuestions([{ id: 'q1', kind: 'text', required: false, prompt: { en: ' Ideas ', es: '  ', pt: 'Ideias' } }])).toEqual([
      { id: 'q1', kind: 'text', required: false, prompt: { en: 'Ideas', pt: 'Ideias' } },
    ]);
  });
});
