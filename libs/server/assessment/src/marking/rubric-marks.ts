import type { RubricDefinition, RubricMarks } from '@aula/contracts';
import { fieldError } from '@aula/server/core';

/**
 * Checks a tutor's rubric marks against the assignment's rubric and adds them up: every key is a
 * criterion of the rubric, every value one of that criterion's levels. A mark to be released
 * (`complete`) needs a level for every criterion. 400 naming `rubricMarks.<criterionId>`.
 * Returns the points (sum of the chosen levels), or null when no criterion is marked yet.
 */
export function scoreRubricMarks(
  rubric: RubricDefinition,
  marks: RubricMarks,
  options: { complete: boolean },
): number | null {
  const criteria = new Map(rubric.criteria.map((c) => [c.id, c]));
  for (const [criterionId, levelId] of Object.entries(marks)) {
    const criterion = criteria.get(criterionId);
    if (!criterion) throw fieldError(`rubricMarks.${criterionId}`, 'is not a criterion of this rubric');
    if (typeof levelId !== 'string' || !criterion.levels.some((l) => l.id === levelId))
      throw fieldError(`rubricMarks.${criterionId}`, 'is not a level of this criterion');
  }
  if (options.complete) {
    const missing = rubric.criteria.find((c) => marks[c.id] === undefined);
    if (missing) throw fieldError(`rubricMarks.${missing.id}`, 'needs a level before the mark is ready');
  }
  const chosen = rubric.criteria.filter((c) => marks[c.id] !== undefined);
  if (chosen.length === 0) return null;
  const cents = chosen.reduce((sum, c) => {
    const level = c.levels.find((l) => l.id === marks[c.id]);
    return sum + Math.round((level?.points ?? 0) * 100);
  }, 0);
  return cents / 100;
}
