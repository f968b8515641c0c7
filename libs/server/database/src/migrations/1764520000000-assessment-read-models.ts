import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read models that assessment publishes for other domains (notification's reminders), so that they
 * ask "is this work done?" and "what waits for marking?" without reading assessment's tables.
 * Plain views: PostgreSQL plans them into the queries that use them.
 */
export class AssessmentReadModels1764520000000 implements MigrationInterface {
  name = 'AssessmentReadModels1764520000000';

  async up(q: QueryRunner): Promise<void> {
    // Work handed in: an assignment with a submitted version, a quiz with a submitted attempt.
    await q.query(`CREATE VIEW "assessment_submitted_work" AS
      SELECT activity_id, enrolment_id, 'assignment'::varchar AS kind FROM submissions WHERE latest_version > 0
      UNION ALL
      SELECT activity_id, enrolment_id, 'quiz'::varchar AS kind FROM quiz_attempts WHERE submitted_at IS NOT NULL`);
    // Submissions no released or pending grade has looked at since they were handed in.
    await q.query(`CREATE VIEW "assessment_unmarked_submissions" AS
      SELECT s.id AS submission_id, s.activity_id, s.enrolment_id, s.submitted_at FROM submissions s
       WHERE s.latest_version > 0
         AND NOT EXISTS (SELECT 1 FROM grades g WHERE g.activity_id = s.activity_id AND g.enrolment_id = s.enrolment_id
                          AND g.status <> 'draft' AND g.graded_at >= s.submitted_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW "assessment_unmarked_submissions"`);
    await q.query(`DROP VIEW "assessment_submitted_work"`);
  }
}
