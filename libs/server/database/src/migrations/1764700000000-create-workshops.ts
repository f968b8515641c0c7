import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Workshops: the record and its lifecycle, the agenda, per-workshop organisers, and registrations
 * (arrival order per workshop, seat offers with a deadline). The host institution is a directory
 * record (RESTRICT: the directory's hook counts and moves it); regions are kept by id.
 */
export class CreateWorkshops1764700000000 implements MigrationInterface {
  name = 'CreateWorkshops1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "public"."workshop_kind" AS ENUM('interregional', 'region-specific')`);
    await q.query(`CREATE TYPE "public"."workshop_status" AS ENUM('draft', 'published', 'registration-closed', 'in-progress', 'held', 'report-published', 'cancelled')`);
    await q.query(`CREATE TYPE "public"."workshop_format" AS ENUM('in-person', 'online', 'hybrid')`);
    await q.query(`CREATE TYPE "public"."workshop_registration_mode" AS ENUM('open', 'application', 'invitation')`);
    await q.query(`CREATE TABLE "workshops" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" character varying(80) NOT NULL, "kind" "public"."workshop_kind" NOT NULL, "status" "public"."workshop_status" NOT NULL DEFAULT 'draft', "default_locale" "public"."user_locale" NOT NULL DEFAULT 'en', "title" jsonb NOT NULL, "summary" jsonb NOT NULL DEFAULT '{}', "objectives" jsonb NOT NULL DEFAULT '{}', "host_institution_id" uuid NOT NULL, "host_region_id" uuid NOT NULL, "participating_region_ids" uuid array NOT NULL DEFAULT '{}', "format" "public"."workshop_format" NOT NULL, "venue" jsonb, "online_url" character varying(2000), "time_zone" character varying(64) NOT NULL, "start_date" date NOT NULL, "end_date" date NOT NULL, "expected_hours" numeric(6,1), "capacity" integer, "country_quota" integer, "registration_mode" "public"."workshop_registration_mode" NOT NULL, "registration_opens_at" TIMESTAMP WITH TIME ZONE, "registration_closes_at" TIMESTAMP WITH TIME ZONE, "hold_hours" integer NOT NULL DEFAULT '48', "attendance_threshold" integer NOT NULL DEFAULT '75', "seats_taken" integer NOT NULL DEFAULT '0', "arrivals" integer NOT NULL DEFAULT '0', "cancelled_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_workshops" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "workshops_slug_key" ON "workshops"("slug")`);
    await q.query(`CREATE INDEX "workshops_status_idx" ON "workshops"("status")`);
    await q.query(`CREATE INDEX "workshops_host_institution_id_idx" ON "workshops"("host_institution_id")`);
    await q.query(`CREATE INDEX "workshops_start_date_idx" ON "workshops"("start_date")`);
    await q.query(`CREATE TABLE "workshop_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workshop_id" uuid NOT NULL, "title" jsonb NOT NULL, "description" jsonb NOT NULL DEFAULT '{}', "speakers" jsonb NOT NULL DEFAULT '[]', "room" character varying(200), "link" character varying(2000), "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_workshop_sessions" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "workshop_sessions_workshop_id_starts_at_idx" ON "workshop_sessions"("workshop_id", "starts_at")`);
    await q.query(`CREATE TABLE "workshop_organisers" ("workshop_id" uuid NOT NULL, "user_id" uuid NOT NULL, "granted_by_id" uuid, "granted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_workshop_organisers" PRIMARY KEY ("workshop_id", "user_id"))`);
    await q.query(`CREATE INDEX "workshop_organisers_user_id_idx" ON "workshop_organisers"("user_id")`);
    await q.query(`CREATE TYPE "public"."workshop_registration_status" AS ENUM('pending', 'confirmed', 'waitlisted', 'offered', 'declined', 'withdrawn', 'expired')`);
    await q.query(`CREATE TABLE "workshop_registrations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workshop_id" uuid NOT NULL, "user_id" uuid NOT NULL, "status" "public"."workshop_registration_status" NOT NULL, "arrival" integer NOT NULL, "country" character(2), "motivation" text, "offer_expires_at" TIMESTAMP WITH TIME ZONE, "decline_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_workshop_registrations" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "workshop_registrations_user_id_idx" ON "workshop_registrations"("user_id")`);
    await q.query(`CREATE INDEX "workshop_registrations_offer_expires_at_idx" ON "workshop_registrations"("offer_expires_at") WHERE status = 'offered'`);
    await q.query(`CREATE UNIQUE INDEX "workshop_registrations_workshop_id_arrival_key" ON "workshop_registrations"("workshop_id", "arrival")`);
    await q.query(`CREATE UNIQUE INDEX "workshop_registrations_workshop_id_user_id_key" ON "workshop_registrations"("workshop_id", "user_id")`);
    await q.query(`ALTER TABLE "workshops" ADD CONSTRAINT "workshops_host_institution_id_fkey" FOREIGN KEY ("host_institution_id") REFERENCES "institutions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "workshop_sessions" ADD CONSTRAINT "workshop_sessions_workshop_id_fkey" FOREIGN KEY ("workshop_id") REFERENCES "workshops"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "workshop_organisers" ADD CONSTRAINT "workshop_organisers_workshop_id_fkey" FOREIGN KEY ("workshop_id") REFERENCES "workshops"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "workshop_organisers" ADD CONSTRAINT "workshop_organisers_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "workshop_registrations" ADD CONSTRAINT "workshop_registrations_workshop_id_fkey" FOREIGN KEY ("workshop_id") REFERENCES "workshops"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "workshop_registrations" ADD CONSTRAINT "workshop_registrations_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // Which workshops a region takes part in (the list's region filter).
    await q.query(`CREATE INDEX "workshops_participating_region_ids_idx" ON "workshops" USING gin ("participating_region_ids")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "workshop_registrations"`);
    await q.query(`DROP TYPE "public"."workshop_registration_status"`);
    await q.query(`DROP TABLE "workshop_organisers"`);
    await q.query(`DROP TABLE "workshop_sessions"`);
    await q.query(`DROP TABLE "workshops"`);
    await q.query(`DROP TYPE "public"."workshop_registration_mode"`);
    await q.query(`DROP TYPE "public"."workshop_format"`);
    await q.query(`DROP TYPE "public"."workshop_status"`);
    await q.query(`DROP TYPE "public"."workshop_kind"`);
  }
}
