import type { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './naming.strategy';
import { MIGRATIONS } from './migrations';

/** The one place that says how Aula talks to PostgreSQL. Schema changes only through migrations. */
export function dataSourceOptions(databaseUrl: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    extra: {
      max: poolSize,
      connectionTimeoutMillis: 3000,
      // A stuck query must not hold a pooled connection forever.
      statement_timeout: 15000,
      application_name: 'aula',
    },
  };
}
