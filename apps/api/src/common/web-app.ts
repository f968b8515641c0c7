import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { API_PREFIX } from '@aula/contracts';

let indexPath = '';
let cached: { mtimeMs: number; html: string } | null = null;

/** Where the built web app's index.html is; false when there is no built app to serve. */
export function configureWebApp(webDist: string): boolean {
  indexPath = webDist ? resolve(webDist, 'index.html') : '';
  cached = null;
  return !!indexPath && existsSync(indexPath);
}

/** index.html, read again only when a rebuild changed it. */
function indexHtml(): string | null {
  if (!indexPath) return null;
  try {
    const { mtimeMs } = statSync(indexPath);
    if (cached?.mtimeMs !== mtimeMs) cached = { mtimeMs, html: readFileSync(indexPath, 'utf8') };
    return cached.html;
  } catch {
    return null;
  }
}

/**
 * Deep links of the single-page app (/learn, /admin/users...) get index.html; the app's router
 * takes over. API paths and files that do not exist keep their 404.
 */
export function serveWebApp(request: FastifyRequest, reply: FastifyReply): boolean {
  if (request.method !== 'GET') return false;
  const path = request.url.split('?')[0];
  if (path === API_PREFIX || path.startsWith(`${API_PREFIX}/`) || /\.[a-z0-9]+$/i.test(path)) return false;
  const html = indexHtml();
  if (html === null) return false;
  void reply.header('Content-Type', 'text/html; charset=utf-8').header('Cache-Control', 'no-cache').send(html);
  return true;
}
