import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications: the send ledger (one row per dedupe key), in-app notifications, preferences,
 * undeliverable addresses, password-reset requests and private calendar feeds.
 */
export class CreateNotifications1764500000000 implements MigrationInterface {
  name = 'CreateNotifications1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "mail_ledger" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "dedupe_key" character varying(300) NOT NULL, "user_id" uuid NOT NULL, "template" character varying(40) NOT NULL, "kind" character varying(40) NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "claimed_at" TIMESTAMP WITH TIME ZONE, "sent_at" TIMESTAMP WITH TIME ZONE, "error" text, "summary" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_mail_ledger" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "mail_ledger_dedupe_key_key" ON "mail_ledger"  ("dedupe_key")`);
    await q.query(`CREATE INDEX "mail_ledger_user_id_idx" ON "mail_ledger"  ("user_id")`);
    await q.query(`CREATE INDEX "mail_ledger_held_idx" ON "mail_ledger"  ("user_id") WHERE status = 'held'`);
    await q.query(`CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "dedupe_key" character varying(300) NOT NULL, "kind" character varying(40) NOT NULL, "title" text NOT NULL, "body" text NOT NULL, "link" character varying(500), "read_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_notifications" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "notifications_dedupe_key_key" ON "notifications"  ("dedupe_key")`);
    await q.query(`CREATE INDEX "notifications_unread_idx" ON "notifications"  ("user_id") WHERE read_at IS NULL`);
    await q.query(`CREATE INDEX "notifications_user_id_created_at_idx" ON "notifications"  ("user_id", "created_at")`);
    await q.query(`CREATE TABLE "notification_preferences" ("user_id" uuid NOT NULL, "kind" character varying(40) NOT NULL, "mode" character varying(16) NOT NULL, CONSTRAINT "PK_notification_preferences" PRIMARY KEY ("user_id", "kind"))`);
    await q.query(`CREATE TABLE "undeliverable_addresses" ("email" character varying(254) NOT NULL, "reason" text NOT NULL, "flagged_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_undeliverable_addresses" PRIMARY KEY ("email"))`);
    await q.query(`CREATE TABLE "password_reset_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" character(64), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_password_reset_requests" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "password_reset_requests_user_id_idx" ON "password_reset_requests"  ("user_id")`);
    await q.query(`CREATE UNIQUE INDEX "password_reset_requests_token_hash_key" ON "password_reset_requests"  ("token_hash")`);
    await q.query(`CREATE TABLE "calendar_feeds" ("user_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_calendar_feeds" PRIMARY KEY ("user_id"))`);
    await q.query(`CREATE UNIQUE INDEX "calendar_feeds_token_hash_key" ON "calendar_feeds"  ("token_hash")`);
    await q.query(`ALTER TABLE "mail_ledger" ADD CONSTRAINT "mail_ledger_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "password_reset_requests" ADD CONSTRAINT "password_reset_requests_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "calendar_feeds"`);
    await q.query(`DROP TABLE "password_reset_requests"`);
    await q.query(`DROP TABLE "undeliverable_addresses"`);
    await q.query(`DROP TABLE "notification_preferences"`);
    await q.query(`DROP TABLE "notifications"`);
    await q.query(`DROP TABLE "mail_ledger"`);
  }
}
