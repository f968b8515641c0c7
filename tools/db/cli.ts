import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfigOrExit, loadEnvFile } from '@aula/server/core';
import { dataSourceOptions } from '@aula/server/database';
import { ALL_ENTITIES } from './entities';
import { seedDemoData } from '../seed/demo-seed';

/** `db:migrate`, `db:revert`, `db:seed`, `db:reset` and a drift check, for people and scripts. */
async function main(command: string | undefined): Promise<void> {
  loadEnvFile();
  const config = loadConfigOrExit();
  const dataSource = new DataSource({ ...dataSourceOptions(config.DATABASE_URL, 2), entities: ALL_ENTITIES, logging: ['error'] });
  await dataSource.initialize();
  try {
    switch (command) {
      case 'migrate': {
        const ran = await dataSource.runMigrations({ transaction: 'each' });
        console.log(ran.length ? `Applied ${ran.map((m) => m.name).join(', ')}` : 'Database schema is up to date.');
        break;
      }
      case 'revert':
        await dataSource.undoLastMigration({ transaction: 'each' });
        console.log('Reverted the last migration.');
        break;
      case 'reset':
        await dataSource.dropDatabase();
        console.log('Dropped every table.');
        await dataSource.runMigrations({ transaction: 'each' });
        console.log('Applied every migration.');
        break;
      case 'seed':
        break;
      case 'check': {
        const pending = await dataSource.driver.createSchemaBuilder().log();
        if (pending.upQueries.length) {
          console.error('Entities and migrations disagree; a migration is missing:');
          for (const q of pending.upQueries) console.error(`  ${q.query}`);
          process.exitCode = 1;
        } else console.log('Entities and migrations agree.');
        break;
      }
      default:
        console.error('Usage: db <migrate|revert|seed|reset|check>');
        process.exitCode = 64;
    }
  } finally {
    await dataSource.destroy();
  }
  if (command === 'seed' || command === 'reset') await seedDemoData();
}

main(process.argv[2]).catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
