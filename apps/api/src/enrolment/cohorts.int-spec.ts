import { DataSource } from 'typeorm';
import type { CohortView, Page, RosterEntry } from '@aula/contracts';
import { IdentityService } from '@aula/server/identity';
import { startTestApp, uniqueEmail, type TestApp } from '../testing/test-app';
import {
  createCohort,
  createCourse,
  day,
  enrolled,
  fieldsOf,
  person,
  UNKNOWN_ID,
  type Person,
} from './testing/learning-fixtures';

describe('cohorts, rosters and their export over HTTP', () => {
  let t: TestApp;
  let admin: Person;
  let courseId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await person(t, ['admin'], { locale: 'es' });
    courseId = (
      await createCourse(t, { title: { en: 'Territorial planning', es: 'Planificación territorial' } })
    ).id;
  });
  afterAll(() => t.close());

  const get = (who: Person, url: string) => t.request({ method: 'GET', url, headers: who.headers });

  describe('administrators', () => {
    it('create a cohort with tutors and read it back in their language', async () => {
      const tutor = await person(t, ['tutor'], { displayName: 'Lucía Fernández' });
      const res = await t.request({
        method: 'POST',
        url: '/api/admin/cohorts',
        headers: admin.headers,
        payload: {
          courseId,
          name: 'Cohorte 2027-1',
          startDate: '2027-02-01',
          endDate: '2027-05-31',
          timeZone: 'America/Bogota',
          capacity: 25,
          enrolmentMode: 'approval',
          tutorIds: [tutor.id],
        },
      });
      expect(res.statusCode).toBe(201);
      const view: CohortView = res.json();
      expect(view).toMatchObject({
        courseId,
        courseTitle: 'Planificación territorial',
        name: 'Cohorte 2027-1',
        startDate: '2027-02-01',
        endDate: '2027-05-31',
        timeZone: 'America/Bogota',
        capacity: 25,
        seatsLeft: 25,
        enrolmentMode: 'approval',
        tutors: [{ id: tutor.id, displayName: 'Lucía Fernández' }],
        counts: { pending: 0, waitlisted: 0, active: 0, completed: 0, withdrawn: 0 },
      });
      expect((await get(admin, `/api/admin/cohorts/${view.id}`)).json()).toEqual(view);
      const list: Page<CohortView> = (
        await get(admin, `/api/admin/cohorts?courseId=${courseId}&limit=100`)
      ).json();
      expect(list.items.map((c) => c.id)).toContain(view.id);
    });

    it.each([
      ['an end before the start', { startDate: '2027-03-01', endDate: '2027-02-01' }, 'endDate'],
      ['a date that does not exist', { startDate: '2027-02-30' }, 'startDate'],
      ['a capacity of zero', { capacity: 0 }, 'capacity'],
      ['an unknown time zone', { timeZone: 'Mars/Olympus' }, 'timeZone'],
      ['an unknown mode', { enrolmentMode: 'lottery' }, 'enrolmentMode'],
      ['an unknown course', { courseId: UNKNOWN_ID }, 'courseId'],
      ['an unknown field', { seatsTaken: 3 }, 'seatsTaken'],
    ])('refuse %s with a 400 naming the field', async (_, change, field) => {
      const res = await t.request({
        method: 'POST',
        url: '/api/admin/cohorts',
        headers: admin.headers,
        payload: {
          courseId,
          name: 'Cohort',
          startDate: '2027-02-01',
          endDate: '2027-05-31',
          timeZone: 'America/Bogota',
          capacity: 10,
          enrolmentMode: 'open',
          ...change,
        },
      });
      expect(res.statusCode).toBe(400);
      expect(fieldsOf(res)).toContain(field);
    });

    it('assign only people holding the tutor role', async () => {
      const cohort = await createCohort(t, admin, courseId);
      const [tutor, trainee] = await Promise.all([person(t, ['tutor']), person(t)]);
      const refused = await t.request({
        method: 'PUT',
        url: `/api/admin/cohorts/${cohort.id}/tutors`,
        headers: admin.headers,
        payload: { tutorIds: [tutor.id, trainee.id] },
      });
      expect(refused.statusCode).toBe(400);
      expect(fieldsOf(refused)).toEqual(['tutorIds']);
      const set = await t.request({
        method: 'PUT',
        url: `/api/admin/cohorts/${cohort.id}/tutors`,
        headers: admin.headers,
        payload: { tutorIds: [tutor.id] },
      });
      expect(set.json()).toMatchObject({ tutors: [{ id: tutor.id }] });
      const cleared = await t.request({
        method: 'PUT',
        url: `/api/admin/cohorts/${cohort.id}/tutors`,
        headers: admin.headers,
        payload: { tutorIds: [] },
      });
      expect(cleared.json()).toMatchObject({ tutors: [] });
    });

    it('change dates but never to an end before the start, nor the course', async () => {
      const cohort = await createCohort(t, admin, courseId, {
        startDate: '2027-02-01',
        endDate: '2027-05-31',
      });
      const patch = (payload: object) =>
        t.request({
          method: 'PATCH',
          url: `/api/admin/cohorts/${cohort.id}`,
          headers: admin.headers,
          payload,
        });
      expect((await patch({ endDate: '2027-06-30', name: 'Renamed' })).json()).toMatchObject({
        endDate: '2027-06-30',
        name: 'Renamed',
      });
      const backwards = await patch({ startDate: '2027-07-01' });
      expect(backwards.statusCode).toBe(400);
      expect(fieldsOf(backwards)).toEqual(['startDate']);
      const moved = await patch({ courseId: UNKNOWN_ID });
      expect(moved.statusCode).toBe(400);
      expect(fieldsOf(moved)).toEqual(['courseId']);
      expect(
        (
          await t.request({
            method: 'PATCH',
            url: `/api/admin/cohorts/${UNKNOWN_ID}`,
            headers: admin.headers,
            payload: { name: 'x' },
          })
        ).statusCode,
      ).toBe(404);
    });
  });

  describe('tutors', () => {
    it('see the cohorts they tutor; another cohort is a 404; trainees get 403', async () => {
      const [tutorX, tutorY, trainee] = await Promise.all([
        person(t, ['tutor']),
        person(t, ['tutor']),
        person(t),
      ]);
      const x = await createCohort(t, admin, courseId, { tutorIds: [tutorX.id] });
      const y = await createCohort(t, admin, courseId, { tutorIds: [tutorY.id] });
      const mine: Page<CohortView> = (await get(tutorX, '/api/tutor/cohorts')).json();
      expect(mine.items.map((c) => c.id)).toEqual([x.id]);
      expect((await get(tutorX, `/api/cohorts/${x.id}`)).statusCode).toBe(200);
      for (const url of [
        `/api/cohorts/${y.id}`,
        `/api/cohorts/${y.id}/roster`,
        `/api/cohorts/${y.id}/roster.csv`,
      ]) {
        expect((await get(tutorX, url)).statusCode).toBe(404);
      }
      expect((await get(tutorX, `/api/admin/cohorts/${x.id}`)).statusCode).toBe(403);
      expect((await get(trainee, '/api/tutor/cohorts')).statusCode).toBe(403);
      expect((await get(trainee, `/api/cohorts/${x.id}`)).statusCode).toBe(403);
      const all: Page<CohortView> = (await get(admin, '/api/tutor/cohorts?limit=100')).json();
      expect(all.items.length).toBeGreaterThanOrEqual(2);
    });
  });

  describe('the roster', () => {
    let cohort: CohortView;
    let tutor: Person;

    beforeAll(async () => {
      tutor = await person(t, ['tutor']);
      cohort = await createCohort(t, admin, courseId, { tutorIds: [tutor.id], startDate: day(-3) });
      const identity = t.app.get(IdentityService);
      const names = [
        'José Ñúñez',
        'Ana Souza',
        '=HYPERLINK("http://evil.example","click")',
        'Nguyễn Thị Minh',
        '@SUM(1+1)',
        'Bea Ríos',
      ];
      for (const [i, displayName] of names.entries()) {
        const user = await identity.createUser({
          email: uniqueEmail(`roster${i}`),
          password: 'a-long-enough-password',
          displayName,
          country: 'co',
        });
        // The free-text region older accounts have (new ones keep theirs in the directory).
        await t.app
          .get(DataSource)
          .query('UPDATE users SET region = $2 WHERE id = $1', [user.id, i === 1 ? '+Minas Gerais' : 'Bogotá']);
        await t.request({
          method: 'POST',
          url: `/api/admin/cohorts/${cohort.id}/enrolments`,
          headers: admin.headers,
          payload: { userId: user.id },
        });
      }
    });

    it('pages by name with a cursor, accent-insensitive search and a status filter', async () => {
      const first: Page<RosterEntry> = (await get(tutor, `/api/cohorts/${cohort.id}/roster?limit=4`)).json();
      expect(first.items).toHaveLength(4);
      expect(first.nextCursor).toBeTruthy();
      const second: Page<RosterEntry> = (
        await get(tutor, `/api/cohorts/${cohort.id}/roster?limit=4&cursor=${first.nextCursor}`)
      ).json();
      expect(second.items).toHaveLength(2);
      expect(second.nextCursor).toBeNull();
      const names = [...first.items, ...second.items].map((e) => e.displayName);
      expect(new Set(names).size).toBe(6);
      expect(names.filter((n) => /^\p{L}/u.test(n))).toEqual([
        'Ana Souza',
        'Bea Ríos',
        'José Ñúñez',
        'Nguyễn Thị Minh',
      ]);
      expect(first.items[0]).toMatchObject({
        cohortId: cohort.id,
        status: 'active',
        progressPercent: 0,
        country: 'CO',
      });

      const found: Page<RosterEntry> = (await get(tutor, `/api/cohorts/${cohort.id}/roster?q=nunez`)).json();
      expect(found.items.map((e) => e.displayName)).toEqual(['José Ñúñez']);
      expect((await get(tutor, `/api/cohorts/${cohort.id}/roster?status=pending`)).json()).toEqual({
        items: [],
        nextCursor: null,
      });
      expect((await get(tutor, `/api/cohorts/${cohort.id}/roster?status=lost`)).statusCode).toBe(400);
      expect((await get(tutor, `/api/cohorts/${cohort.id}/roster?cursor=garbage`)).statusCode).toBe(400);
    });

    it('exports as UTF-8 CSV with a BOM, as an attachment, with formulas made inert', async () => {
      const res = await get(tutor, `/api/cohorts/${cohort.id}/roster.csv`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="roster-[a-z0-9-]+\.csv"/);
      const bytes = res.rawPayload;
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
      expect(lines[0]).toBe(
        'name,email,status,progress_percent,last_activity_at,completed_at,enrolled_at,country,region',
      );
      expect(lines).toHaveLength(7);
      const body = lines.join('\n');
      expect(body).toContain('José Ñúñez');
      expect(body).toContain('Nguyễn Thị Minh');
      expect(body).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
      expect(body).toContain("'@SUM(1+1)");
      expect(body).toContain("'+Minas Gerais");
      // No cell starts with a formula character.
      for (const line of lines.slice(1)) expect(line).not.toMatch(/(^|,)"?[=+\-@]/);
    });

    it('counts what the roster shows', async () => {
      const view: CohortView = (await get(tutor, `/api/cohorts/${cohort.id}`)).json();
      expect(view.counts.active).toBe(6);
      const trainee = await person(t);
      await enrolled(t, trainee, cohort.id);
      const db = t.app.get(DataSource);
      const [{ seats }] = (await db.query('SELECT seats_taken AS seats FROM cohorts WHERE id = $1', [
        cohort.id,
      ])) as { seats: number }[];
      expect(seats).toBe(7);
    });
  });
});
