import type { MigrationInterface, QueryRunner } from 'typeorm';
import { searchKey } from '@aula/server/core';

/**
 * The directory: regions, institutions (ROR-shaped) and their relationships, people's memberships
 * and opt-in network profiles, the audit of administrators' merges, and the free text people typed
 * as organisation and region, copied here as typed so an administrator can give every value a home.
 */
export class CreateDirectory1764600000000 implements MigrationInterface {
  name = 'CreateDirectory1764600000000';

  async up(q: QueryRunner): Promise<void> {
    // Similar-spelling search (typeahead, free-text candidates); a trusted extension since PostgreSQL 13.
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE TYPE "public"."world_region" AS ENUM('latin-america-caribbean', 'asia', 'africa', 'other')`);
    await q.query(`CREATE TYPE "public"."region_status" AS ENUM('participating', 'partner', 'observer')`);
    await q.query(`CREATE TABLE "regions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" character varying(80) NOT NULL, "name" jsonb NOT NULL, "country" character(2) NOT NULL, "subdivision" character varying(6), "world_region" "public"."world_region" NOT NULL, "description" jsonb NOT NULL DEFAULT '{}', "latitude" double precision, "longitude" double precision, "status" "public"."region_status" NOT NULL, "joined_on" date, "public" boolean NOT NULL DEFAULT true, "search_text" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_regions" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "regions_slug_key" ON "regions"  ("slug")`);
    await q.query(`CREATE INDEX "regions_country_idx" ON "regions"  ("country")`);
    await q.query(`CREATE TYPE "public"."institution_kind" AS ENUM('government', 'planning-board', 'university', 'private-company', 'community-organisation', 'international-organisation', 'ngo')`);
    await q.query(`CREATE TYPE "public"."stakeholder_sector" AS ENUM('government', 'private-sector', 'community', 'academia', 'international')`);
    await q.query(`CREATE TYPE "public"."institution_status" AS ENUM('active', 'pending', 'archived')`);
    await q.query(`CREATE TABLE "institutions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "names" jsonb NOT NULL, "primary_name" character varying(200) NOT NULL, "acronym" character varying(200), "kind" "public"."institution_kind" NOT NULL, "sector" "public"."stakeholder_sector", "country" character(2) NOT NULL, "region_id" uuid, "website" character varying(300), "established" smallint, "ror" character varying(9), "org_id" character varying(80), "wikidata" character varying(16), "status" "public"."institution_status" NOT NULL DEFAULT 'active', "public" boolean NOT NULL DEFAULT true, "proposed_by" uuid, "search_text" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_institutions" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "institutions_country_idx" ON "institutions"  ("country")`);
    await q.query(`CREATE INDEX "institutions_region_id_idx" ON "institutions"  ("region_id")`);
    await q.query(`CREATE UNIQUE INDEX "institutions_ror_key" ON "institutions"  ("ror") WHERE ror IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX "institutions_org_id_key" ON "institutions"  ("org_id") WHERE org_id IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX "institutions_wikidata_key" ON "institutions"  ("wikidata") WHERE wikidata IS NOT NULL`);
    await q.query(`CREATE INDEX "institutions_status_idx" ON "institutions"  ("status")`);
    await q.query(`CREATE TABLE "institution_relationships" ("institution_id" uuid NOT NULL, "related_id" uuid NOT NULL, "type" character varying(16) NOT NULL, CONSTRAINT "PK_institution_relationships" PRIMARY KEY ("institution_id", "related_id", "type"))`);
    await q.query(`CREATE INDEX "institution_relationships_related_id_idx" ON "institution_relationships"  ("related_id")`);
    await q.query(`CREATE TABLE "memberships" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "institution_id" uuid NOT NULL, "position" character varying(120), "started_on" date, "ended_on" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_memberships" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "memberships_institution_id_idx" ON "memberships"  ("institution_id")`);
    await q.query(`CREATE UNIQUE INDEX "memberships_user_id_institution_id_key" ON "memberships"  ("user_id", "institution_id")`);
    await q.query(`CREATE TABLE "network_profiles" ("user_id" uuid NOT NULL, "published" boolean NOT NULL DEFAULT false, "published_at" TIMESTAMP WITH TIME ZONE, "bio" text, "topics" text array NOT NULL DEFAULT '{}', "languages" text array NOT NULL DEFAULT '{}', "institution_id" uuid, "region_id" uuid, "show_photo" boolean NOT NULL DEFAULT false, "photo_key" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_network_profiles" PRIMARY KEY ("user_id"))`);
    await q.query(`CREATE INDEX "network_profiles_published_idx" ON "network_profiles"  ("published") WHERE published`);
    await q.query(`CREATE INDEX "network_profiles_region_id_idx" ON "network_profiles"  ("region_id")`);
    await q.query(`CREATE TYPE "public"."free_text_field" AS ENUM('organisation', 'region')`);
    await q.query(`CREATE TYPE "public"."free_text_status" AS ENUM('open', 'matched', 'resolved', 'ignored')`);
    await q.query(`CREATE TABLE "free_text_values" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "field" "public"."free_text_field" NOT NULL, "value" character varying(200) NOT NULL, "key" character varying(200) NOT NULL, "status" "public"."free_text_status" NOT NULL DEFAULT 'open', "institution_id" uuid, "region_id" uuid, "resolved_by" uuid, "resolved_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_free_text_values" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "free_text_values_field_key_idx" ON "free_text_values"  ("field", "key")`);
    await q.query(`CREATE UNIQUE INDEX "free_text_values_user_id_field_key" ON "free_text_values"  ("user_id", "field")`);
    await q.query(`CREATE TABLE "directory_audit" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "action" character varying(40) NOT NULL, "actor_id" uuid, "subject_id" uuid, "details" jsonb NOT NULL DEFAULT '{}', "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_directory_audit" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "directory_audit_subject_id_idx" ON "directory_audit"  ("subject_id")`);
    await q.query(`ALTER TABLE "institutions" ADD CONSTRAINT "institutions_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "institutions" ADD CONSTRAINT "institutions_proposed_by_fkey" FOREIGN KEY ("proposed_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "institution_relationships" ADD CONSTRAINT "institution_relationships_institution_id_fkey" FOREIGN KEY ("institution_id") REFERENCES "institutions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "institution_relationships" ADD CONSTRAINT "institution_relationships_related_id_fkey" FOREIGN KEY ("related_id") REFERENCES "institutions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "memberships" ADD CONSTRAINT "memberships_institution_id_fkey" FOREIGN KEY ("institution_id") REFERENCES "institutions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "network_profiles" ADD CONSTRAINT "network_profiles_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "network_profiles" ADD CONSTRAINT "network_profiles_institution_id_fkey" FOREIGN KEY ("institution_id") REFERENCES "institutions"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "network_profiles" ADD CONSTRAINT "network_profiles_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "free_text_values" ADD CONSTRAINT "free_text_values_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "free_text_values" ADD CONSTRAINT "free_text_values_institution_id_fkey" FOREIGN KEY ("institution_id") REFERENCES "institutions"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "free_text_values" ADD CONSTRAINT "free_text_values_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await q.query(`CREATE INDEX "regions_search_text_trgm_idx" ON "regions" USING gin ("search_text" gin_trgm_ops)`);
    await q.query(`CREATE INDEX "institutions_search_text_trgm_idx" ON "institutions" USING gin ("search_text" gin_trgm_ops)`);
    await copyFreeText(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."institutions_search_text_trgm_idx"`);
    await q.query(`DROP INDEX "public"."regions_search_text_trgm_idx"`);
    await q.query(`ALTER TABLE "free_text_values" DROP CONSTRAINT "free_text_values_region_id_fkey"`);
    await q.query(`ALTER TABLE "free_text_values" DROP CONSTRAINT "free_text_values_institution_id_fkey"`);
    await q.query(`ALTER TABLE "free_text_values" DROP CONSTRAINT "free_text_values_user_id_fkey"`);
    await q.query(`ALTER TABLE "network_profiles" DROP CONSTRAINT "network_profiles_region_id_fkey"`);
    await q.query(`ALTER TABLE "network_profiles" DROP CONSTRAINT "network_profiles_institution_id_fkey"`);
    await q.query(`ALTER TABLE "network_profiles" DROP CONSTRAINT "network_profiles_user_id_fkey"`);
    await q.query(`ALTER TABLE "memberships" DROP CONSTRAINT "memberships_institution_id_fkey"`);
    await q.query(`ALTER TABLE "memberships" DROP CONSTRAINT "memberships_user_id_fkey"`);
    await q.query(`ALTER TABLE "institution_relationships" DROP CONSTRAINT "institution_relationships_related_id_fkey"`);
    await q.query(`ALTER TABLE "institution_relationships" DROP CONSTRAINT "institution_relationships_institution_id_fkey"`);
    await q.query(`ALTER TABLE "institutions" DROP CONSTRAINT "institutions_proposed_by_fkey"`);
    await q.query(`ALTER TABLE "institutions" DROP CONSTRAINT "institutions_region_id_fkey"`);
    await q.query(`DROP INDEX "public"."directory_audit_subject_id_idx"`);
    await q.query(`DROP TABLE "directory_audit"`);
    await q.query(`DROP INDEX "public"."free_text_values_user_id_field_key"`);
    await q.query(`DROP INDEX "public"."free_text_values_field_key_idx"`);
    await q.query(`DROP TABLE "free_text_values"`);
    await q.query(`DROP TYPE "public"."free_text_status"`);
    await q.query(`DROP TYPE "public"."free_text_field"`);
    await q.query(`DROP INDEX "public"."network_profiles_region_id_idx"`);
    await q.query(`DROP INDEX "public"."network_profiles_published_idx"`);
    await q.query(`DROP TABLE "network_profiles"`);
    await q.query(`DROP INDEX "public"."memberships_user_id_institution_id_key"`);
    await q.query(`DROP INDEX "public"."memberships_institution_id_idx"`);
    await q.query(`DROP TABLE "memberships"`);
    await q.query(`DROP INDEX "public"."institution_relationships_related_id_idx"`);
    await q.query(`DROP TABLE "institution_relationships"`);
    await q.query(`DROP INDEX "public"."institutions_status_idx"`);
    await q.query(`DROP INDEX "public"."institutions_wikidata_key"`);
    await q.query(`DROP INDEX "public"."institutions_org_id_key"`);
    await q.query(`DROP INDEX "public"."institutions_ror_key"`);
    await q.query(`DROP INDEX "public"."institutions_region_id_idx"`);
    await q.query(`DROP INDEX "public"."institutions_country_idx"`);
    await q.query(`DROP TABLE "institutions"`);
    await q.query(`DROP TYPE "public"."institution_status"`);
    await q.query(`DROP TYPE "public"."stakeholder_sector"`);
    await q.query(`DROP TYPE "public"."institution_kind"`);
    await q.query(`DROP INDEX "public"."regions_country_idx"`);
    await q.query(`DROP INDEX "public"."regions_slug_key"`);
    await q.query(`DROP TABLE "regions"`);
    await q.query(`DROP TYPE "public"."region_status"`);
    await q.query(`DROP TYPE "public"."world_region"`);
  }
}

