import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The workshop application form: the applicant's institution (from the directory), position,
 * stakeholder sector, region and accessibility needs on the registration, and the organisers'
 * own questions on the workshop with the answers on the registration.
 */
export class WorkshopApplicationForm1764710000000 implements MigrationInterface {
  name = 'WorkshopApplicationForm1764710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "workshops" ADD "questions" jsonb NOT NULL DEFAULT '[]'`);
    await q.query(
      `CREATE TYPE "public"."workshop_registration_sector" AS ENUM('government', 'private-sector', 'community', 'academia', 'international')`,
    );
    await q.query(`ALTER TABLE "workshop_registrations" ADD "institution_id" uuid`);
    await q.query(`ALTER TABLE "workshop_registrations" ADD "position" text`);
    await q.query(`ALTER TABLE "workshop_registrations" ADD "sector" "public"."workshop_registration_sector"`);
    await q.query(`ALTER TABLE "workshop_registrations" ADD "region_id" uuid`);
    await q.query(`ALTER TABLE "workshop_registrations" ADD "accessibility_needs" text`);
    await q.query(`ALTER TABLE "workshop_registrations" ADD "answers" jsonb NOT NULL DEFAULT '{}'`);
    await q.query(
      `ALTER TABLE "workshop_registrations" ADD CONSTRAINT "workshop_registrations_institution_id_fkey" FOREIGN KEY ("institution_id") REFERENCES "institutions"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "workshop_registrations" ADD CONSTRAINT "workshop_registrations_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "workshop_registrations" DROP CONSTRAINT "workshop_registrations_region_id_fkey"`);
    await q.query(`ALTER TABLE "workshop_registrations" DROP CONSTRAINT "workshop_registrations_institution_id_fkey"`);
    for (const column of ['answers', 'accessibility_needs', 'region_id', 'sector', 'position', 'institution_id'])
      await q.query(`ALTER TABLE "workshop_registrations" DROP COLUMN "${column}"`);
    await q.query(`DROP TYPE "public"."workshop_registration_sector"`);
    await q.query(`ALTER TABLE "workshops" DROP COLUMN "questions"`);
  }
}
