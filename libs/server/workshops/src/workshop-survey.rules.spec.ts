import type { WorkshopSurveyQuestion } from '@aula/contracts';
import { aggregateSurvey, checkAnswers, checkSurveyQuestions, DEFAULT_SURVEY_QUESTIONS } from './workshop-survey.rules';

const questions: WorkshopSurveyQuestion[] = [
  { id: 'overall', kind: 'rating', prompt: { en: 'Overall' }, required: true },
  { id: 'pace', kind: 'rating', prompt: { en: 'Pace' }, required: false },
  { id: 'ideas', kind: 'text', prompt: { en: 'Ideas' }, required: false },
];

describe('survey rules', () => {
  it('has a default survey translated into every language, with rating and text questions', () => {
    for (const q of DEFAULT_SURVEY_QUESTIONS) expect(Object.keys(q.prompt).sort()).toEqual(['en', 'es', 'pt']);
    expect(new Set(DEFAULT_SURVEY_QUESTIONS.map((q) => q.kind))).toEqual(new Set(['rating', 'text']));
    expect(checkSurveyQuestions([...DEFAULT_SURVEY_QUESTIONS]).problems).toEqual([]);
  });

  it('refuses duplicate ids, unknown kinds and prompts in no language', () => {
    const { problems } = checkSurveyQuestions([
      { id: 'a', kind: 'rating', prompt: { en: 'A' }, required: true },
      { id: 'a', kind: 'stars' as never, prompt: { es: '   ' }, required: false },
    ]);
    expect(problems.map((p) => p.path)).toEqual(['questions.1.id', 'questions.1.kind', 'questions.1.prompt']);
  });

  it('keeps answers in survey order, trims text, drops empty optional text and names what is wrong', () => {
    expect(checkAnswers(questions, [{ questionId: 'ideas', text: '  More cases \r\n' }, { questionId: 'overall', rating: 4 }])).toEqual({
      answers: [{ questionId: 'overall', rating: 4 }, { questionId: 'ideas', text: 'More cases' }],
      problems: [],
    });
    expect(checkAnswers(questions, [{ questionId: 'overall', rating: 3 }, { questionId: 'ideas', text: ' ' }]).answers).toEqual([
      { questionId: 'overall', rating: 3 },
    ]);
    const wrong = checkAnswers(questions, [
      { questionId: 'pace', rating: 0 },
      { questionId: 'pace', rating: 2 },
      { questionId: 'ideas', rating: 2 },
      { questionId: 'nope', rating: 2 },
    ]);
    expect(wrong.problems.map((p) => p.path)).toEqual(['answers.0.rating', 'answers.1.questionId', 'answers.2.rating', 'answers.3.questionId', 'answers.overall']);
    expect(checkAnswers(questions, [{ questionId: 'overall', rating: 2.5 }]).problems.map((p) => p.path)).toEqual(['answers.0.rating']);
  });

  it('counts each rating, takes the mean to two decimals, and lists text answers', () => {
    const results = aggregateSurvey(questions, [
      { answers: [{ questionId: 'overall', rating: 5 }, { questionId: 'ideas', text: 'Más práctica' }] },
      { answers: [{ questionId: 'overall', rating: 4 }, { questionId: 'pace', rating: 2 }] },
      { answers: [{ questionId: 'overall', rating: 4 }] },
    ]);
    expect(results[0]).toMatchObject({ questionId: 'overall', distribution: [0, 0, 0, 2, 1], count: 3, mean: 4.33 });
    expect(results[1]).toMatchObject({ questionId: 'pace', distribution: [0, 1, 0, 0, 0], count: 1, mean: 2 });
    expect(results[2]).toMatchObject({ questionId: 'ideas', kind: 'text', answers: ['Más práctica'] });
    expect(aggregateSurvey(questions, [])[0]).toMatchObject({ count: 0, mean: null, distribution: [0, 0, 0, 0, 0] });
  });
});