/**
 * Every non-empty organisation and region people typed, as typed, with the folded key that
 * groups spellings ("Gobernación de Antioquia", "gobernacion de antioquia"). The users' columns are
 * left as they were: nothing is lost.
 */
async function copyFreeText(q: QueryRunner): Promise<void> {
  const batch = 1000;
  for (let after = '00000000-0000-0000-0000-000000000000'; ; ) {
    const rows = (await q.query(
      `SELECT id, organisation, region FROM users WHERE id > $1 AND (coalesce(btrim(organisation), '') <> '' OR coalesce(btrim(region), '') <> '') ORDER BY id LIMIT $2`,
      [after, batch],
    )) as { id: string; organisation: string | null; region: string | null }[];
    if (rows.length === 0) return;
    const values: string[] = [];
    const params: string[] = [];
    for (const row of rows) {
      for (const field of ['organisation', 'region'] as const) {
        const value = row[field]?.normalize('NFC').replace(/\s+/g, ' ').trim().slice(0, 200);
        const key = value ? searchKey(value).slice(0, 200) : '';
        if (!value || !key) continue;
        params.push(row.id, field, value, key);
        const n = params.length;
        values.push(`($${n - 3}::uuid, $${n - 2}::free_text_field, $${n - 1}, $${n})`);
      }
    }
    if (values.length > 0)
      await q.query(`INSERT INTO free_text_values (user_id, field, value, key) VALUES ${values.join(', ')}`, params);
    after = rows.at(-1)?.id ?? after;
  }
}
