import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIdentity1764230400000 implements MigrationInterface {
  name = 'CreateIdentity1764230400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "user_role" AS ENUM ('admin', 'tutor', 'trainee')`);
    await q.query(`CREATE TYPE "user_locale" AS ENUM ('en', 'es', 'pt')`);
    await q.query(`
      CREATE TABLE "users" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "email" varchar(254) NOT NULL,
        "display_name" varchar(120) NOT NULL,
        "password_hash" text NOT NULL,
        "roles" "user_role" array NOT NULL DEFAULT '{trainee}',
        "locale" "user_locale" NOT NULL DEFAULT 'en',
        "time_zone" varchar(64) NOT NULL DEFAULT 'UTC',
        "country" char(2),
        "organisation" varchar(160),
        "region" varchar(120),
        "active" boolean NOT NULL DEFAULT true,
        "search_text" text NOT NULL,
        "password_changed_at" timestamptz NOT NULL DEFAULT now(),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_users" PRIMARY KEY ("id")
      )`);
    await q.query(`CREATE UNIQUE INDEX "users_email_key" ON "users" ("email")`);
    await q.query(`CREATE INDEX "users_search_text_idx" ON "users" ("search_text")`);
    await q.query(`
      CREATE TABLE "refresh_tokens" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "family_id" uuid NOT NULL,
        "token_hash" char(64) NOT NULL,
        "expires_at" timestamptz NOT NULL,
        "revoked_at" timestamptz,
        "replaced_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_refresh_tokens" PRIMARY KEY ("id"),
        CONSTRAINT "refresh_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "refresh_tokens_user_id_idx" ON "refresh_tokens" ("user_id")`);
    await q.query(`CREATE INDEX "refresh_tokens_family_id_idx" ON "refresh_tokens" ("family_id")`);
    await q.query(`CREATE UNIQUE INDEX "refresh_tokens_token_hash_key" ON "refresh_tokens" ("token_hash")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "refresh_tokens"`);
    await q.query(`DROP TABLE "users"`);
    await q.query(`DROP TYPE "user_locale"`);
    await q.query(`DROP TYPE "user_role"`);
  }
}
