import { MigrationInterface, QueryRunner } from 'typeorm';

/** Assignments (settings, rubric, late policy) and submissions with their versions and files. */
export class CreateAssignments1764320000000 implements MigrationInterface {
  name = 'CreateAssignments1764320000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "public"."assignment_late_policy" AS ENUM('accept', 'penalty', 'refuse')`);
    await q.query(`CREATE TABLE "assignments" ("activity_id" uuid NOT NULL, "course_id" uuid NOT NULL, "accepts_text" boolean NOT NULL DEFAULT true, "accepts_files" boolean NOT NULL DEFAULT true, "max_files" integer NOT NULL DEFAULT '3', "max_file_bytes" integer NOT NULL DEFAULT '10485760', "allowed_file_types" character varying(20) array NOT NULL DEFAULT '{pdf,docx,xlsx,pptx,odt,ods,png,jpg,txt}', "late_policy" "public"."assignment_late_policy" NOT NULL DEFAULT 'accept', "late_penalty_percent_per_day" numeric(5,2) NOT NULL DEFAULT '0', "allow_resubmission" boolean NOT NULL DEFAULT true, "blind_marking" boolean NOT NULL DEFAULT false, "rubric" jsonb, CONSTRAINT "PK_assignments" PRIMARY KEY ("activity_id"))`);
    await q.query(`CREATE TYPE "public"."submission_status" AS ENUM('draft', 'submitted')`);
    await q.query(`CREATE TABLE "submissions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "activity_id" uuid NOT NULL, "enrolment_id" uuid NOT NULL, "status" "public"."submission_status" NOT NULL DEFAULT 'draft', "draft_text" text, "latest_version" integer NOT NULL DEFAULT '0', "submitted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_submissions" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "submissions_enrolment_id_idx" ON "submissions" ("enrolment_id")`);
    await q.query(`CREATE UNIQUE INDEX "submissions_activity_id_enrolment_id_key" ON "submissions" ("activity_id", "enrolment_id")`);
    await q.query(`CREATE TABLE "submission_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "submission_id" uuid NOT NULL, "number" integer NOT NULL, "text" text, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "late_seconds" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_submission_versions" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "submission_versions_submission_id_number_key" ON "submission_versions" ("submission_id", "number")`);
    await q.query(`CREATE TABLE "submission_files" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "submission_id" uuid NOT NULL, "version_id" uuid, "storage_key" character varying(300) NOT NULL, "name" character varying(255) NOT NULL, "content_type" character varying(120) NOT NULL, "size" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_submission_files" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "submission_files_version_id_idx" ON "submission_files" ("version_id")`);
    await q.query(`CREATE INDEX "submission_files_storage_key_idx" ON "submission_files" ("storage_key")`);
    await q.query(`CREATE INDEX "submission_files_submission_id_version_id_idx" ON "submission_files" ("submission_id", "version_id")`);
    await q.query(`ALTER TABLE "assignments" ADD CONSTRAINT "assignments_activity_id_fkey" FOREIGN KEY ("activity_id") REFERENCES "activities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "submissions" ADD CONSTRAINT "submissions_activity_id_fkey" FOREIGN KEY ("activity_id") REFERENCES "activities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "submissions" ADD CONSTRAINT "submissions_enrolment_id_fkey" FOREIGN KEY ("enrolment_id") REFERENCES "enrolments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "submission_versions" ADD CONSTRAINT "submission_versions_submission_id_fkey" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "submission_files" ADD CONSTRAINT "submission_files_submission_id_fkey" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "submission_files" ADD CONSTRAINT "submission_files_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "submission_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "submission_files" CASCADE`);
    await q.query(`DROP TABLE "submission_versions" CASCADE`);
    await q.query(`DROP TABLE "submissions" CASCADE`);
    await q.query(`DROP TABLE "assignments" CASCADE`);
    await q.query(`DROP TYPE "public"."submission_status"`);
    await q.query(`DROP TYPE "public"."assignment_late_policy"`);
  }
}
