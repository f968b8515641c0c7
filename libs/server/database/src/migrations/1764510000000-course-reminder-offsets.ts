import { MigrationInterface, QueryRunner } from 'typeorm';

/** Per course, the hours before an assignment's due time at which trainees are reminded; NULL keeps the platform's default. */
export class CourseReminderOffsets1764510000000 implements MigrationInterface {
  name = 'CourseReminderOffsets1764510000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "courses" ADD "reminder_offsets_hours" smallint array`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "courses" DROP COLUMN "reminder_offsets_hours"`);
  }
}
