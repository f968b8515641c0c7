import ICAL from 'ical.js';
import { DataSource } from 'typeorm';
import { NotificationTokens, PasswordResetService } from '@aula/server/notification';
import { setDates, traineeWithWork } from '@aula/server/notification/testing';
import { fieldsOf, person, PASSWORD } from '../enrolment/testing/learning-fixtures';
import { refreshCookieOf, startTestApp, uniqueEmail, type TestApp } from '../testing/test-app';

describe('notifications API', () => {
  let t: TestApp;
  let ds: DataSource;
  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_URL: 'https://aula.test' });
    ds = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  describe('password reset', () => {
    const ask = (email: string, ip = '198.51.100.7') =>
      t.request({ method: 'POST', url: '/api/auth/password-reset', payload: { email }, remoteAddress: ip });

    it('answers the same for known and unknown emails, and only the known one gets a request', async () => {
      const known = await t.register();
      const unknown = uniqueEmail('nobody');
      const [a, b] = [await ask(known.email), await ask(unknown)];
      expect(a.statusCode).toBe(202);
      expect(b.statusCode).toBe(202);
      expect(a.body).toBe(b.body);
      const rows = (await ds.query(`SELECT 1 FROM password_reset_requests r JOIN users u ON u.id = r.user_id WHERE u.email = $1`, [known.email])) as unknown[];
      expect(rows).toHaveLength(1);
      const events = (await ds.query(`SELECT 1 FROM outbox_events WHERE type = 'password-reset.requested' AND payload->>'userId' = $1`, [known.session.user.id])) as unknown[];
      expect(events).toHaveLength(1);
    });

    it('sets the new password once, ends every session and refuses the token again', async () => {
      const who = await t.register();
      await ask(who.email, '198.51.100.8');
      const [req] = (await ds.query(`SELECT id FROM password_reset_requests WHERE user_id = $1`, [who.session.user.id])) as { id: string }[];
      const issued = await t.app.get(PasswordResetService).issueToken(req?.id);
      const confirm = (token: string, password = 'a-brand-new-password') =>
        t.request({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, password } });
      expect((await confirm(issued?.token ?? '')).statusCode).toBe(204);
      // The old session is over: its refresh token no longer works.
      expect((await t.request({ method: 'POST', url: '/api/auth/refresh', headers: { cookie: who.cookie } })).statusCode).toBe(401);
      expect((await t.request({ method: 'POST', url: '/api/auth/sign-in', payload: { email: who.email, password: who.password } })).statusCode).toBe(401);
      const signIn = await t.request({ method: 'POST', url: '/api/auth/sign-in', payload: { email: who.email, password: 'a-brand-new-password' } });
      expect(signIn.statusCode).toBe(200);
      refreshCookieOf(signIn);
      const again = await confirm(issued?.token ?? '', 'yet-another-password');
      expect(again.statusCode).toBe(400);
      expect(fieldsOf(again)).toEqual(['token']);
    });

    it('refuses an expired token and a too-short password (naming the field)', async () => {
      const who = await t.register();
      await ask(who.email, '198.51.100.9');
      const [req] = (await ds.query(`SELECT id FROM password_reset_requests WHERE user_id = $1`, [who.session.user.id])) as { id: string }[];
      const issued = await t.app.get(PasswordResetService).issueToken(req?.id);
      const short = await t.request({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token: issued?.token ?? '', password: 'short' } });
      expect(fieldsOf(short)).toEqual(['password']);
      await ds.query(`UPDATE password_reset_requests SET expires_at = now() - interval '1 second' WHERE id = $1`, [req?.id]);
      const late = await t.request({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token: issued?.token ?? '', password: 'a-brand-new-password' } });
      expect(late.statusCode).toBe(400);
    });

    it('limits requests per email with the same answer for unknown emails (429)', async () => {
      for (const email of [(await t.register()).email, uniqueEmail('ghost')]) {
        const codes = [];
        for (let i = 0; i < 4; i++) codes.push((await ask(email, `203.0.113.${10 + i}`)).statusCode);
        expect(codes).toEqual([202, 202, 202, 429]);
      }
    });
  });

  describe('preferences and one-click unsubscribe', () => {
    it('reads defaults, changes one kind and refuses unknown kinds or modes', async () => {
      const who = await person(t);
      const get = await t.request({ method: 'GET', url: '/api/me/notification-preferences', headers: who.headers });
      expect(get.json()).toMatchObject({ preferences: { 'deadline-reminder': 'immediate', enrolment: 'immediate' }, alwaysOn: ['account'] });
      const put = await t.request({ method: 'PUT', url: '/api/me/notification-preferences', headers: who.headers, payload: { 'deadline-reminder': 'digest', 'grade-released': 'off' } });
      expect(put.statusCode).toBe(200);
      expect(put.json().preferences).toMatchObject({ 'deadline-reminder': 'digest', 'grade-released': 'off', enrolment: 'immediate' });
      const security = await t.request({ method: 'PUT', url: '/api/me/notification-preferences', headers: who.headers, payload: { account: 'off' } });
      expect(security.statusCode).toBe(400);
      expect(fieldsOf(security)).toEqual(['account']);
      const bad = await t.request({ method: 'PUT', url: '/api/me/notification-preferences', headers: who.headers, payload: { enrolment: 'sometimes' } });
      expect(fieldsOf(bad)).toEqual(['enrolment']);
      expect((await t.request({ method: 'GET', url: '/api/me/notification-preferences' })).statusCode).toBe(401);
    });

    it('turns a kind off from the mail link without signing in, and refuses a forged token', async () => {
      const who = await person(t);
      const token = t.app.get(NotificationTokens).unsubscribeToken(who.id, 'deadline-reminder');
      const page = await t.request({ method: 'GET', url: `/api/notifications/unsubscribe?token=${token}` });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      // A GET changes nothing (link scanners follow links).
      expect((await t.request({ method: 'GET', url: '/api/me/notification-preferences', headers: who.headers })).json().preferences['deadline-reminder']).toBe('immediate');
      const post = await t.request({
        method: 'POST',
        url: `/api/notifications/unsubscribe?token=${token}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'List-Unsubscribe=One-Click',
      });
      expect(post.statusCode).toBe(200);
      expect((await t.request({ method: 'GET', url: '/api/me/notification-preferences', headers: who.headers })).json().preferences['deadline-reminder']).toBe('off');
      const forged = token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
      const refused = await t.request({ method: 'POST', url: `/api/notifications/unsubscribe?token=${forged}` });
      expect(refused.statusCode).toBe(400);
      expect(fieldsOf(refused)).toEqual(['token']);
    });
  });

  describe('in-app notifications', () => {
    it('lists one\'s own, counts unread, marks one and all read; another person\'s is 404', async () => {
      const [me, other] = [await person(t), await person(t)];
      for (const n of [1, 2, 3]) {
        await ds.query(`INSERT INTO notifications (user_id, dedupe_key, kind, title, body, link) VALUES ($1, $2, 'grade-released', $3, 'b', '/learn')`, [
          me.id,
          `${me.id}|test|${n}`,
          `Grade ${n}`,
        ]);
      }
      const count = () => t.request({ method: 'GET', url: '/api/me/notifications/unread-count', headers: me.headers }).then((r) => r.json().unread as number);
      expect(await count()).toBe(3);
      const page = await t.request({ method: 'GET', url: '/api/me/notifications?limit=2', headers: me.headers });
      expect(page.json().items).toHaveLength(2);
      expect(page.json().nextCursor).toEqual(expect.any(String));
      const next = await t.request({ method: 'GET', url: `/api/me/notifications?limit=2&cursor=${page.json().nextCursor}`, headers: me.headers });
      expect(next.json().items).toHaveLength(1);
      const id = page.json().items[0].id as string;
      expect((await t.request({ method: 'POST', url: `/api/me/notifications/${id}/read`, headers: other.headers })).statusCode).toBe(404);
      const read = await t.request({ method: 'POST', url: `/api/me/notifications/${id}/read`, headers: me.headers });
      expect(read.json().readAt).toEqual(expect.any(String));
      expect(await count()).toBe(2);
      expect((await t.request({ method: 'GET', url: '/api/me/notifications?unread=true', headers: me.headers })).json().items).toHaveLength(2);
      await t.request({ method: 'POST', url: '/api/me/notifications/read-all', headers: me.headers });
      expect(await count()).toBe(0);
      expect((await t.request({ method: 'POST', url: '/api/me/notifications/not-a-uuid/read', headers: me.headers })).statusCode).toBe(400);
    });
  });

  describe('calendar feed', () => {
    it('serves a private iCalendar of deadlines, quiz windows and cohort dates; regenerating and revoking close the old address', async () => {
      const f = await traineeWithWork(ds, { locale: 'es', timeZone: 'America/Bogota', startDate: '2026-03-02', endDate: '2026-06-30' });
      await ds.query(`UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE id = $1) WHERE id = $2`, [
        (await person(t)).id,
        f.userId,
      ]);
      const { session } = await t.signIn(f.email, PASSWORD);
      const headers = { authorization: `Bearer ${session.accessToken}` };
      const due = new Date('2026-04-10T22:59:00Z');
      await setDates(ds, f, f.assignmentId, { dueAt: due });
      await setDates(ds, f, f.quizId, { opensAt: new Date('2026-04-01T13:00:00Z'), closesAt: new Date('2026-04-03T13:00:00Z') });

      expect((await t.request({ method: 'GET', url: '/api/me/calendar-feed', headers })).json()).toMatchObject({ active: false, url: null });
      const created = (await t.request({ method: 'POST', url: '/api/me/calendar-feed', headers })).json() as { url: string };
      expect(created.url).toMatch(/^https:\/\/aula\.test\/api\/calendar\/[A-Za-z0-9_-]{40,}\.ics$/);
      const path = new URL(created.url).pathname;
      const res = await t.request({ method: 'GET', url: path });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/calendar/);

      const events = new ICAL.Component(ICAL.parse(res.body)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
      const dueEvent = events.find((e) => e.summary === 'Vence: Plan de acción');
      expect(dueEvent?.startDate.toJSDate().toISOString()).toBe(due.toISOString());
      const quiz = events.find((e) => e.summary === 'Cuestionario abierto: Cuestionario');
      expect(quiz?.startDate.toJSDate().toISOString()).toBe('2026-04-01T13:00:00.000Z');
      expect(quiz?.endDate.toJSDate().toISOString()).toBe('2026-04-03T13:00:00.000Z');
      const cohort = events.find((e) => e.summary.startsWith('Curso: Planificación regional'));
      expect(cohort?.startDate.toString()).toBe('2026-03-02');
      expect(cohort?.endDate.toString()).toBe('2026-07-01');

      const again = (await t.request({ method: 'POST', url: '/api/me/calendar-feed', headers })).json() as { url: string };
      expect((await t.request({ method: 'GET', url: path })).statusCode).toBe(404);
      const newPath = new URL(again.url).pathname;
      expect((await t.request({ method: 'GET', url: newPath })).statusCode).toBe(200);
      expect((await t.request({ method: 'DELETE', url: '/api/me/calendar-feed', headers })).statusCode).toBe(204);
      expect((await t.request({ method: 'GET', url: newPath })).statusCode).toBe(404);
      expect((await t.request({ method: 'GET', url: '/api/calendar/not-a-token.ics' })).statusCode).toBe(404);
    });
  });
});
