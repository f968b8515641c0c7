export * from './route';
export * from './api-routes';
export * from './web-pages';
