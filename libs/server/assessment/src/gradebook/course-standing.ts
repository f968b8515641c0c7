import type { EntityManager } from 'typeorm';
import type { GradebookItem, GradingRules } from '@aula/contracts';
import { PreparedSql } from '@aula/server/database';
import { compileTotal } from './course-total';
import { COURSE_GRADING_SQL, OWN_GRADES_SQL } from './gradebook.queries';

export type CourseGradingRules = GradingRules & { items: GradebookItem[] };

// Prepared (planned once per connection): completions and certificates ask for every trainee.
const COURSE_GRADING = new PreparedSql(COURSE_GRADING_SQL);
const OWN_GRADES = new PreparedSql(OWN_GRADES_SQL);

/** The rules of a COURSE_GRADING_SQL row, with the defaults for what a course never set. */
export function rulesOf(row: CourseGradingRules): CourseGradingRules {
  return {
    passPercent: row.passPercent,
    completionRequiresPass: row.completionRequiresPass,
    categoryWeights: row.categoryWeights ?? {},
    items: row.items ?? [],
  };
}

/** A course's grading rules and graded items; null for an unknown course. */
export async function courseGradingRules(
  em: EntityManager,
  courseId: string,
): Promise<CourseGradingRules | null> {
  const [row] = await COURSE_GRADING.run<CourseGradingRules>(em, [courseId]);
  return row ? rulesOf(row) : null;
}

/**
 * One trainee's course total in percent under `rules`, as the gradebook shows it: released grades
 * only, weights per item and category (see `course-total.ts`); null when nothing is graded.
 */
export async function courseTotalPercent(
  em: EntityManager,
  enrolmentId: string,
  rules: CourseGradingRules,
): Promise<number | null> {
  if (rules.items.length === 0) return null;
  const grades = await OWN_GRADES.run<{ activityId: string; points: number | null }>(em, [enrolmentId]);
  const byActivity = new Map(grades.map((g) => [g.activityId, g.points]));
  return compileTotal(rules.items, rules.categoryWeights).total(
    rules.items.map((i) => byActivity.get(i.activityId) ?? null),
  );
}
