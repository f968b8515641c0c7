import { MigrationInterface, QueryRunner } from 'typeorm';

/** Programmes, courses, modules, activities; cohorts, enrolments, progress; the outbox. */
export class CreateCatalogEnrolmentOutbox1764240000000 implements MigrationInterface {
  name = 'CreateCatalogEnrolmentOutbox1764240000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "programmes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" character varying(80) NOT NULL, "default_locale" "public"."user_locale" NOT NULL DEFAULT 'en', "title" jsonb NOT NULL, "description" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_programmes" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "programmes_slug_key" ON "programmes"  ("slug")`);
    await q.query(`CREATE TYPE "public"."activity_kind" AS ENUM('page', 'file', 'link', 'quiz', 'assignment')`);
    await q.query(`CREATE TABLE "activities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "module_id" uuid NOT NULL, "course_id" uuid NOT NULL, "position" integer NOT NULL, "kind" "public"."activity_kind" NOT NULL, "title" jsonb NOT NULL, "body" jsonb NOT NULL DEFAULT '{}', "url" character varying(2048), "file_key" character varying(300), "file_name" character varying(255), "file_content_type" character varying(120), "file_size" integer, "required" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_activities" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "activities_course_id_idx" ON "activities"  ("course_id")`);
    await q.query(`CREATE INDEX "activities_module_id_position_idx" ON "activities"  ("module_id", "position")`);
    await q.query(`CREATE TABLE "course_modules" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "course_id" uuid NOT NULL, "position" integer NOT NULL, "title" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_course_modules" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "course_modules_course_id_position_idx" ON "course_modules"  ("course_id", "position")`);
    await q.query(`CREATE TYPE "public"."course_status" AS ENUM('draft', 'published', 'archived')`);
    await q.query(`CREATE TABLE "courses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "programme_id" uuid NOT NULL, "slug" character varying(80) NOT NULL, "status" "public"."course_status" NOT NULL DEFAULT 'draft', "default_locale" "public"."user_locale" NOT NULL DEFAULT 'en', "title" jsonb NOT NULL, "summary" jsonb NOT NULL DEFAULT '{}', "description" jsonb NOT NULL DEFAULT '{}', "topics" text array NOT NULL DEFAULT '{}', "locales" "public"."user_locale" array NOT NULL DEFAULT '{}', "estimated_hours" smallint, "search_text" text NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_courses" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "courses_programme_id_idx" ON "courses"  ("programme_id")`);
    await q.query(`CREATE UNIQUE INDEX "courses_slug_key" ON "courses"  ("slug")`);
    await q.query(`CREATE INDEX "courses_status_idx" ON "courses"  ("status")`);
    await q.query(`CREATE TYPE "public"."enrolment_mode" AS ENUM('open', 'approval', 'invite')`);
    await q.query(`CREATE TABLE "cohorts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "course_id" uuid NOT NULL, "name" character varying(160) NOT NULL, "start_date" date NOT NULL, "end_date" date NOT NULL, "time_zone" character varying(64) NOT NULL, "capacity" integer, "enrolment_mode" "public"."enrolment_mode" NOT NULL DEFAULT 'approval', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cohorts" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "cohorts_course_id_idx" ON "cohorts"  ("course_id")`);
    await q.query(`CREATE TYPE "public"."enrolment_status" AS ENUM('pending', 'waitlisted', 'active', 'completed', 'withdrawn')`);
    await q.query(`CREATE TABLE "enrolments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cohort_id" uuid NOT NULL, "user_id" uuid NOT NULL, "status" "public"."enrolment_status" NOT NULL, "waitlisted_at" TIMESTAMP WITH TIME ZONE, "progress_percent" smallint NOT NULL DEFAULT '0', "last_activity_at" TIMESTAMP WITH TIME ZONE, "completed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_enrolments" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "enrolments_user_id_idx" ON "enrolments"  ("user_id")`);
    await q.query(`CREATE INDEX "enrolments_cohort_id_status_idx" ON "enrolments"  ("cohort_id", "status")`);
    await q.query(`CREATE UNIQUE INDEX "enrolments_cohort_id_user_id_key" ON "enrolments"  ("cohort_id", "user_id")`);
    await q.query(`CREATE TABLE "activity_completions" ("enrolment_id" uuid NOT NULL, "activity_id" uuid NOT NULL, "completed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_activity_completions" PRIMARY KEY ("enrolment_id", "activity_id"))`);
    await q.query(`CREATE TABLE "outbox_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "type" character varying(80) NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "published_at" TIMESTAMP WITH TIME ZONE, "attempts" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_outbox_events" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "outbox_events_unpublished_idx" ON "outbox_events"  ("created_at") WHERE published_at IS NULL`);
    await q.query(`CREATE TABLE "cohort_tutors" ("cohort_id" uuid NOT NULL, "user_id" uuid NOT NULL, CONSTRAINT "PK_e1e32e15b2f76d347717fed672e" PRIMARY KEY ("cohort_id", "user_id"))`);
    await q.query(`CREATE INDEX "IDX_de25d8786f6a2fdf6bffd6d297" ON "cohort_tutors"  ("cohort_id")`);
    await q.query(`CREATE INDEX "IDX_abdf9ae1b5deaef79a3bb04e04" ON "cohort_tutors"  ("user_id")`);
    await q.query(`ALTER TABLE "activities" ADD CONSTRAINT "activities_module_id_fkey" FOREIGN KEY ("module_id") REFERENCES "course_modules"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "activities" ADD CONSTRAINT "activities_course_id_fkey" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "course_modules" ADD CONSTRAINT "course_modules_course_id_fkey" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "courses" ADD CONSTRAINT "courses_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "programmes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "cohorts" ADD CONSTRAINT "cohorts_course_id_fkey" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_cohort_id_fkey" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "activity_completions" ADD CONSTRAINT "activity_completions_enrolment_id_fkey" FOREIGN KEY ("enrolment_id") REFERENCES "enrolments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "activity_completions" ADD CONSTRAINT "activity_completions_activity_id_fkey" FOREIGN KEY ("activity_id") REFERENCES "activities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "cohort_tutors" ADD CONSTRAINT "cohort_tutors_cohort_id_fkey" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
    await q.query(`ALTER TABLE "cohort_tutors" ADD CONSTRAINT "cohort_tutors_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['cohort_tutors', 'activity_completions', 'enrolments', 'cohorts', 'activities', 'course_modules', 'courses', 'programmes', 'outbox_events']) {
      await q.query(`DROP TABLE "${table}"`);
    }
    for (const type of ['enrolment_status', 'enrolment_mode', 'course_status', 'activity_kind']) {
      await q.query(`DROP TYPE "${type}"`);
    }
  }
}
