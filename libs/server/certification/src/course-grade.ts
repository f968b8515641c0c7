import type { EntityManager } from 'typeorm';
import type { GradebookItem, GradingRules } from '@aula/contracts';
import { COURSE_GRADING_SQL, compileTotal, OWN_GRADES_SQL, rulesOf } from '@aula/server/assessment';

/**
 * The trainee's course total in percent, as the gradebook shows it (released grades, the course's
 * weights and categories; the gradebook's own statements and arithmetic), or null when the course
 * has no graded items. Certification may depend on the assessment domain; not the other way round.
 */
export async function courseTotalPercent(
  em: EntityManager,
  enrolmentId: string,
  courseId: string,
): Promise<number | null> {
  const [course] = (await em.query(COURSE_GRADING_SQL, [courseId])) as (GradingRules & {
    items: GradebookItem[];
  })[];
  if (!course) return null;
  const rules = rulesOf(course);
  if (rules.items.length === 0) return null;
  const grades = (await em.query(OWN_GRADES_SQL, [enrolmentId])) as { activityId: string; points: number | null }[];
  const byActivity = new Map(grades.map((g) => [g.activityId, g.points]));
  return compileTotal(rules.items, rules.categoryWeights).total(
    rules.items.map((i) => byActivity.get(i.activityId) ?? null),
  );
}
