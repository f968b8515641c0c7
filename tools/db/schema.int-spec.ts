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

  it('has no migration left to run', async () => {
    expect(await dataSource.showMigrations()).toBe(false);
  });
});
