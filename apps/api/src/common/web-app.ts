import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';

let indexHtml: string | null | undefined;

/** Path of the built web app's index.html, read once. */
export function configureWebApp(webDist: string): boolean {
  const index = webDist ? resolve(webDist, 'index.html') : '';
  indexHtml = index && existsSync(index) ? readFileSync(index, 'utf8') : null;
  return indexHtml !== null;
}

/**
 * Deep links of the single-page app (/learn, /admin/users...) get index.html; the app's router
 * takes over. API paths and files that do not exist keep their 404.
 */
export function serveWebApp(request: FastifyRequest, reply: FastifyReply): boolean {
  if (!indexHtml || request.method !== 'GET') return false;
  const path = request.url.split('?')[0];
  if (path === '/api' || path.startsWith('/api/') || /\.[a-z0-9]+$/i.test(path)) return false;
  void reply.header('Content-Type', 'text/html; charset=utf-8').header('Cache-Control', 'no-cache').send(indexHtml);
  return true;
}
