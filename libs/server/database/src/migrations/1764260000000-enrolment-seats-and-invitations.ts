import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Enrolment at scale: a seat counter on cohorts (kept under the cohort row lock), an index for
 * waitlist promotion, and invitations for people enrolled in bulk before they have a password.
 */
export class EnrolmentSeatsAndInvitations1764260000000 implements MigrationInterface {
  name = 'EnrolmentSeatsAndInvitations1764260000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "cohorts" ADD "seats_taken" integer NOT NULL DEFAULT '0'`);
    // Cohorts that already have people: count their seats once.
    await q.query(
      `UPDATE "cohorts" c SET "seats_taken" = s.n FROM (SELECT "cohort_id", count(*)::int AS n FROM "enrolments" WHERE "status" IN ('active', 'completed') GROUP BY "cohort_id") s WHERE s."cohort_id" = c."id"`,
    );
    await q.query(
      `CREATE INDEX "enrolments_waitlist_idx" ON "enrolments"  ("cohort_id", "waitlisted_at") WHERE status = 'waitlisted'`,
    );
    await q.query(
      `CREATE TABLE "user_invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" character(64), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE, "invited_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_user_invitations" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "user_invitations_user_id_idx" ON "user_invitations"  ("user_id")`);
    await q.query(
      `CREATE UNIQUE INDEX "user_invitations_token_hash_key" ON "user_invitations"  ("token_hash")`,
    );
    await q.query(
      `ALTER TABLE "user_invitations" ADD CONSTRAINT "user_invitations_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "user_invitations" ADD CONSTRAINT "user_invitations_invited_by_id_fkey" FOREIGN KEY ("invited_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "user_invitations"`);
    await q.query(`DROP INDEX "enrolments_waitlist_idx"`);
    await q.query(`ALTER TABLE "cohorts" DROP COLUMN "seats_taken"`);
  }
}
