import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Registration by invitation: one invitation per workshop and address, with a hashed single-use token. */
export class WorkshopInvitations1764720000000 implements MigrationInterface {
  name = 'WorkshopInvitations1764720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "workshop_invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workshop_id" uuid NOT NULL, "email" character varying(254) NOT NULL, "token_hash" character varying(64), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "registration_id" uuid, "invited_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_workshop_invitations" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "workshop_invitations_token_hash_key" ON "workshop_invitations" ("token_hash")`);
    await q.query(
      `CREATE UNIQUE INDEX "workshop_invitations_workshop_id_email_key" ON "workshop_invitations" ("workshop_id", "email")`,
    );
    await q.query(
      `ALTER TABLE "workshop_invitations" ADD CONSTRAINT "workshop_invitations_workshop_id_fkey" FOREIGN KEY ("workshop_id") REFERENCES "workshops"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "workshop_invitations" ADD CONSTRAINT "workshop_invitations_invited_by_id_fkey" FOREIGN KEY ("invited_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "workshop_invitations"`);
  }
}
