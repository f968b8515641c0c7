import { DataSource } from 'typeorm';
import type { CohortGradebook, CourseGradingView, GradeImportReport, OwnGradebook } from '@aula/contracts';
import { GradeService } from '@aula/server/assessment';
import { startTestApp, type TestApp } from '../testing/test-app';
import {
  createCohort,
  createCourse,
  enrolled,
  fieldsOf,
  person,
  UNKNOWN_ID,
  type CreatedCourse,
  type Person,
} from '../enrolment/testing/learning-fixtures';

describe('the gradebook over HTTP', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: Person;
  let tutor: Person;
  let otherTutor: Person;
  let course: CreatedCourse;
  let cohortId: string;
  let ana: Person;
  let bruno: Person;
  let formula: Person;
  const enrolmentOf = new Map<string, string>();
  // quiz 1 (max 10), quiz 2 (max 10), essay (max 50)
  let q1: string;
  let q2: string;
  let essay: string;

  const get = (who: Person, url: string) => t.request({ method: 'GET', url, headers: who.headers });
  const put = (who: Person, url: string, payload: unknown) =>
    t.request({ method: 'PUT', url, headers: who.headers, payload: payload as Record<string, unknown> });
  const importCsv = (who: Person, csv: string) =>
    t.request({
      method: 'POST',
      url: `/api/cohorts/${cohortId}/gradebook/import`,
      headers: { ...who.headers, 'content-type': 'text/csv' },
      payload: csv,
    });

  async function mark(activityId: string, who: Person, points: number, release: boolean): Promise<void> {
    const grades = t.app.get(GradeService);
    await ds.transaction(async (em) => {
      const key = { activityId, enrolmentId: enrolmentOf.get(who.id) as string };
      const current = await grades.lock(em, key);
      const grade = await grades.saveMark(
        em,
        null,
        key,
        { rawPoints: points },
        {
          expectedVersion: current && current.version > 0 ? current.version : null,
          status: 'ready',
        },
      );
      if (release) await grades.release(em, null, [grade.id]);
    });
  }

  async function maxPoints(courseId: string, activityId: string, max: number): Promise<void> {
    // Max points belong to the quiz or assignment settings; written here as those would.
    await ds.query(
      `INSERT INTO grade_items (activity_id, course_id, max_points) VALUES ($1, $2, $3)
       ON CONFLICT (activity_id) DO UPDATE SET max_points = EXCLUDED.max_points`,
      [activityId, courseId, max],
    );
  }

  beforeAll(async () => {
    t = await startTestApp();
    ds = t.app.get(DataSource);
    admin = await person(t, ['admin']);
    tutor = await person(t, ['tutor'], { displayName: 'Tutora Lucía' });
    otherTutor = await person(t, ['tutor']);
    course = await createCourse(t, {
      title: { en: 'Local economic development', es: 'Desarrollo económico local' },
      modules: [
        {
          title: { en: 'Diagnosis' },
          activities: [
            { title: { en: 'Reading' }, required: false },
            { kind: 'quiz', title: { en: 'Quiz one', es: 'Cuestionario uno' }, required: false },
            { kind: 'quiz', title: { en: 'Quiz two' }, required: false },
            { kind: 'assignment', title: { en: 'Essay', es: 'Ensayo' }, required: false },
          ],
        },
      ],
    });
    [, q1, q2, essay] = course.activityIds;
    await maxPoints(course.id, q1, 10);
    await maxPoints(course.id, q2, 10);
    await maxPoints(course.id, essay, 50);
    cohortId = (await createCohort(t, admin, course.id, { tutorIds: [tutor.id] })).id;
    const otherCohort = await createCohort(t, admin, course.id, { tutorIds: [otherTutor.id] });
    expect(otherCohort.id).toBeTruthy();

    ana = await person(t, ['trainee'], { displayName: 'Ana Ñúñez' });
    bruno = await person(t, ['trainee'], { displayName: 'Bruno Ito' });
    formula = await person(t, ['trainee'], { displayName: '=HYPERLINK("http://evil.example","x")' });
    for (const who of [ana, bruno, formula]) enrolmentOf.set(who.id, (await enrolled(t, who, cohortId)).id);

    const settings = await put(admin, `/api/admin/courses/${course.id}/grading`, {
      passPercent: 60,
      completionRequiresPass: false,
      categoryWeights: { quizzes: 1 },
      items: [
        { activityId: q1, weight: 1, category: 'quizzes' },
        { activityId: q2, weight: 3, category: 'quizzes' },
        { activityId: essay, weight: 2, category: null },
      ],
    });
    expect(settings.statusCode).toBe(200);

    // Ana: quizzes (1×100 + 3×50) / 4 = 62.5, essay 50 → (62.5 + 2×50) / 3 = 54.17 → below 60.
    await mark(q1, ana, 10, true);
    await mark(q2, ana, 5, true);
    await mark(essay, ana, 25, true);
    // Bruno: quiz two is marked but not released, so it counts 0: (80 / 4 + 2×100) / 3 = 73.33.
    await mark(q1, bruno, 8, true);
    await mark(q2, bruno, 10, false);
    await mark(essay, bruno, 50, true);
  }, 60_000);
  afterAll(() => t.close());

  describe('course grading settings', () => {
    it('are read back with the max points the quiz and assignment settings own', async () => {
      const res = await get(admin, `/api/admin/courses/${course.id}/grading`);
      expect(res.statusCode).toBe(200);
      const view: CourseGradingView = res.json();
      expect(view).toMatchObject({
        passPercent: 60,
        completionRequiresPass: false,
        categoryWeights: { quizzes: 1 },
      });
      expect(view.items.map((i) => [i.activityId, i.maxPoints, i.weight, i.category])).toEqual([
        [q1, 10, 1, 'quizzes'],
        [q2, 10, 3, 'quizzes'],
        [essay, 50, 2, null],
      ]);
    });

    it('refuse items of another course, bad numbers and unknown fields, naming the field', async () => {
      const base = { passPercent: 50, completionRequiresPass: false, categoryWeights: {}, items: [] };
      const wrongItem = await put(admin, `/api/admin/courses/${course.id}/grading`, {
        ...base,
        items: [{ activityId: course.activityIds[0], weight: 1, category: null }],
      });
      expect(wrongItem.statusCode).toBe(400);
      expect(fieldsOf(wrongItem)).toEqual(['items.0.activityId']);
      const badPass = await put(admin, `/api/admin/courses/${course.id}/grading`, {
        ...base,
        passPercent: 101,
      });
      expect(fieldsOf(badPass)).toEqual(['passPercent']);
      const badWeight = await put(admin, `/api/admin/courses/${course.id}/grading`, {
        ...base,
        categoryWeights: { quizzes: -1 },
      });
      expect(fieldsOf(badWeight)).toEqual(['categoryWeights']);
      const extra = await put(admin, `/api/admin/courses/${course.id}/grading`, { ...base, maxPoints: 5 });
      expect(fieldsOf(extra)).toEqual(['maxPoints']);
      // Nothing of the refused requests was saved.
      const view: CourseGradingView = (await get(admin, `/api/admin/courses/${course.id}/grading`)).json();
      expect(view.passPercent).toBe(60);
    });

    it('are for administrators only, and an unknown course is 404', async () => {
      expect((await get(tutor, `/api/admin/courses/${course.id}/grading`)).statusCode).toBe(403);
      expect((await get(ana, `/api/admin/courses/${course.id}/grading`)).statusCode).toBe(403);
      expect((await get(admin, `/api/admin/courses/${UNKNOWN_ID}/grading`)).statusCode).toBe(404);
    });
  });

  describe('a cohort gradebook', () => {
    it('shows tutors every trainee by name with weighted totals from released grades, and pass or fail', async () => {
      const res = await get(tutor, `/api/cohorts/${cohortId}/gradebook`);
      expect(res.statusCode).toBe(200);
      const book: CohortGradebook = res.json();
      expect(book.items.map((i) => i.activityId)).toEqual([q1, q2, essay]);
      expect(book.passPercent).toBe(60);
      const byName = new Map(book.rows.map((r) => [r.displayName, r]));
      expect(book.rows.map((r) => r.displayName)).toEqual([
        '=HYPERLINK("http://evil.example","x")',
        'Ana Ñúñez',
        'Bruno Ito',
      ]);
      expect(byName.get('Ana Ñúñez')).toMatchObject({ totalPercent: 54.17, passed: false });
      expect(byName.get('Bruno Ito')).toMatchObject({ totalPercent: 73.33, passed: true });
      expect(byName.get('=HYPERLINK("http://evil.example","x")')).toMatchObject({
        totalPercent: 0,
        passed: false,
        points: [null, null, null],
        statuses: [null, null, null],
      });
      // The unreleased mark is there for tutors, marked as such, and not counted.
      expect(byName.get('Bruno Ito')).toMatchObject({
        points: [8, 10, 50],
        statuses: ['released', 'ready', 'released'],
      });
    });

    it('comes in keyset pages when a limit is given', async () => {
      const first: CohortGradebook = (await get(admin, `/api/cohorts/${cohortId}/gradebook?limit=2`)).json();
      expect(first.rows).toHaveLength(2);
      expect(first.nextCursor).toBeTruthy();
      const second: CohortGradebook = (
        await get(admin, `/api/cohorts/${cohortId}/gradebook?limit=2&cursor=${first.nextCursor}`)
      ).json();
      expect(second.rows.map((r) => r.displayName)).toEqual(['Bruno Ito']);
      expect(second.nextCursor).toBeNull();
      const bad = await get(admin, `/api/cohorts/${cohortId}/gradebook?cursor=nonsense`);
      expect(bad.statusCode).toBe(400);
    });

    it('is 403 for trainees, 404 for the tutor of another cohort and for an unknown cohort', async () => {
      expect((await get(ana, `/api/cohorts/${cohortId}/gradebook`)).statusCode).toBe(403);
      expect((await get(otherTutor, `/api/cohorts/${cohortId}/gradebook`)).statusCode).toBe(404);
      expect((await get(otherTutor, `/api/cohorts/${cohortId}/gradebook/export.csv`)).statusCode).toBe(404);
      expect((await importCsv(otherTutor, 'email\n')).statusCode).toBe(404);
      expect((await get(admin, `/api/cohorts/${UNKNOWN_ID}/gradebook`)).statusCode).toBe(404);
    });
  });

  describe("a trainee's own row", () => {
    it('shows only released grades and the total they make', async () => {
      const res = await get(bruno, `/api/enrolments/${enrolmentOf.get(bruno.id)}/gradebook`);
      expect(res.statusCode).toBe(200);
      const own: OwnGradebook = res.json();
      expect(own.cells.map((c) => c?.points ?? null)).toEqual([8, null, 50]);
      expect(own).toMatchObject({ totalPercent: 73.33, passed: true, passPercent: 60 });
      expect(JSON.stringify(own)).not.toContain('Ana');
    });

    it("is 404 for another trainee's enrolment, and for an unknown one", async () => {
      const res = await get(ana, `/api/enrolments/${enrolmentOf.get(bruno.id)}/gradebook`);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('73.33');
      expect((await get(ana, `/api/enrolments/${UNKNOWN_ID}/gradebook`)).statusCode).toBe(404);
    });
  });

  describe('CSV export', () => {
    it('is UTF-8 with a BOM, keeps names in any script and makes formulas inert', async () => {
      const res = await get(tutor, `/api/cohorts/${cohortId}/gradebook/export.csv?lang=es`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      expect(res.headers['content-disposition']).toContain('attachment');
      expect(res.body.startsWith('\ufeff')).toBe(true);
      const lines = res.body.slice(1).trim().split('\r\n');
      expect(lines[0]).toBe(
        `name,email,Cuestionario uno [${q1}],Quiz two [${q2}],Ensayo [${essay}],total_percent,passed`,
      );
      expect(lines).toContain(`Ana Ñúñez,${ana.email},10,5,25,54.17,no`);
      const evil = lines.find((l) => l.includes('HYPERLINK')) as string;
      expect(evil.startsWith(`"'=HYPERLINK(`)).toBe(true);
    });

    it('is refused to trainees (403)', async () => {
      expect((await get(ana, `/api/cohorts/${cohortId}/gradebook/export.csv`)).statusCode).toBe(403);
    });
  });

  describe('CSV import', () => {
    const scoreOf = async (activityId: string, who: Person) =>
      (
        (await ds.query(
          `SELECT points::float8 AS points, status FROM grades WHERE activity_id = $1 AND enrolment_id = $2`,
          [activityId, enrolmentOf.get(who.id)],
        )) as { points: number; status: string }[]
      )[0];

    it('writes nothing when any row is wrong, and reports each problem with row, email and field', async () => {
      const csv = [
        `email,Quiz two,[${essay}]`,
        `${ana.email},7,`,
        `${bruno.email},11,abc`,
        `nobody@example.org,1,1`,
        `${ana.email.toUpperCase()},1,1`,
      ].join('\n');
      const res = await importCsv(tutor, csv);
      expect(res.statusCode).toBe(200);
      const report: GradeImportReport = res.json();
      expect(report.applied).toBe(false);
      expect(report.changed).toBe(0);
      expect(report.errors).toEqual([
        {
          row: 3,
          email: bruno.email,
          field: 'Quiz two',
          code: 'out-of-range',
          max: 10,
          problem: 'must be between 0 and 10',
        },
        {
          row: 3,
          email: bruno.email,
          field: `[${essay}]`,
          code: 'not-a-number',
          problem: 'is not a number (at most two decimals)',
        },
        {
          row: 4,
          email: 'nobody@example.org',
          field: 'email',
          code: 'not-in-cohort',
          problem: 'is not a trainee of this cohort',
        },
        {
          row: 5,
          email: ana.email.toUpperCase(),
          field: 'email',
          code: 'duplicate-email',
          problem: 'appears again (first on row 2)',
        },
      ]);
      // Ana's valid row was not applied either.
      expect(await scoreOf(q2, ana)).toMatchObject({ points: 5 });
    });

    it('reports a header naming no item of the course', async () => {
      const report: GradeImportReport = (
        await importCsv(tutor, `email,Unknown quiz\n${ana.email},1\n`)
      ).json();
      expect(report).toMatchObject({
        applied: false,
        errors: [{ row: 1, field: 'Unknown quiz', code: 'unknown-column' }],
      });
    });

    it('applies a valid file in full, as ready marks recorded in the audit trail as imports', async () => {
      const exported = (await get(tutor, `/api/cohorts/${cohortId}/gradebook/export.csv`)).body;
      // The exported file comes back as it is (nothing changes), then with one new score.
      const same: GradeImportReport = (await importCsv(tutor, exported)).json();
      expect(same).toMatchObject({ applied: true, changed: 0, errors: [] });
      const res = await importCsv(
        tutor,
        `email,Quiz one,Quiz two\n${formula.email},"7,5",\n${ana.email},10,\n`,
      );
      const report: GradeImportReport = res.json();
      expect(report).toMatchObject({ applied: true, rows: 2, changed: 1, unchanged: 1, errors: [] });
      expect(await scoreOf(q1, formula)).toEqual({ points: 7.5, status: 'ready' });
      const [change] = (await ds.query(
        `SELECT gc.action, gc.changed_by_id AS "by" FROM grade_changes gc JOIN grades g ON g.id = gc.grade_id
          WHERE g.activity_id = $1 AND g.enrolment_id = $2`,
        [q1, enrolmentOf.get(formula.id)],
      )) as { action: string; by: string }[];
      expect(change).toEqual({ action: 'import', by: tutor.id });
      // Not released yet: the trainee does not see it.
      const own: OwnGradebook = (
        await get(formula, `/api/enrolments/${enrolmentOf.get(formula.id)}/gradebook`)
      ).json();
      expect(own.cells[0]).toBeNull();
    });

    it('is 403 for trainees and 415 for a body that is not CSV', async () => {
      expect((await importCsv(ana, `email\n${ana.email}\n`)).statusCode).toBe(403);
      const json = await t.request({
        method: 'POST',
        url: `/api/cohorts/${cohortId}/gradebook/import`,
        headers: tutor.headers,
        payload: { email: 'x' },
      });
      expect(json.statusCode).toBe(415);
    });
  });

  describe('blind marking', () => {
    it('keeps unreleased marks of a blind-marked assignment out of the gradebook and its export until release', async () => {
      // The assignment settings (owned by assignments) say the essay is marked blind.
      await ds.query(
        `INSERT INTO assignments (activity_id, course_id, blind_marking) VALUES ($1, $2, true)
         ON CONFLICT (activity_id) DO UPDATE SET blind_marking = true`,
        [essay, course.id],
      );
      try {
        await mark(essay, formula, 40, false);
        const rowOf = async () =>
          ((await get(tutor, `/api/cohorts/${cohortId}/gradebook`)).json() as CohortGradebook).rows.find(
            (r) => r.enrolmentId === enrolmentOf.get(formula.id),
          );
        const book: CohortGradebook = (await get(tutor, `/api/cohorts/${cohortId}/gradebook`)).json();
        expect(book.items.find((i) => i.activityId === essay)?.blindMarking).toBe(true);
        expect((await rowOf())?.points[2]).toBeNull();
        expect((await rowOf())?.statuses[2]).toBeNull();
        const csv = (await get(tutor, `/api/cohorts/${cohortId}/gradebook/export.csv`)).body;
        expect(csv.split('\r\n').find((l) => l.includes(formula.email))).not.toContain(',40,');
        // Ana's essay mark was released before: still shown.
        expect(book.rows.find((r) => r.enrolmentId === enrolmentOf.get(ana.id))?.points[2]).toBe(25);

        await mark(essay, formula, 40, true);
        expect((await rowOf())?.points[2]).toBe(40);
      } finally {
        await ds.query(`UPDATE assignments SET blind_marking = false WHERE activity_id = $1`, [essay]);
      }
    });
  });

  describe('completion that requires the pass mark', () => {
    it('waits for the pass mark after every required activity is done, and completes when a released grade lifts the total', async () => {
      const c = await createCourse(t, {
        modules: [
          {
            title: { en: 'Only module' },
            activities: [
              { kind: 'quiz', title: { en: 'Required quiz' } },
              { kind: 'assignment', title: { en: 'Required task' } },
              { kind: 'quiz', title: { en: 'Bonus quiz' }, required: false },
            ],
          },
        ],
      });
      const [quiz, task, bonus] = c.activityIds;
      for (const id of c.activityIds) await maxPoints(c.id, id, 10);
      const cohort = await createCohort(t, admin, c.id);
      const who = await person(t);
      const enrolment = await enrolled(t, who, cohort.id);
      enrolmentOf.set(who.id, enrolment.id);
      const settings = await put(admin, `/api/admin/courses/${c.id}/grading`, {
        passPercent: 60,
        completionRequiresPass: true,
        categoryWeights: {},
        items: [],
      });
      expect(settings.statusCode).toBe(200);
      const status = async () =>
        (
          (await ds.query(`SELECT status, progress_percent AS progress FROM enrolments WHERE id = $1`, [
            enrolment.id,
          ])) as {
            status: string;
            progress: number;
          }[]
        )[0];

      await mark(quiz, who, 6, true);
      await mark(task, who, 4, true);
      // Every required activity done, total (60 + 40 + 0) / 3 = 33.33 < 60: not complete.
      expect(await status()).toEqual({ status: 'active', progress: 100 });
      await mark(bonus, who, 10, true);
      // (60 + 40 + 100) / 3 = 66.67 ≥ 60.
      expect(await status()).toMatchObject({ status: 'completed' });
    }, 30_000);

    it('completes waiting enrolments when an administrator drops the requirement', async () => {
      const c = await createCourse(t, {
        modules: [
          { title: { en: 'Only module' }, activities: [{ kind: 'quiz', title: { en: 'Hard quiz' } }] },
        ],
      });
      const [quiz] = c.activityIds;
      const cohort = await createCohort(t, admin, c.id);
      const who = await person(t);
      const enrolment = await enrolled(t, who, cohort.id);
      enrolmentOf.set(who.id, enrolment.id);
      const rules = { passPercent: 80, completionRequiresPass: true, categoryWeights: {}, items: [] };
      await put(admin, `/api/admin/courses/${c.id}/grading`, rules);
      await mark(quiz, who, 50, true);
      const status = async () =>
        (
          (await ds.query(`SELECT status FROM enrolments WHERE id = $1`, [enrolment.id])) as {
            status: string;
          }[]
        )[0].status;
      expect(await status()).toBe('active');
      await put(admin, `/api/admin/courses/${c.id}/grading`, { ...rules, completionRequiresPass: false });
      expect(await status()).toBe('completed');
    }, 30_000);
  });
});
