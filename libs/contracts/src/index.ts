// Shapes shared by the API, the worker and the web app. Plain TypeScript: no framework imports.
export * from './identity';
export * from './problem';
export * from './platform';
export * from './pagination';
export * from './queues';
export * from './catalog';
export * from './events';
export * from './assessment';
export * from './marking';
export * from './assignment';
export * from './quiz';
export * from './gradebook';
export * from './certification';
export * from './notification';
export * from './directory';
export * from './workshops';
export * from './routes';
