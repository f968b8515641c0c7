import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { API_PREFIX, API_ROUTES, platformApi, routeUrl } from '@aula/contracts';
import { createApp } from './app';

/** Swagger's pages: served by the API, but not by a controller, so not in the route table. */
const DOCS = `${API_PREFIX}/docs`;

const key = (method: string, path: string) => `${method} ${path}`;

/**
 * The route table in contracts is the API's whole surface: what the real app serves (as Fastify
 * registers it) is exactly what the table names, method and path.
 */
describe('the route table', () => {
  let app: NestFastifyApplication;
  const served = new Set<string>();

  beforeAll(async () => {
    app = await createApp({ logger: false });
    app.getHttpAdapter().getInstance().addHook('onRoute', (route) => {
      const inApi = route.url === API_PREFIX || route.url.startsWith(`${API_PREFIX}/`);
      if (!inApi || route.url.startsWith(DOCS)) return;
      for (const method of [route.method].flat()) if (method !== 'HEAD') served.add(key(method, route.url));
    });
    await app.init();
    const fastify = app.getHttpAdapter().getInstance();
    await fastify.ready();
    // Closed while its PostgreSQL and Redis connections are still opening, the app leaves them behind.
    await fastify.inject({ method: 'GET', url: routeUrl(platformApi.ready) });
  });
  afterAll(() => app.close());

  const table = Object.values(API_ROUTES).flatMap((domain) => Object.values(domain).map((r) => key(r.method, r.path)));

  it('names each route once', () => {
    expect(table.length).toBe(new Set(table).size);
  });

  it('names every route a controller serves', () => {
    expect(served.size).toBeGreaterThan(100);
    expect([...served].filter((route) => !table.includes(route))).toEqual([]);
  });

  it('names no route that no controller serves', () => {
    expect(table.filter((route) => !served.has(route))).toEqual([]);
  });
});
