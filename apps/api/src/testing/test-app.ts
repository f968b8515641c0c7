import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { InjectOptions, Response as InjectResponse } from 'light-my-request';
import type { AuthSession } from '@aula/contracts';
import { createApp } from '../app';

export type TestResponse = InjectResponse;

/** Unique, valid email for a test, so parallel test files never collide. */
export function uniqueEmail(label = 'person'): string {
  return `${label}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}@test.aula.example`;
}

export interface TestApp {
  app: NestFastifyApplication;
  request(options: InjectOptions): Promise<TestResponse>;
  /** Registers a trainee and returns the session plus the refresh cookie. */
  register(overrides?: Record<string, unknown>): Promise<{ session: AuthSession; cookie: string; email: string; password: string }>;
  signIn(email: string, password: string): Promise<{ session: AuthSession; cookie: string }>;
  close(): Promise<void>;
}

export function refreshCookieOf(response: TestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'aula_refresh');
  if (!cookie) throw new Error(`no refresh cookie in response ${response.statusCode}: ${response.body}`);
  return `aula_refresh=${cookie.value}`;
}

/**
 * The real API (same bootstrap as production) on the run's database and Redis. `env` overrides
 * configuration for this app only.
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  let app: NestFastifyApplication;
  try {
    app = await createApp({ logger: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  } finally {
    process.env = saved;
  }
  const fastify = app.getHttpAdapter().getInstance();
  const request = (options: InjectOptions) => fastify.inject(options) as unknown as Promise<TestResponse>;

  const signIn = async (email: string, password: string) => {
    const res = await request({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } });
    if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
    return { session: res.json() as AuthSession, cookie: refreshCookieOf(res) };
  };

  return {
    app,
    request,
    signIn,
    async register(overrides = {}) {
      const email = uniqueEmail();
      const password = 'a-long-enough-password';
      const res = await request({
        method: 'POST',
        url: '/api/auth/register',
        payload: { email, password, displayName: 'Test Person', ...overrides },
      });
      if (res.statusCode !== 201) throw new Error(`register failed: ${res.statusCode} ${res.body}`);
      return { session: res.json() as AuthSession, cookie: refreshCookieOf(res), email, password };
    },
    close: () => app.close(),
  };
}
