import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A registration ended because its workshop was cancelled. */
export class WorkshopRegistrationCancelled1764790000000 implements MigrationInterface {
  name = 'WorkshopRegistrationCancelled1764790000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TYPE "public"."workshop_registration_status" ADD VALUE IF NOT EXISTS 'cancelled'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE "workshop_registrations" SET "status" = 'withdrawn' WHERE "status" = 'cancelled'`);
    await q.query(`ALTER TYPE "public"."workshop_registration_status" RENAME TO "workshop_registration_status_old"`);
    await q.query(`CREATE TYPE "public"."workshop_registration_status" AS ENUM('pending', 'confirmed', 'waitlisted', 'offered', 'declined', 'withdrawn', 'expired')`);
    await q.query(
      `ALTER TABLE "workshop_registrations" ALTER COLUMN "status" TYPE "public"."workshop_registration_status" USING "status"::text::"public"."workshop_registration_status"`,
    );
    await q.query(`DROP TYPE "public"."workshop_registration_status_old"`);
  }
}
