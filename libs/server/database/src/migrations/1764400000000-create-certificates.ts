import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Certificates: one per enrolment and generation (re-issues add a generation), the issuer's
 * public keys, signed revocation status lists, and cohort issue batches.
 */
export class CreateCertificates1764400000000 implements MigrationInterface {
  name = 'CreateCertificates1764400000000';

  async up(q: QueryRunner): Promise<void> {
    // Positions in the revocation status list: never reused, gaps are harmless (position 0 stays unused).
    await q.query(`CREATE SEQUENCE "certificate_status_list_index_seq" AS integer MINVALUE 1 START WITH 1`);
    await q.query(`CREATE TABLE "certificates" ("id" uuid NOT NULL, "enrolment_id" uuid NOT NULL, "generation" smallint NOT NULL DEFAULT '1', "user_id" uuid NOT NULL, "cohort_id" uuid NOT NULL, "course_id" uuid NOT NULL, "code" character varying(32) NOT NULL, "holder_name" character varying(120) NOT NULL, "course_title" text NOT NULL, "cohort_name" character varying(160) NOT NULL, "language" "public"."user_locale" NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "revocation_reason" text, "revoked_by_id" uuid, "replaced_by_id" uuid, "content_hash" character(64) NOT NULL, "storage_key" character varying(255) NOT NULL, "size" integer NOT NULL, "credential_jwt" text NOT NULL, "status_list_index" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_certificates" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "certificates_user_id_idx" ON "certificates"  ("user_id") `);
    await q.query(`CREATE INDEX "certificates_cohort_id_idx" ON "certificates"  ("cohort_id") `);
    await q.query(`CREATE UNIQUE INDEX "certificates_code_key" ON "certificates"  ("code") `);
    await q.query(`CREATE UNIQUE INDEX "certificates_status_list_index_key" ON "certificates"  ("status_list_index") `);
    await q.query(`CREATE UNIQUE INDEX "certificates_enrolment_id_generation_key" ON "certificates"  ("enrolment_id", "generation") `);
    await q.query(`CREATE TABLE "certificate_batches" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cohort_id" uuid NOT NULL, "requested_by_id" uuid NOT NULL, "enrolment_ids" uuid array NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_certificate_batches" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "certificate_batches_cohort_id_idx" ON "certificate_batches"  ("cohort_id") `);
    await q.query(`CREATE TABLE "certificate_issuer_keys" ("kid" character varying(64) NOT NULL, "public_key_jwk" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_certificate_issuer_keys" PRIMARY KEY ("kid"))`);
    await q.query(`CREATE TABLE "certificate_status_lists" ("id" integer NOT NULL, "credential_jwt" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_certificate_status_lists" PRIMARY KEY ("id"))`);
    await q.query(`ALTER TABLE "certificates" ADD CONSTRAINT "certificates_enrolment_id_fkey" FOREIGN KEY ("enrolment_id") REFERENCES "enrolments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "certificates" ADD CONSTRAINT "certificates_replaced_by_id_fkey" FOREIGN KEY ("replaced_by_id") REFERENCES "certificates"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "certificate_status_lists"`);
    await q.query(`DROP TABLE "certificate_issuer_keys"`);
    await q.query(`DROP TABLE "certificate_batches"`);
    await q.query(`DROP TABLE "certificates"`);
    await q.query(`DROP SEQUENCE "certificate_status_list_index_seq"`);
  }
}
