import { expect, type APIRequestContext, type PlaywrightWorkerArgs, type TestInfo } from '@playwright/test';
import { DEMO, DEMO_PASSWORD } from './session';

const isoDay = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The API as the demo administrator, for setting up what a journey needs (a course, a cohort,
 * people in it) without going through screens another journey already covers.
 */
export async function adminApi(playwright: PlaywrightWorkerArgs['playwright'], info: TestInfo) {
  const request: APIRequestContext = await playwright.request.newContext({
    baseURL: info.project.use.baseURL,
  });
  const answer = await request.post('/api/auth/sign-in', {
    data: { email: DEMO.admin.email, password: DEMO_PASSWORD },
  });
  expect(answer.ok(), 'the demo administrator signs in').toBe(true);
  const headers = {
    Authorization: `Bearer ${((await answer.json()) as { accessToken: string }).accessToken}`,
  };

  const call = async <T>(method: 'get' | 'post', path: string, data?: unknown): Promise<T> => {
    const response = await request[method](path, { headers, ...(data === undefined ? {} : { data }) });
    expect(response.ok(), `${method.toUpperCase()} ${path}: ${response.status()}`).toBe(true);
    return (await response.json()) as T;
  };

  return {
    get: <T>(path: string) => call<T>('get', path),
    post: <T>(path: string, data: unknown) => call<T>('post', path, data),
    /** A draft course with only a title, in the first programme. */
    async course(slug: string, title: string): Promise<{ id: string; slug: string }> {
      const programmes = await call<{ items: { id: string }[] }>('get', '/api/admin/programmes');
      return call('post', '/api/admin/courses', {
        programmeId: programmes.items[0]?.id,
        slug,
        defaultLocale: 'en',
        title: { en: title },
      });
    },
    async cohort(
      courseId: string,
      name: string,
      options: { mode?: 'open' | 'approval' | 'invite'; capacity?: number | null; tutorIds?: string[] } = {},
    ): Promise<{ id: string }> {
      return call('post', '/api/admin/cohorts', {
        courseId,
        name,
        startDate: isoDay(-1),
        endDate: isoDay(45),
        timeZone: 'America/Bogota',
        capacity: options.capacity ?? null,
        enrolmentMode: options.mode ?? 'open',
        ...(options.tutorIds ? { tutorIds: options.tutorIds } : {}),
      });
    },
    /** Registers a new person; answers their id and a request context signed in as them. */
    async register(email: string, displayName: string) {
      const own = await playwright.request.newContext({ baseURL: info.project.use.baseURL });
      const response = await own.post('/api/auth/register', {
        data: { email, password: 'a long enough password', displayName },
      });
      expect(response.ok(), 'registration').toBe(true);
      const session = (await response.json()) as { accessToken: string; user: { id: string } };
      return {
        id: session.user.id,
        headers: { Authorization: `Bearer ${session.accessToken}` },
        request: own,
      };
    },
    dispose: () => request.dispose(),
  };
}
