import { JwtService } from '@nestjs/jwt';
import { DEVELOPMENT_JWT_SECRET } from '@aula/server/core';
import { IdentityService } from '@aula/server/identity';
import { refreshCookieOf, startTestApp, uniqueEmail, type TestApp } from '../testing/test-app';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const fieldsOf = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path);

describe('identity over HTTP', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  describe('registration', () => {
    it('creates a trainee, answers with a session and sets an httpOnly refresh cookie', async () => {
      const email = uniqueEmail('Mixed.Case');
      const res = await t.request({
        method: 'POST',
        url: '/api/auth/register',
        payload: { email: `  ${email.toUpperCase()} `.trim(), password: 'long-enough-pass', displayName: 'Nguyễn Thị Minh', locale: 'pt', timeZone: 'America/Sao_Paulo', country: 'br' },
      });
      expect(res.statusCode).toBe(201);
      const body = res.json();
      expect(body.user).toMatchObject({ email: email.toLowerCase(), displayName: 'Nguyễn Thị Minh', roles: ['trainee'], locale: 'pt', timeZone: 'America/Sao_Paulo', country: 'BR' });
      expect(body.user).not.toHaveProperty('passwordHash');
      const cookie = res.cookies.find((c) => c.name === 'aula_refresh');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth' });
    });

    it.each([
      ['a bad email', { email: 'not-an-email' }, 'email'],
      ['a short password', { password: 'short' }, 'password'],
      ['a display name with a line break', { displayName: 'Eve\r\nBcc: x@y.z' }, 'displayName'],
      ['an unknown time zone', { timeZone: 'Mars/Olympus' }, 'timeZone'],
      ['a role (mass assignment)', { roles: ['admin'] }, 'roles'],
      ['an unknown field', { isAdmin: true }, 'isAdmin'],
      ['a number for a string', { displayName: 42 }, 'displayName'],
    ])('refuses %s with a 400 naming the field', async (_, change, field) => {
      const res = await t.request({
        method: 'POST',
        url: '/api/auth/register',
        payload: { email: uniqueEmail(), password: 'long-enough-pass', displayName: 'Ana', ...change },
      });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(fieldsOf(res.json())).toContain(field);
    });

    it('answers 400 naming the body for malformed JSON, and for a JSON array', async () => {
      const malformed = await t.request({ method: 'POST', url: '/api/auth/register', headers: { 'content-type': 'application/json' }, payload: '{"email":' });
      expect(malformed.statusCode).toBe(400);
      expect(fieldsOf(malformed.json())).toEqual(['body']);
      const array = await t.request({ method: 'POST', url: '/api/auth/register', payload: [1, 2] });
      expect(array.statusCode).toBe(400);
    });

    it('refuses a second account with the same email (any case) with 409', async () => {
      const { email } = await t.register();
      const res = await t.request({ method: 'POST', url: '/api/auth/register', payload: { email: email.toUpperCase(), password: 'long-enough-pass', displayName: 'Again' } });
      expect(res.statusCode).toBe(409);
      expect(fieldsOf(res.json())).toEqual(['email']);
    });

    it('is refused with 403 when registration is turned off', async () => {
      const closed = await startTestApp({ REGISTRATION_ENABLED: 'false' });
      try {
        const info = await closed.request({ method: 'GET', url: '/api/platform' });
        expect(info.json()).toMatchObject({ registrationEnabled: false });
        const res = await closed.request({ method: 'POST', url: '/api/auth/register', payload: { email: uniqueEmail(), password: 'long-enough-pass', displayName: 'Ana' } });
        expect(res.statusCode).toBe(403);
      } finally {
        await closed.close();
      }
    });
  });

  describe('sign-in', () => {
    it('gives the same answer for an unknown email and a wrong password', async () => {
      const { email } = await t.register();
      const wrong = await t.request({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password: 'not-the-password' } });
      const unknown = await t.request({ method: 'POST', url: '/api/auth/sign-in', payload: { email: uniqueEmail(), password: 'not-the-password' } });
      expect(wrong.statusCode).toBe(401);
      expect(unknown.statusCode).toBe(401);
      const strip = (b: Record<string, unknown>) => ({ ...b, instance: undefined });
      expect(strip(wrong.json())).toEqual(strip(unknown.json()));
    });

    it('accepts the right password whatever the email case', async () => {
      const { email, password } = await t.register();
      const { session } = await t.signIn(email.toUpperCase(), password);
      expect(session.user.email).toBe(email);
    });

    it('answers 429 with Retry-After after repeated failures on one account, even with the right password', async () => {
      const { email, password } = await t.register();
      for (let i = 0; i < 5; i++) {
        const res = await t.request({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password: 'wrong-password' }, remoteAddress: `10.9.${i}.1` });
        expect(res.statusCode).toBe(401);
      }
      const blocked = await t.request({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password }, remoteAddress: '10.9.9.9' });
      expect(blocked.statusCode).toBe(429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('answers 429 to an address trying many accounts', async () => {
      const limited = await startTestApp({ SIGN_IN_MAX_FAILURES_PER_ADDRESS: '3' });
      try {
        const address = `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
        const statuses: number[] = [];
        for (let i = 0; i < 4; i++) {
          const res = await limited.request({ method: 'POST', url: '/api/auth/sign-in', payload: { email: uniqueEmail(), password: 'guess-guess' }, remoteAddress: address });
          statuses.push(res.statusCode);
        }
        expect(statuses).toEqual([401, 401, 401, 429]);
      } finally {
        await limited.close();
      }
    });

    it('refuses a deactivated account like a wrong password', async () => {
      const { email, password, session } = await t.register();
      await t.app.get(IdentityService).setActive({ id: 'someone-else', roles: ['admin'], sid: 'x' }, session.user.id, false);
      const res = await t.request({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } });
      expect(res.statusCode).toBe(401);
      const me = await t.request({ method: 'GET', url: '/api/me', headers: bearer(session.accessToken) });
      expect(me.statusCode).toBe(401);
    });
  });

  describe('tokens', () => {
    it('lets the access token read /api/me and refuses a missing one', async () => {
      const { session } = await t.register({ displayName: '王小明' });
      const me = await t.request({ method: 'GET', url: '/api/me', headers: bearer(session.accessToken) });
      expect(me.statusCode).toBe(200);
      expect(me.json().displayName).toBe('王小明');
      expect((await t.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    });

    it('refuses alg:none, a wrong signature, an expired token and a refresh token used as access token', async () => {
      const { session, cookie } = await t.register();
      const [header, payload] = session.accessToken.split('.');
      const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
      const forged = `${header}.${payload}.${Buffer.from('forged-signature').toString('base64url')}`;
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
      const jwt = new JwtService();
      const expired = jwt.sign({ ...claims, iat: 1000, exp: 2000 }, { secret: DEVELOPMENT_JWT_SECRET, algorithm: 'HS256' });
      const otherSecret = jwt.sign({ sub: claims.sub, roles: ['admin'], sid: claims.sid, typ: 'access' }, { secret: 'x'.repeat(40), algorithm: 'HS256' });
      const refreshAsAccess = cookie.split('=')[1];
      for (const token of [none, forged, expired, otherSecret, refreshAsAccess]) {
        const res = await t.request({ method: 'GET', url: '/api/me', headers: bearer(token) });
        expect(res.statusCode).toBe(401);
      }
    });

    it('rotates the refresh token; reusing an old one ends the whole session', async () => {
      const { cookie: first } = await t.register();
      const r1 = await t.request({ method: 'POST', url: '/api/auth/refresh', headers: { cookie: first } });
      expect(r1.statusCode).toBe(200);
      const second = refreshCookieOf(r1);
      expect(second).not.toBe(first);
      const access = r1.json().accessToken as string;

      const replay = await t.request({ method: 'POST', url: '/api/auth/refresh', headers: { cookie: first } });
      expect(replay.statusCode).toBe(401);
      // The thief's replay also ends the legitimate holder's session.
      expect((await t.request({ method: 'POST', url: '/api/auth/refresh', headers: { cookie: second } })).statusCode).toBe(401);
      expect((await t.request({ method: 'GET', url: '/api/me', headers: bearer(access) })).statusCode).toBe(401);
    });

    it('sign-out ends the refresh token and the access token at once', async () => {
      const { session, cookie } = await t.register();
      const out = await t.request({ method: 'POST', url: '/api/auth/sign-out', headers: { cookie } });
      expect(out.statusCode).toBe(204);
      expect((await t.request({ method: 'POST', url: '/api/auth/refresh', headers: { cookie } })).statusCode).toBe(401);
      expect((await t.request({ method: 'GET', url: '/api/me', headers: bearer(session.accessToken) })).statusCode).toBe(401);
    });

    it('password change ends other sessions and continues in a new one', async () => {
      const { session, cookie, email, password } = await t.register();
      const other = await t.signIn(email, password);
      const wrong = await t.request({ method: 'POST', url: '/api/me/password', headers: bearer(session.accessToken), payload: { currentPassword: 'nope-nope-nope', newPassword: 'a-new-long-password' } });
      expect(wrong.statusCode).toBe(400);
      expect(fieldsOf(wrong.json())).toEqual(['currentPassword']);

      const res = await t.request({ method: 'POST', url: '/api/me/password', headers: bearer(session.accessToken), payload: { currentPassword: password, newPassword: 'a-new-long-password' } });
      expect(res.statusCode).toBe(200);
      const fresh = res.json().accessToken as string;
      expect((await t.request({ method: 'POST', url: '/api/auth/refresh', headers: { cookie } })).statusCode).toBe(401);
      expect((await t.request({ method: 'POST', url: '/api/auth/refresh', headers: { cookie: other.cookie } })).statusCode).toBe(401);
      expect((await t.request({ method: 'GET', url: '/api/me', headers: bearer(other.session.accessToken) })).statusCode).toBe(401);
      expect((await t.request({ method: 'GET', url: '/api/me', headers: bearer(fresh) })).statusCode).toBe(200);
      expect((await t.request({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } })).statusCode).toBe(401);
      await t.signIn(email, 'a-new-long-password');
    });
  });

  describe('profile', () => {
    it('updates language, time zone and names in any script; refuses bad values naming the field', async () => {
      const { session } = await t.register();
      const ok = await t.request({ method: 'PATCH', url: '/api/me', headers: bearer(session.accessToken), payload: { displayName: 'محمد العلمي', locale: 'es', timeZone: 'Africa/Casablanca', country: null } });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ displayName: 'محمد العلمي', locale: 'es', timeZone: 'Africa/Casablanca', country: null });
      const bad = await t.request({ method: 'PATCH', url: '/api/me', headers: bearer(session.accessToken), payload: { locale: 'fr', roles: ['admin'] } });
      expect(bad.statusCode).toBe(400);
      expect(fieldsOf(bad.json()).sort()).toEqual(['locale', 'roles']);
    });
  });

  describe('roles', () => {
    let admin: { accessToken: string; id: string };

    beforeAll(async () => {
      const email = uniqueEmail('admin');
      const user = await t.app.get(IdentityService).createUser({ email, password: 'admin-password-1', displayName: 'Test Admin', roles: ['admin'] });
      const { session } = await t.signIn(email, 'admin-password-1');
      admin = { accessToken: session.accessToken, id: user.id };
    });

    it('keeps trainees and tutors out of administration (403) and strangers out entirely (401)', async () => {
      const { session } = await t.register();
      expect((await t.request({ method: 'GET', url: '/api/admin/users', headers: bearer(session.accessToken) })).statusCode).toBe(403);
      expect((await t.request({ method: 'GET', url: '/api/admin/users' })).statusCode).toBe(401);
      expect((await t.request({ method: 'PATCH', url: `/api/admin/users/${session.user.id}/roles`, headers: bearer(session.accessToken), payload: { roles: ['admin'] } })).statusCode).toBe(403);
    });

    it('lets an admin search without accents, page through, and change roles', async () => {
      const marker = `zq${Date.now().toString(36)}`;
      const people = [];
      for (const name of [`Ñúñez ${marker} Uno`, `Nunez ${marker} Dos`, `Núñez ${marker} Tres`]) people.push(await t.register({ displayName: name }));
      const page1 = await t.request({ method: 'GET', url: `/api/admin/users?q=${encodeURIComponent(`nunez ${marker}`)}&limit=2`, headers: bearer(admin.accessToken) });
      expect(page1.statusCode).toBe(200);
      expect(page1.json().items).toHaveLength(2);
      const page2 = await t.request({ method: 'GET', url: `/api/admin/users?q=${encodeURIComponent(`NÚÑEZ ${marker}`)}&limit=2&cursor=${page1.json().nextCursor}`, headers: bearer(admin.accessToken) });
      expect(page2.json().items).toHaveLength(1);
      expect(page2.json().nextCursor).toBeNull();
      const names = [...page1.json().items, ...page2.json().items].map((u: { displayName: string }) => u.displayName).sort();
      expect(names).toEqual(people.map((p) => p.session.user.displayName).sort());

      const target = people[0].session;
      const res = await t.request({ method: 'PATCH', url: `/api/admin/users/${target.user.id}/roles`, headers: bearer(admin.accessToken), payload: { roles: ['tutor', 'trainee'] } });
      expect(res.statusCode).toBe(200);
      expect(res.json().roles).toEqual(['tutor', 'trainee']);
      // Roles travel in tokens: the old session must sign in again to pick them up.
      expect((await t.request({ method: 'GET', url: '/api/me', headers: bearer(target.accessToken) })).statusCode).toBe(401);
    });

    it('refuses bad role changes, bad ids and bad query values with a 400 naming the field', async () => {
      const { session } = await t.register();
      const cases: [string, string, object | undefined, string][] = [
        ['PATCH', `/api/admin/users/${session.user.id}/roles`, { roles: ['superuser'] }, 'roles'],
        ['PATCH', `/api/admin/users/${session.user.id}/roles`, { roles: [] }, 'roles'],
        ['PATCH', '/api/admin/users/not-a-uuid/roles', { roles: ['tutor'] }, 'id'],
        ['PATCH', `/api/admin/users/${admin.id}/roles`, { roles: ['tutor'] }, 'roles'],
        ['GET', '/api/admin/users?limit=abc', undefined, 'limit'],
        ['GET', '/api/admin/users?limit=1000', undefined, 'limit'],
        ['GET', '/api/admin/users?cursor=garbage', undefined, 'cursor'],
        ['GET', '/api/admin/users?role=owner', undefined, 'role'],
        ['GET', '/api/admin/users?q=%00', undefined, 'q'],
        ['GET', '/api/admin/courses?q=a%00b', undefined, 'q'],
      ];
      for (const [method, url, payload, field] of cases) {
        const res = await t.request({ method: method as 'GET', url, headers: bearer(admin.accessToken), payload });
        expect({ url, status: res.statusCode }).toEqual({ url, status: 400 });
        expect(fieldsOf(res.json())).toContain(field);
      }
      const missing = await t.request({ method: 'PATCH', url: '/api/admin/users/00000000-0000-4000-8000-000000000000/roles', headers: bearer(admin.accessToken), payload: { roles: ['tutor'] } });
      expect(missing.statusCode).toBe(404);
    });

    it('deactivation ends the person’s sessions; an admin cannot deactivate themself', async () => {
      const { session, cookie } = await t.register();
      const res = await t.request({ method: 'POST', url: `/api/admin/users/${session.user.id}/deactivate`, headers: bearer(admin.accessToken) });
      expect(res.json().active).toBe(false);
      expect((await t.request({ method: 'POST', url: '/api/auth/refresh', headers: { cookie } })).statusCode).toBe(401);
      expect((await t.request({ method: 'POST', url: `/api/admin/users/${admin.id}/deactivate`, headers: bearer(admin.accessToken) })).statusCode).toBe(400);
    });
  });

  describe('the HTTP surface', () => {
    it('sends security headers and no X-Powered-By', async () => {
      const res = await t.request({ method: 'GET', url: '/api/health' });
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['strict-transport-security']).toContain('max-age=');
      expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers['x-request-id']).toBeTruthy();
    });

    it('allows only listed origins to call with credentials', async () => {
      const allowed = await t.request({ method: 'OPTIONS', url: '/api/auth/sign-in', headers: { origin: 'http://localhost:4200', 'access-control-request-method': 'POST' } });
      expect(allowed.headers['access-control-allow-origin']).toBe('http://localhost:4200');
      const denied = await t.request({ method: 'OPTIONS', url: '/api/auth/sign-in', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
      expect(denied.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('answers unknown API paths with a 404 problem', async () => {
      const res = await t.request({ method: 'GET', url: '/api/nothing-here' });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ status: 404, title: 'Not Found' });
    });

    it('publishes the OpenAPI document generated from the code', async () => {
      const res = await t.request({ method: 'GET', url: '/api/docs.json' });
      expect(res.statusCode).toBe(200);
      const doc = res.json();
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/sign-in', '/api/me', '/api/admin/users']));
      expect(doc.components.schemas.RegisterDto.required).toEqual(expect.arrayContaining(['email', 'password', 'displayName']));
      expect((await t.request({ method: 'GET', url: '/api/docs' })).statusCode).toBe(200);
    });
  });
});
