import type { FastifyReply, FastifyRequest } from 'fastify';
import { API_PREFIX } from '@aula/contracts';
import type { IssuedSession } from '@aula/server/identity';

export const REFRESH_COOKIE = 'aula_refresh';
/** The refresh token only ever travels to the auth endpoints. */
const COOKIE_PATH = `${API_PREFIX}/auth`;

export function setRefreshCookie(reply: FastifyReply, issued: IssuedSession, secure: boolean): void {
  void reply.setCookie(REFRESH_COOKIE, issued.refreshToken, {
    httpOnly: true,
    secure,
    sameSite: 'strict',
    path: COOKIE_PATH,
    expires: issued.refreshTokenExpiresAt,
  });
}

export function clearRefreshCookie(reply: FastifyReply, secure: boolean): void {
  void reply.clearCookie(REFRESH_COOKIE, { httpOnly: true, secure, sameSite: 'strict', path: COOKIE_PATH });
}

export function readRefreshCookie(request: FastifyRequest): string | null {
  const value = request.cookies?.[REFRESH_COOKIE];
  return typeof value === 'string' && /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : null;
}
