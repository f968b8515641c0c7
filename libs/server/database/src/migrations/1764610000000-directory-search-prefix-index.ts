import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The typeahead's first and most asked question, "which institutions' names start with this?",
 * read from a btree in name order: the folded first name (search_text up to its first 200
 * characters, which keeps every key within a btree entry's size) in byte order, so a range scan
 * finds the first matches and stops, whatever the number of institutions.
 */
export class DirectorySearchPrefixIndex1764610000000 implements MigrationInterface {
  name = 'DirectorySearchPrefixIndex1764610000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "institutions_search_prefix_idx" ON "institutions" ((left(search_text, 200) COLLATE "C"))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."institutions_search_prefix_idx"`);
  }
}
