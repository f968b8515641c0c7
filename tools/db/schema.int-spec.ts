import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@aula/server/database';
import { ALL_ENTITIES } from './entities';

/** A migration forgotten for an entity change fails here, not in production. */
describe('database schema', () => {
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = await new DataSource({ ...dataSourceOptions(process.env['DATABASE_URL'] as string, 1), entities: ALL_ENTITIES }).initialize();
  });
  afterAll(() => dataSource.destroy());

  it('matches the entities exactly after every migration', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it("has the read models assessment publishes for other domains (views no entity describes)", async () => {
    const views = (await dataSource.query(
      `SELECT table_name AS name FROM information_schema.views WHERE table_schema = 'public' AND table_name LIKE 'assessment\\_%'`,
    )) as { name: string }[];
    expect(views.map((v) => v.name).sort()).toEqual([
      'assessment_deadline_extensions',
      'assessment_deadlines',
      'assessment_released_grades',
      'assessment_submitted_versions',
      'assessment_submitted_work',
      'assessment_unmarked_submissions',
    ]);
  });

  it('has no migration left to run', async () => {
    expect(await dataSource.showMigrations()).toBe(false);
  });
});
