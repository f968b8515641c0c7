import {
  answerProblem,
  combineAttempts,
  gradeAttempt,
  gradeMultiple,
  gradeNumeric,
  gradeShortAnswer,
  gradeSingle,
  gradeTrueFalse,
  normaliseShortAnswer,
  scalePoints,
  shuffled,
  type GradableQuestion,
} from './quiz-grading';

const opt = (id: string, correct: boolean) => ({ id, text: { en: id }, correct, feedback: {} });

function question(over: Partial<GradableQuestion>): GradableQuestion {
  return {
    id: 'q',
    kind: 'single',
    prompt: { en: 'Q' },
    options: [],
    correctBoolean: null,
    acceptedAnswers: [],
    caseSensitive: false,
    accentSensitive: false,
    numericAnswer: null,
    tolerance: 0,
    points: 1,
    feedback: {},
    defaultLocale: 'en',
    ...over,
  };
}

describe('quiz grading', () => {
  describe('single choice', () => {
    const q = question({ options: [opt('a', false), opt('b', true), opt('c', false)], points: 2 });
    it('gives full points for the right option and none otherwise', () => {
      expect(gradeSingle(q, 'b')).toBe(2);
      expect(gradeSingle(q, 'a')).toBe(0);
      expect(gradeSingle(q, null)).toBe(0);
      expect(gradeSingle(q, ['b'])).toBe(0);
    });
  });

  describe('multiple choice: partial credit, wrong picks subtract, floor 0', () => {
    // Correct: a, b (each +2 of 4 points); wrong: c, d (each −2).
    const q = question({ kind: 'multiple', options: [opt('a', true), opt('b', true), opt('c', false), opt('d', false)], points: 4 });
    it('gives full points for all right options and no wrong one', () => expect(gradeMultiple(q, ['a', 'b'])).toBe(4));
    it('gives a share for each right option', () => expect(gradeMultiple(q, ['a'])).toBe(2));
    it('takes a share away for each wrong option', () => expect(gradeMultiple(q, ['a', 'b', 'c'])).toBe(2));
    it('never goes below zero', () => expect(gradeMultiple(q, ['a', 'c', 'd'])).toBe(0));
    it('scores picking everything as zero', () => expect(gradeMultiple(q, ['a', 'b', 'c', 'd'])).toBe(0));
    it('rounds thirds to the cent', () => {
      const thirds = question({ kind: 'multiple', options: [opt('a', true), opt('b', true), opt('c', true), opt('d', false)], points: 1 });
      expect(gradeMultiple(thirds, ['a'])).toBe(0.33);
      expect(gradeMultiple(thirds, ['a', 'b', 'c'])).toBe(1);
    });
  });

  it('true/false compares booleans only', () => {
    const q = question({ kind: 'true_false', correctBoolean: false });
    expect(gradeTrueFalse(q, false)).toBe(1);
    expect(gradeTrueFalse(q, true)).toBe(0);
    expect(gradeTrueFalse(q, 'false')).toBe(0);
  });

  describe('short answer', () => {
    const q = question({ kind: 'short_answer', acceptedAnswers: ['Bogotá', 'Santa Fe de Bogotá'] });
    it('ignores case, accents and extra spaces by default', () => {
      expect(gradeShortAnswer(q, '  bogota ')).toBe(1);
      expect(gradeShortAnswer(q, 'SANTA  FE DE BOGOTA')).toBe(1);
      expect(gradeShortAnswer(q, 'Medellín')).toBe(0);
      expect(gradeShortAnswer(q, '')).toBe(0);
    });
    it('respects case when asked', () => {
      const cs = { ...q, caseSensitive: true };
      expect(gradeShortAnswer(cs, 'Bogota')).toBe(1);
      expect(gradeShortAnswer(cs, 'bogotá')).toBe(0);
    });
    it('respects accents when asked', () => {
      const as = { ...q, accentSensitive: true };
      expect(gradeShortAnswer(as, 'BOGOTÁ')).toBe(1);
      expect(gradeShortAnswer(as, 'Bogota')).toBe(0);
    });
    it('treats composed and decomposed accents alike', () => {
      expect(normaliseShortAnswer('Bogota\u0301', { caseSensitive: true, accentSensitive: true })).toBe('Bogotá');
    });
  });

  it('numeric accepts answers within the tolerance', () => {
    const q = question({ kind: 'numeric', numericAnswer: 3.5, tolerance: 0.25 });
    expect(gradeNumeric(q, 3.75)).toBe(1);
    expect(gradeNumeric(q, 3.25)).toBe(1);
    expect(gradeNumeric(q, 3.76)).toBe(0);
    expect(gradeNumeric(q, '3.5')).toBe(0);
    expect(gradeNumeric(question({ kind: 'numeric', numericAnswer: 0.3 }), 0.1 + 0.2)).toBe(1);
  });

  it('adds up an attempt and ignores unanswered questions', () => {
    const qs = [
      question({ id: 'one', options: [opt('x', true), opt('y', false)], points: 2 }),
      question({ id: 'two', kind: 'true_false', correctBoolean: true, points: 3 }),
    ];
    expect(gradeAttempt(qs, { one: 'x' })).toEqual({ results: { one: 2, two: 0 }, score: 2, maxScore: 5 });
  });

  it('scales to the quiz points and combines attempts per grading method', () => {
    expect(scalePoints(2, 5, 10)).toBe(4);
    expect(scalePoints(0, 0, 10)).toBe(0);
    expect(combineAttempts([4, 9, 6], 'highest')).toBe(9);
    expect(combineAttempts([4, 9, 6], 'last')).toBe(6);
    expect(combineAttempts([4, 9, 6], 'average')).toBeCloseTo(6.33, 2);
    expect(combineAttempts([], 'average')).toBeNull();
  });

  it('names what is wrong with an answer of the wrong shape', () => {
    const single = question({ options: [opt('a', true), opt('b', false)] });
    expect(answerProblem(single, 'a', 100)).toBeNull();
    expect(answerProblem(single, 'zzz', 100)).toMatch(/option/);
    expect(answerProblem(question({ kind: 'multiple', options: [opt('a', true)] }), ['a', 'a'], 100)).toMatch(/distinct/);
    expect(answerProblem(question({ kind: 'numeric' }), 'NaN', 100)).toMatch(/number/);
    expect(answerProblem(question({ kind: 'short_answer' }), 'x'.repeat(101), 100)).toMatch(/at most/);
    expect(answerProblem(question({ kind: 'true_false' }), null, 100)).toBeNull();
  });

  it('shuffles without losing or duplicating items', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const out = shuffled([1, 2, 3, 4, 5], random);
    expect([...out].sort()).toEqual([1, 2, 3, 4, 5]);
  });
});
