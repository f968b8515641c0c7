import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Participation certificates of workshops: one per registration (the unique key keeps a repeated
 * `workshop.held` from issuing twice), with what is printed copied for verification by code.
 */
export class WorkshopCertificates1764830000000 implements MigrationInterface {
  name = 'WorkshopCertificates1764830000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "workshop_certificates" ("id" uuid NOT NULL, "registration_id" uuid NOT NULL, "workshop_id" uuid NOT NULL, "user_id" uuid NOT NULL, "code" character varying(32) NOT NULL, "holder_name" character varying(120) NOT NULL, "workshop_title" text NOT NULL, "host_institution" text NOT NULL, "start_date" date NOT NULL, "end_date" date NOT NULL, "attended_hours" numeric(7,2) NOT NULL, "expected_hours" numeric(7,2) NOT NULL, "language" "public"."user_locale" NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "content_hash" character(64) NOT NULL, "storage_key" character varying(255) NOT NULL, "size" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_workshop_certificates" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "workshop_certificates_registration_id_key" ON "workshop_certificates" ("registration_id") `,
    );
    await q.query(
      `CREATE INDEX "workshop_certificates_workshop_id_idx" ON "workshop_certificates" ("workshop_id") `,
    );
    await q.query(`CREATE INDEX "workshop_certificates_user_id_idx" ON "workshop_certificates" ("user_id") `);
    await q.query(
      `CREATE UNIQUE INDEX "workshop_certificates_code_key" ON "workshop_certificates" ("code") `,
    );
    await q.query(
      `ALTER TABLE "workshop_certificates" ADD CONSTRAINT "workshop_certificates_registration_id_fkey" FOREIGN KEY ("registration_id") REFERENCES "workshop_registrations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "workshop_certificates" ADD CONSTRAINT "workshop_certificates_workshop_id_fkey" FOREIGN KEY ("workshop_id") REFERENCES "workshops"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "workshop_certificates"`);
  }
}
