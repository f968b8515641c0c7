export * from './naming.strategy';
export * from './data-source-options';
export * from './migrations';
export * from './database.module';
export * from './postgres-errors';
export * from './cursor';
export * from './prepared';
