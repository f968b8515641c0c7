import { MigrationInterface, QueryRunner } from 'typeorm';

/** Grades with their audit trail, graded items and course grading rules, per-cohort dates and extensions. */
export class CreateGrading1764300000000 implements MigrationInterface {
  name = 'CreateGrading1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "course_grading" ("course_id" uuid NOT NULL, "pass_percent" numeric(5,2), "completion_requires_pass" boolean NOT NULL DEFAULT false, "category_weights" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_course_grading" PRIMARY KEY ("course_id"))`);
    await q.query(`CREATE TYPE "public"."grade_status" AS ENUM('draft', 'ready', 'released')`);
    await q.query(`CREATE TABLE "grades" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "activity_id" uuid NOT NULL, "enrolment_id" uuid NOT NULL, "status" "public"."grade_status" NOT NULL DEFAULT 'draft', "points" numeric(10,2), "raw_points" numeric(10,2), "late_penalty_percent" numeric(5,2) NOT NULL DEFAULT '0', "rubric_marks" jsonb, "feedback" text, "feedback_file_key" character varying(300), "feedback_file_name" character varying(255), "feedback_file_content_type" character varying(120), "feedback_file_size" integer, "graded_by_id" uuid, "graded_at" TIMESTAMP WITH TIME ZONE, "released_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_grades" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "grades_enrolment_id_idx" ON "grades"  ("enrolment_id")`);
    await q.query(`CREATE UNIQUE INDEX "grades_activity_id_enrolment_id_key" ON "grades"  ("activity_id", "enrolment_id")`);
    await q.query(`CREATE TABLE "grade_changes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "grade_id" uuid NOT NULL, "action" character varying(20) NOT NULL, "changed_by_id" uuid, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "before" jsonb, "after" jsonb NOT NULL, CONSTRAINT "PK_grade_changes" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "grade_changes_grade_id_changed_at_idx" ON "grade_changes"  ("grade_id", "changed_at")`);
    await q.query(`CREATE TABLE "grade_items" ("activity_id" uuid NOT NULL, "course_id" uuid NOT NULL, "max_points" numeric(10,2) NOT NULL DEFAULT '100', "weight" numeric(8,3) NOT NULL DEFAULT '1', "category" character varying(80), CONSTRAINT "PK_grade_items" PRIMARY KEY ("activity_id"))`);
    await q.query(`CREATE INDEX "grade_items_course_id_idx" ON "grade_items"  ("course_id")`);
    await q.query(`CREATE TABLE "activity_schedules" ("cohort_id" uuid NOT NULL, "activity_id" uuid NOT NULL, "opens_at" TIMESTAMP WITH TIME ZONE, "due_at" TIMESTAMP WITH TIME ZONE, "closes_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_activity_schedules" PRIMARY KEY ("cohort_id", "activity_id"))`);
    await q.query(`CREATE TABLE "deadline_extensions" ("activity_id" uuid NOT NULL, "enrolment_id" uuid NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE, "closes_at" TIMESTAMP WITH TIME ZONE, "granted_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_deadline_extensions" PRIMARY KEY ("activity_id", "enrolment_id"))`);
    await q.query(`ALTER TABLE "course_grading" ADD CONSTRAINT "course_grading_course_id_fkey" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "grades" ADD CONSTRAINT "grades_activity_id_fkey" FOREIGN KEY ("activity_id") REFERENCES "activities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "grades" ADD CONSTRAINT "grades_enrolment_id_fkey" FOREIGN KEY ("enrolment_id") REFERENCES "enrolments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "grades" ADD CONSTRAINT "grades_graded_by_id_fkey" FOREIGN KEY ("graded_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "grade_changes" ADD CONSTRAINT "grade_changes_grade_id_fkey" FOREIGN KEY ("grade_id") REFERENCES "grades"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "grade_changes" ADD CONSTRAINT "grade_changes_changed_by_id_fkey" FOREIGN KEY ("changed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "grade_items" ADD CONSTRAINT "grade_items_activity_id_fkey" FOREIGN KEY ("activity_id") REFERENCES "activities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "activity_schedules" ADD CONSTRAINT "activity_schedules_cohort_id_fkey" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "activity_schedules" ADD CONSTRAINT "activity_schedules_activity_id_fkey" FOREIGN KEY ("activity_id") REFERENCES "activities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "deadline_extensions" ADD CONSTRAINT "deadline_extensions_activity_id_fkey" FOREIGN KEY ("activity_id") REFERENCES "activities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "deadline_extensions" ADD CONSTRAINT "deadline_extensions_enrolment_id_fkey" FOREIGN KEY ("enrolment_id") REFERENCES "enrolments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "deadline_extensions" ADD CONSTRAINT "deadline_extensions_granted_by_id_fkey" FOREIGN KEY ("granted_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "deadline_extensions" CASCADE`);
    await q.query(`DROP TABLE "activity_schedules" CASCADE`);
    await q.query(`DROP TABLE "grade_items" CASCADE`);
    await q.query(`DROP TABLE "grade_changes" CASCADE`);
    await q.query(`DROP TABLE "grades" CASCADE`);
    await q.query(`DROP TABLE "course_grading" CASCADE`);
    await q.query(`DROP TYPE "public"."grade_status"`);
  }
}
