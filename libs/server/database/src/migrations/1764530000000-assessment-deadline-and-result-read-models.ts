import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * More read models that assessment owns and publishes for other domains (notification's reminders,
 * mails and calendar feed), so that they read a trainee's dates, handed-in versions and released
 * grades without reading assessment's tables. Plain views: PostgreSQL plans them into the queries
 * that use them.
 */
export class AssessmentDeadlineAndResultReadModels1764530000000 implements MigrationInterface {
  name = 'AssessmentDeadlineAndResultReadModels1764530000000';

  async up(q: QueryRunner): Promise<void> {
    // One row per enrolment × activity its cohort has dates for: the cohort's opening, due and close
    // times, where the trainee's extension sets a due or close time, that one instead. (These are the
    // dates reminders and the calendar feed show; ScheduleService.effective, which decides what a
    // trainee may still do, also keeps the close after an extended due date.)
    await q.query(`CREATE VIEW "assessment_deadlines" AS
      SELECT e.id AS enrolment_id, s.activity_id, s.opens_at,
             COALESCE(x.due_at, s.due_at) AS due_at, COALESCE(x.closes_at, s.closes_at) AS closes_at
        FROM activity_schedules s
        JOIN enrolments e ON e.cohort_id = s.cohort_id
        LEFT JOIN deadline_extensions x ON x.enrolment_id = e.id AND x.activity_id = s.activity_id`);
    // One row per extension granted to a trainee: its own due and/or close time (null: the cohort's
    // stands). It stays when the cohort's dates for the activity are removed.
    await q.query(`CREATE VIEW "assessment_deadline_extensions" AS
      SELECT x.enrolment_id, x.activity_id, x.due_at, x.closes_at FROM deadline_extensions x`);
    // One row per version of an assignment a trainee handed in (version 1, 2, …), when it was handed in.
    await q.query(`CREATE VIEW "assessment_submitted_versions" AS
      SELECT s.id AS submission_id, v.number AS version, s.activity_id, s.enrolment_id, v.submitted_at
        FROM submissions s JOIN submission_versions v ON v.submission_id = s.id`);
    // One row per grade released to its trainee.
    await q.query(`CREATE VIEW "assessment_released_grades" AS
      SELECT g.id AS grade_id, g.activity_id, g.enrolment_id, g.released_at FROM grades g WHERE g.status = 'released'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW "assessment_released_grades"`);
    await q.query(`DROP VIEW "assessment_submitted_versions"`);
    await q.query(`DROP VIEW "assessment_deadline_extensions"`);
    await q.query(`DROP VIEW "assessment_deadlines"`);
  }
}
