import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a workshop leaves behind: materials (files and links per workshop or session, in their own
 * table for the documentation centre), the feedback survey (questions, answers that may carry no
 * user id, and apart from them who answered), and the outcomes record per region and topic.
 */
export class WorkshopOutcomes1764820000000 implements MigrationInterface {
  name = 'WorkshopOutcomes1764820000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "public"."workshop_material_kind" AS ENUM('file', 'link')`);
    await q.query(`CREATE TABLE "workshop_materials" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workshop_id" uuid NOT NULL, "session_id" uuid, "kind" "public"."workshop_material_kind" NOT NULL, "title" character varying(200) NOT NULL, "language" "public"."user_locale" NOT NULL, "url" character varying(2000), "file_key" character varying(255), "file_name" character varying(255), "file_content_type" character varying(160), "file_size" integer, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_workshop_materials" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "workshop_materials_session_id_idx" ON "workshop_materials"("session_id")`);
    await q.query(`CREATE INDEX "workshop_materials_workshop_id_created_at_idx" ON "workshop_materials"("workshop_id", "created_at")`);
    await q.query(`CREATE TABLE "workshop_surveys" ("workshop_id" uuid NOT NULL, "questions" jsonb NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_workshop_surveys" PRIMARY KEY ("workshop_id"))`);
    await q.query(`CREATE TABLE "workshop_survey_responses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workshop_id" uuid NOT NULL, "user_id" uuid, "anonymous" boolean NOT NULL DEFAULT false, "answers" jsonb NOT NULL, "submitted_on" date NOT NULL DEFAULT ('now'::text)::date, CONSTRAINT "PK_workshop_survey_responses" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "workshop_survey_responses_workshop_id_user_id_key" ON "workshop_survey_responses"("workshop_id", "user_id") WHERE user_id IS NOT NULL`);
    await q.query(`CREATE TABLE "workshop_survey_respondents" ("workshop_id" uuid NOT NULL, "user_id" uuid NOT NULL, "anonymous" boolean NOT NULL, "answered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_workshop_survey_respondents" PRIMARY KEY ("workshop_id", "user_id"))`);
    await q.query(`CREATE INDEX "workshop_survey_respondents_user_id_idx" ON "workshop_survey_respondents"("user_id")`);
    await q.query(`CREATE TYPE "public"."workshop_outcome_kind" AS ENUM('demand', 'priority', 'lesson', 'offer', 'request')`);
    await q.query(`CREATE TABLE "workshop_outcomes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workshop_id" uuid NOT NULL, "kind" "public"."workshop_outcome_kind" NOT NULL, "region_id" uuid NOT NULL, "to_region_id" uuid, "topic" character varying(60) NOT NULL, "description" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_workshop_outcomes" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "workshop_outcomes_region_id_idx" ON "workshop_outcomes"("region_id")`);
    await q.query(`CREATE INDEX "workshop_outcomes_workshop_id_created_at_idx" ON "workshop_outcomes"("workshop_id", "created_at")`);
    await q.query(`ALTER TABLE "workshop_materials" ADD CONSTRAINT "workshop_materials_workshop_id_fkey" FOREIGN KEY ("workshop_id") REFERENCES "workshops"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "workshop_materials" ADD CONSTRAINT "workshop_materials_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "workshop_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "workshop_surveys" ADD CONSTRAINT "workshop_surveys_workshop_id_fkey" FOREIGN KEY ("workshop_id") REFERENCES "workshops"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "workshop_survey_responses" ADD CONSTRAINT "workshop_survey_responses_workshop_id_fkey" FOREIGN KEY ("workshop_id") REFERENCES "workshops"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "workshop_survey_responses" ADD CONSTRAINT "workshop_survey_responses_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "workshop_survey_respondents" ADD CONSTRAINT "workshop_survey_respondents_workshop_id_fkey" FOREIGN KEY ("workshop_id") REFERENCES "workshops"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "workshop_survey_respondents" ADD CONSTRAINT "workshop_survey_respondents_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "workshop_outcomes" ADD CONSTRAINT "workshop_outcomes_workshop_id_fkey" FOREIGN KEY ("workshop_id") REFERENCES "workshops"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "workshop_outcomes" DROP CONSTRAINT "workshop_outcomes_workshop_id_fkey"`);
    await q.query(`ALTER TABLE "workshop_survey_respondents" DROP CONSTRAINT "workshop_survey_respondents_user_id_fkey"`);
    await q.query(`ALTER TABLE "workshop_survey_respondents" DROP CONSTRAINT "workshop_survey_respondents_workshop_id_fkey"`);
    await q.query(`ALTER TABLE "workshop_survey_responses" DROP CONSTRAINT "workshop_survey_responses_user_id_fkey"`);
    await q.query(`ALTER TABLE "workshop_survey_responses" DROP CONSTRAINT "workshop_survey_responses_workshop_id_fkey"`);
    await q.query(`ALTER TABLE "workshop_surveys" DROP CONSTRAINT "workshop_surveys_workshop_id_fkey"`);
    await q.query(`ALTER TABLE "workshop_materials" DROP CONSTRAINT "workshop_materials_session_id_fkey"`);
    await q.query(`ALTER TABLE "workshop_materials" DROP CONSTRAINT "workshop_materials_workshop_id_fkey"`);
    await q.query(`DROP INDEX "public"."workshop_outcomes_workshop_id_created_at_idx"`);
    await q.query(`DROP INDEX "public"."workshop_outcomes_region_id_idx"`);
    await q.query(`DROP TABLE "workshop_outcomes"`);
    await q.query(`DROP TYPE "public"."workshop_outcome_kind"`);
    await q.query(`DROP INDEX "public"."workshop_survey_respondents_user_id_idx"`);
    await q.query(`DROP TABLE "workshop_survey_respondents"`);
    await q.query(`DROP INDEX "public"."workshop_survey_responses_workshop_id_user_id_key"`);
    await q.query(`DROP TABLE "workshop_survey_responses"`);
    await q.query(`DROP TABLE "workshop_surveys"`);
    await q.query(`DROP INDEX "public"."workshop_materials_workshop_id_created_at_idx"`);
    await q.query(`DROP INDEX "public"."workshop_materials_session_id_idx"`);
    await q.query(`DROP TABLE "workshop_materials"`);
    await q.query(`DROP TYPE "public"."workshop_material_kind"`);
  }
}
