import type { EntityManager } from 'typeorm';
import type { GradebookItem, GradingRules } from '@aula/contracts';
import { COURSE_GRADING_SQL, compileTotal, OWN_GRADES_SQL, rulesOf } from '@aula/server/assessment';
import { PreparedSql } from '@aula/server/database';

// Prepared (planned once per connection): every certificate asks. The same text as the gradebook's.
const COURSE_GRADING = new PreparedSql(COURSE_GRADING_SQL);
const OWN_GRADES = new PreparedSql(OWN_GRADES_SQL);

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
  const [course] = await COURSE_GRADING.run<GradingRules & { items: GradebookItem[] }>(em, [courseId]);
  if (!course) return null;
  const rules = rulesOf(course);
  if (rules.items.length === 0) return null;
  const grades = await OWN_GRADES.run<{ activityId: string; points: number | null }>(em, [enrolmentId]);
  const byActivity = new Map(grades.map((g) => [g.activityId, g.points]));
  return compileTotal(rules.items, rules.categoryWeights).total(
    rules.items.map((i) => byActivity.get(i.activityId) ?? null),
  );
}
