/**
 * The clock of an attempt: its deadline is min(start + time limit, the trainee's close time).
 * The close time is the cohort's, moved by an extension; these fragments say so in SQL over `qa`.
 */
export const EFFECTIVE_CLOSE_SQL = `CASE WHEN s.closes_at IS NULL THEN NULL
                                  ELSE greatest(s.closes_at, x.closes_at, x.due_at) END`;
export const SCHEDULE_JOINS = `JOIN enrolments e ON e.id = qa.enrolment_id
                        LEFT JOIN activity_schedules s ON s.cohort_id = e.cohort_id AND s.activity_id = qa.activity_id
                        LEFT JOIN deadline_extensions x ON x.enrolment_id = qa.enrolment_id AND x.activity_id = qa.activity_id`;

/** The earliest of the dates given, or null when none is. */
export const earliest = (...dates: (Date | null | undefined)[]) =>
  dates.filter((d): d is Date => !!d).reduce<Date | null>((a, b) => (a && a <= b ? a : b), null);
