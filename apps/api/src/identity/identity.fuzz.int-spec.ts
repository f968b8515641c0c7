import fc from 'fast-check';
import { startTestApp, uniqueEmail, type TestApp } from '../testing/test-app';

/** Whatever a client sends, the answer is a deliberate 2xx/4xx, never a 500. */
describe('identity DTOs under property-based fuzzing', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp({ SIGN_IN_MAX_FAILURES_PER_ADDRESS: '100000', SIGN_IN_MAX_FAILURES_PER_ACCOUNT: '100000' });
    token = (await t.register()).session.accessToken;
  });
  afterAll(() => t.close());

  const anyValue = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 1 }));
  const fields = ['email', 'password', 'displayName', 'locale', 'timeZone', 'country', 'organisation', 'region', 'roles', '__proto__', 'constructor'];
  const body = fc.dictionary(fc.constantFrom(...fields), anyValue, { maxKeys: 6 });

  it.each([
    ['POST', '/api/auth/register'],
    ['POST', '/api/auth/sign-in'],
    ['PATCH', '/api/me'],
    ['POST', '/api/me/password'],
  ])('%s %s answers 4xx naming fields for invalid bodies', async (method, url) => {
    await fc.assert(
      fc.asyncProperty(body, async (payload) => {
        const res = await t.request({ method: method as 'POST', url, payload, headers: { authorization: `Bearer ${token}` }, remoteAddress: '10.200.0.1' });
        expect(res.statusCode).toBeLessThan(500);
        if (res.statusCode === 400) {
          const problem = res.json();
          expect(problem.status).toBe(400);
          expect(Array.isArray(problem.errors) && problem.errors.length > 0).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('round-trips valid registrations', async () => {
    const names = fc.stringMatching(/^[\p{L}\p{M}][\p{L}\p{M} .'-]{0,40}$/u).filter((s) => s.trim().length > 0);
    await fc.assert(
      fc.asyncProperty(names, fc.constantFrom('en', 'es', 'pt'), fc.constantFrom('America/Bogota', 'Asia/Kolkata', 'UTC', 'Africa/Lagos'), async (displayName, locale, timeZone) => {
        const email = uniqueEmail();
        const res = await t.request({ method: 'POST', url: '/api/auth/register', payload: { email, password: 'long-enough-password', displayName, locale, timeZone } });
        expect(res.statusCode).toBe(201);
        expect(res.json().user).toMatchObject({ email, displayName: displayName.normalize('NFC').replace(/\s+/g, ' ').trim(), locale, timeZone });
      }),
      { numRuns: 25 },
    );
  });
});
