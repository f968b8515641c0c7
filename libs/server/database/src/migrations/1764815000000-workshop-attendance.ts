import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Workshop attendance: each registration's personal check-in code (a token for the QR code and a
 * short typed code), who was present at which session (once per session and registration), and
 * the offline scans that checked someone in (by the check-in screen's id, applied once).
 */
export class WorkshopAttendance1764815000000 implements MigrationInterface {
  name = 'WorkshopAttendance1764815000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "workshop_check_in_codes" ("registration_id" uuid NOT NULL, "token" character varying(43) NOT NULL, "code" character(10) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_workshop_check_in_codes" PRIMARY KEY ("registration_id"))`);
    await q.query(`CREATE UNIQUE INDEX "workshop_check_in_codes_token_key" ON "workshop_check_in_codes"("token")`);
    await q.query(`CREATE UNIQUE INDEX "workshop_check_in_codes_code_key" ON "workshop_check_in_codes"("code")`);
    await q.query(`CREATE TYPE "public"."workshop_attendance_method" AS ENUM('scan', 'typed', 'roll')`);
    await q.query(`CREATE TABLE "workshop_attendances" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "registration_id" uuid NOT NULL, "method" "public"."workshop_attendance_method" NOT NULL, "recorded_by" uuid, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_workshop_attendances" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "workshop_attendances_registration_id_idx" ON "workshop_attendances"("registration_id")`);
    await q.query(`CREATE UNIQUE INDEX "workshop_attendances_session_id_registration_id_key" ON "workshop_attendances"("session_id", "registration_id")`);
    await q.query(`CREATE TABLE "workshop_check_in_scans" ("client_id" character varying(100) NOT NULL, "session_id" uuid NOT NULL, "registration_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_workshop_check_in_scans" PRIMARY KEY ("client_id"))`);
    await q.query(`CREATE INDEX "workshop_check_in_scans_session_id_idx" ON "workshop_check_in_scans"("session_id")`);
    await q.query(`CREATE INDEX "workshop_check_in_scans_registration_id_idx" ON "workshop_check_in_scans"("registration_id")`);
    await q.query(`ALTER TABLE "workshop_check_in_codes" ADD CONSTRAINT "workshop_check_in_codes_registration_id_fkey" FOREIGN KEY ("registration_id") REFERENCES "workshop_registrations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "workshop_attendances" ADD CONSTRAINT "workshop_attendances_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "workshop_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "workshop_attendances" ADD CONSTRAINT "workshop_attendances_registration_id_fkey" FOREIGN KEY ("registration_id") REFERENCES "workshop_registrations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "workshop_attendances" ADD CONSTRAINT "workshop_attendances_recorded_by_fkey" FOREIGN KEY ("recorded_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "workshop_check_in_scans" ADD CONSTRAINT "workshop_check_in_scans_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "workshop_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "workshop_check_in_scans" ADD CONSTRAINT "workshop_check_in_scans_registration_id_fkey" FOREIGN KEY ("registration_id") REFERENCES "workshop_registrations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "workshop_check_in_scans"`);
    await q.query(`DROP TABLE "workshop_attendances"`);
    await q.query(`DROP TYPE "public"."workshop_attendance_method"`);
    await q.query(`DROP TABLE "workshop_check_in_codes"`);
  }
}
