export * from './config';
export * from './redis';
export * from './logging';
export * from './core.module';
export * from './env-file';
export * from './redis-policy';
