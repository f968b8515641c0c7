import { MigrationInterface, QueryRunner } from 'typeorm';

/** Blind marking: the random, stable participant number of each trainee per assignment. */
export class Marking1764330000000 implements MigrationInterface {
  name = 'Marking1764330000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "marking_participants" ("activity_id" uuid NOT NULL, "enrolment_id" uuid NOT NULL, "number" integer NOT NULL, CONSTRAINT "PK_marking_participants" PRIMARY KEY ("activity_id", "enrolment_id"))`);
    await q.query(`CREATE UNIQUE INDEX "marking_participants_activity_id_number_key" ON "marking_participants"  ("activity_id", "number") `);
    await q.query(`ALTER TABLE "marking_participants" ADD CONSTRAINT "marking_participants_activity_id_fkey" FOREIGN KEY ("activity_id") REFERENCES "activities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "marking_participants" ADD CONSTRAINT "marking_participants_enrolment_id_fkey" FOREIGN KEY ("enrolment_id") REFERENCES "enrolments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "marking_participants" CASCADE`);
  }
}
