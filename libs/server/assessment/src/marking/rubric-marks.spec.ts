import { BadRequestException } from '@nestjs/common';
import type { RubricDefinition } from '@aula/contracts';
import { scoreRubricMarks } from './rubric-marks';

const rubric: RubricDefinition = {
  criteria: [
    {
      id: 'analysis',
      title: { en: 'Analysis' },
      levels: [
        { id: 'weak', title: { en: 'Weak' }, points: 0 },
        { id: 'good', title: { en: 'Good' }, points: 6.5 },
        { id: 'great', title: { en: 'Great' }, points: 10 },
      ],
    },
    {
      id: 'plan',
      title: { en: 'Plan' },
      levels: [
        { id: 'none', title: { en: 'None' }, points: 0 },
        { id: 'clear', title: { en: 'Clear' }, points: 5.25 },
      ],
    },
  ],
};

const pathOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(BadRequestException);
    return ((e as BadRequestException).getResponse() as { errors: { path: string }[] }).errors[0].path;
  }
  return undefined;
};

describe('scoreRubricMarks', () => {
  it('adds up the chosen levels, to the cent', () => {
    expect(scoreRubricMarks(rubric, { analysis: 'good', plan: 'clear' }, { complete: true })).toBe(11.75);
    expect(scoreRubricMarks(rubric, { analysis: 'weak', plan: 'none' }, { complete: true })).toBe(0);
  });

  it('lets a draft mark part of the rubric, and nothing at all', () => {
    expect(scoreRubricMarks(rubric, { analysis: 'great' }, { complete: false })).toBe(10);
    expect(scoreRubricMarks(rubric, {}, { complete: false })).toBeNull();
  });

  it('names the criterion that is unknown, has an unknown level, or is missing from a ready mark', () => {
    expect(pathOf(() => scoreRubricMarks(rubric, { style: 'good' }, { complete: false }))).toBe(
      'rubricMarks.style',
    );
    expect(pathOf(() => scoreRubricMarks(rubric, { plan: 'great' }, { complete: false }))).toBe(
      'rubricMarks.plan',
    );
    expect(pathOf(() => scoreRubricMarks(rubric, { analysis: 'good' }, { complete: true }))).toBe(
      'rubricMarks.plan',
    );
  });
});
