import { MigrationInterface, QueryRunner } from 'typeorm';

/** Quizzes: the question bank per course, quiz settings per activity, and attempts. */
export class CreateQuizzes1764310000000 implements MigrationInterface {
  name = 'CreateQuizzes1764310000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "public"."question_kind" AS ENUM('single', 'multiple', 'true_false', 'short_answer', 'numeric')`);
    await q.query(`CREATE TABLE "questions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "course_id" uuid NOT NULL, "kind" "public"."question_kind" NOT NULL, "prompt" jsonb NOT NULL, "options" jsonb NOT NULL DEFAULT '[]', "correct_boolean" boolean, "accepted_answers" jsonb NOT NULL DEFAULT '[]', "case_sensitive" boolean NOT NULL DEFAULT false, "accent_sensitive" boolean NOT NULL DEFAULT false, "numeric_answer" double precision, "tolerance" double precision NOT NULL DEFAULT '0', "points" numeric(10,2) NOT NULL DEFAULT '1', "feedback" jsonb NOT NULL DEFAULT '{}', "archived" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_questions" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "questions_course_id_idx" ON "questions"  ("course_id", "created_at") `);
    await q.query(`CREATE TYPE "public"."quiz_question_mode" AS ENUM('fixed', 'random')`);
    await q.query(`CREATE TYPE "public"."quiz_grading_method" AS ENUM('highest', 'last', 'average')`);
    await q.query(`CREATE TYPE "public"."quiz_review_when" AS ENUM('after_submit', 'after_close', 'never')`);
    await q.query(`CREATE TABLE "quizzes" ("activity_id" uuid NOT NULL, "question_mode" "public"."quiz_question_mode" NOT NULL DEFAULT 'fixed', "question_ids" jsonb NOT NULL DEFAULT '[]', "random_count" integer, "shuffle_questions" boolean NOT NULL DEFAULT false, "shuffle_options" boolean NOT NULL DEFAULT false, "time_limit_minutes" integer, "attempts_allowed" integer DEFAULT '1', "grading_method" "public"."quiz_grading_method" NOT NULL DEFAULT 'highest', "show_correct_answers" "public"."quiz_review_when" NOT NULL DEFAULT 'after_submit', "show_feedback" "public"."quiz_review_when" NOT NULL DEFAULT 'after_submit', CONSTRAINT "PK_quizzes" PRIMARY KEY ("activity_id"))`);
    await q.query(`CREATE TABLE "quiz_attempts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "activity_id" uuid NOT NULL, "enrolment_id" uuid NOT NULL, "number" integer NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deadline_at" TIMESTAMP WITH TIME ZONE, "submitted_at" TIMESTAMP WITH TIME ZONE, "auto_submitted" boolean NOT NULL DEFAULT false, "questions" jsonb NOT NULL, "answers" jsonb NOT NULL DEFAULT '{}', "results" jsonb, "score" numeric(10,2), "max_score" numeric(10,2) NOT NULL, CONSTRAINT "PK_quiz_attempts" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "quiz_attempts_enrolment_id_idx" ON "quiz_attempts"  ("enrolment_id") `);
    await q.query(`CREATE INDEX "quiz_attempts_open_deadline_idx" ON "quiz_attempts"  ("deadline_at") WHERE submitted_at IS NULL`);
    await q.query(`CREATE UNIQUE INDEX "quiz_attempts_in_progress_key" ON "quiz_attempts"  ("activity_id", "enrolment_id") WHERE submitted_at IS NULL`);
    await q.query(`CREATE UNIQUE INDEX "quiz_attempts_activity_id_enrolment_id_number_key" ON "quiz_attempts"  ("activity_id", "enrolment_id", "number") `);
    await q.query(`ALTER TABLE "questions" ADD CONSTRAINT "questions_course_id_fkey" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "quizzes" ADD CONSTRAINT "quizzes_activity_id_fkey" FOREIGN KEY ("activity_id") REFERENCES "activities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "quiz_attempts" ADD CONSTRAINT "quiz_attempts_activity_id_fkey" FOREIGN KEY ("activity_id") REFERENCES "activities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "quiz_attempts" ADD CONSTRAINT "quiz_attempts_enrolment_id_fkey" FOREIGN KEY ("enrolment_id") REFERENCES "enrolments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "quiz_attempts" CASCADE`);
    await q.query(`DROP TABLE "quizzes" CASCADE`);
    await q.query(`DROP TABLE "questions" CASCADE`);
    await q.query(`DROP TYPE "public"."quiz_review_when"`);
    await q.query(`DROP TYPE "public"."quiz_grading_method"`);
    await q.query(`DROP TYPE "public"."quiz_question_mode"`);
    await q.query(`DROP TYPE "public"."question_kind"`);
  }
}
