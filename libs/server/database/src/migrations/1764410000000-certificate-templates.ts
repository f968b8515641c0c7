import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Certificate templates per programme and per course (one owner each): orientation, text per
 * language, signatories and image keys. A course without its own uses its programme's.
 */
export class CertificateTemplates1764410000000 implements MigrationInterface {
  name = 'CertificateTemplates1764410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "public"."certificate_orientation" AS ENUM('landscape', 'portrait')`);
    await q.query(`CREATE TABLE "certificate_templates" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "programme_id" uuid, "course_id" uuid, "orientation" "public"."certificate_orientation" NOT NULL, "default_locale" "public"."user_locale" NOT NULL, "title" jsonb NOT NULL, "intro" jsonb NOT NULL, "body" jsonb NOT NULL, "signatories" jsonb NOT NULL DEFAULT '[]', "background_image_key" character varying(255), "logo_image_key" character varying(255), "version" integer NOT NULL, "updated_by_id" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "certificate_templates_one_owner_check" CHECK (num_nonnulls("programme_id", "course_id") = 1), CONSTRAINT "PK_certificate_templates" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "certificate_templates_programme_id_key" ON "certificate_templates"  ("programme_id") `);
    await q.query(`CREATE UNIQUE INDEX "certificate_templates_course_id_key" ON "certificate_templates"  ("course_id") `);
    await q.query(`ALTER TABLE "certificate_templates" ADD CONSTRAINT "certificate_templates_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "programmes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "certificate_templates" ADD CONSTRAINT "certificate_templates_course_id_fkey" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "certificate_templates"`);
    await q.query(`DROP TYPE "public"."certificate_orientation"`);
  }
}
