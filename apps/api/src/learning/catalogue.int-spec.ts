import type { CatalogueCourse, CoursePageView, Page } from '@aula/contracts';
import { startTestApp, type TestApp } from '../testing/test-app';
import {
  createCohort,
  createCourse,
  day,
  enrolled,
  person,
  unique,
  type CreatedCourse,
  type Person,
} from '../enrolment/testing/learning-fixtures';

describe('catalogue and course pages over HTTP', () => {
  let t: TestApp;
  let admin: Person;
  /** A word no other test file uses, so searches see only this file's courses. */
  const marker = unique('zq').replace(/-/g, '');
  let bilingual: CreatedCourse;
  let iberian: CreatedCourse;
  let draft: CreatedCourse;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await person(t, ['admin']);
    // Offered in English and Portuguese only, English by default.
    bilingual = await createCourse(t, {
      defaultLocale: 'en',
      title: { en: `Territorial planning ${marker}`, pt: `Planejamento territorial ${marker}` },
      summary: { en: 'Plans that regions keep', pt: 'Planos que as regiões mantêm' },
      description: { en: '<p>What a plan is.</p>', pt: '<p>O que é um plano.</p>' },
      topics: [`planning-${marker}`],
      modules: [
        {
          title: { en: 'Foundations', pt: 'Fundamentos' },
          activities: [
            {
              title: { en: 'What is a region?', pt: 'O que é uma região?' },
              body: { en: '<p>A region</p>', pt: '<p>Uma região</p>' },
            },
            {
              kind: 'link',
              title: { en: 'Lecture video', pt: 'Vídeo da aula' },
              url: 'https://example.org/v',
              required: false,
            },
          ],
        },
        { title: { en: 'Practice' }, activities: [{ kind: 'quiz', title: { en: 'Check yourself' } }] },
      ],
    });
    // Spanish and Portuguese, Spanish by default; the accents matter for search.
    iberian = await createCourse(t, {
      defaultLocale: 'es',
      title: { es: `Gestión pública ${marker}`, pt: `Gestão pública ${marker}` },
      summary: { es: 'Cooperación Sur-Sur' },
      topics: [`governance-${marker}`],
    });
    draft = await createCourse(t, { status: 'draft', title: { en: `Unfinished ${marker}` } });
    await createCohort(t, admin, bilingual.id, {
      name: 'Open run',
      capacity: 20,
      startDate: day(5),
      endDate: day(90),
    });
    await createCohort(t, admin, bilingual.id, { name: 'Ended run', startDate: day(-90), endDate: day(-1) });
    await createCohort(t, admin, bilingual.id, { name: 'Invite run', enrolmentMode: 'invite' });
  });
  afterAll(() => t.close());

  const get = (url: string, headers: Record<string, string> = {}) =>
    t.request({ method: 'GET', url, headers });

  describe('the catalogue', () => {
    it('lists published courses without signing in, with open cohorts and seats left', async () => {
      const res = await get(`/api/catalogue?q=${marker}`);
      expect(res.statusCode).toBe(200);
      const page: Page<CatalogueCourse> = res.json();
      expect(page.items.map((c) => c.id).sort()).toEqual([bilingual.id, iberian.id].sort());
      const card = page.items.find((c) => c.id === bilingual.id);
      expect(card).toMatchObject({
        slug: bilingual.slug,
        locale: 'en',
        locales: ['en', 'pt'],
        programmeTitle: 'Regional development',
        topics: [`planning-${marker}`],
      });
      expect(card?.openCohorts.map((c) => [c.name, c.seatsLeft])).toEqual([['Open run', 20]]);
    });

    it('finds text whatever the accents and case, in any language', async () => {
      const byAccentless: Page<CatalogueCourse> = (await get(`/api/catalogue?q=GESTAO+${marker}`)).json();
      expect(byAccentless.items.map((c) => c.id)).toEqual([iberian.id]);
      const bySummary: Page<CatalogueCourse> = (await get(`/api/catalogue?q=cooperacion%20${marker}`)).json();
      expect(bySummary.items.map((c) => c.id)).toEqual([iberian.id]);
      expect(((await get(`/api/catalogue?q=${marker}%25`)).json() as Page<CatalogueCourse>).items).toEqual(
        [],
      );
    });

    it('filters by language and topic, and shows text in the language asked for', async () => {
      const spanish: Page<CatalogueCourse> = (await get(`/api/catalogue?q=${marker}&locale=es`)).json();
      expect(spanish.items.map((c) => [c.id, c.title, c.locale])).toEqual([
        [iberian.id, `Gestión pública ${marker}`, 'es'],
      ]);
      const portuguese: Page<CatalogueCourse> = (await get(`/api/catalogue?q=${marker}&locale=pt`)).json();
      expect(portuguese.items.map((c) => c.title).sort()).toEqual([
        `Gestão pública ${marker}`,
        `Planejamento territorial ${marker}`,
      ]);
      const topic: Page<CatalogueCourse> = (await get(`/api/catalogue?topic=governance-${marker}`)).json();
      expect(topic.items.map((c) => c.id)).toEqual([iberian.id]);
      expect(await (await get('/api/catalogue/topics')).json()).toEqual(
        expect.arrayContaining([`planning-${marker}`, `governance-${marker}`]),
      );
      expect((await get('/api/catalogue?locale=fr')).statusCode).toBe(400);
    });

    it('pages with a cursor', async () => {
      const first: Page<CatalogueCourse> = (await get(`/api/catalogue?q=${marker}&limit=1`)).json();
      const second: Page<CatalogueCourse> = (
        await get(`/api/catalogue?q=${marker}&limit=1&cursor=${first.nextCursor}`)
      ).json();
      expect(first.items).toHaveLength(1);
      expect(second.items).toHaveLength(1);
      expect(second.nextCursor).toBeNull();
      expect(first.items[0].id).not.toBe(second.items[0].id);
      expect((await get('/api/catalogue?cursor=bm9wZQ')).statusCode).toBe(400);
    });
  });

  describe('a course page', () => {
    it("falls back to the course's default language for a Spanish reader of an English and Portuguese course", async () => {
      const reader = await person(t, ['trainee'], { locale: 'es' });
      const page: CoursePageView = (await get(`/api/courses/${bilingual.slug}`, reader.headers)).json();
      expect(page).toMatchObject({
        locale: 'en',
        locales: ['en', 'pt'],
        title: `Territorial planning ${marker}`,
        description: '<p>What a plan is.</p>',
        enrolment: null,
      });
      expect(page.modules.map((m) => m.title)).toEqual(['Foundations', 'Practice']);
    });

    it("uses the reader's language when the course has it: query, then profile, then Accept-Language", async () => {
      const portuguese = await person(t, ['trainee'], { locale: 'pt' });
      const fromProfile: CoursePageView = (
        await get(`/api/courses/${bilingual.slug}`, portuguese.headers)
      ).json();
      expect(fromProfile).toMatchObject({
        locale: 'pt',
        title: `Planejamento territorial ${marker}`,
        summary: 'Planos que as regiões mantêm',
      });
      expect(fromProfile.modules[0]).toMatchObject({
        title: 'Fundamentos',
        activities: [{ title: 'O que é uma região?' }, { title: 'Vídeo da aula' }],
      });
      // A module without Portuguese falls back on its own.
      expect(fromProfile.modules[1].title).toBe('Practice');
      const fromBrowser: CoursePageView = (
        await get(`/api/courses/${bilingual.slug}`, { 'accept-language': 'pt-BR,pt;q=0.9' })
      ).json();
      expect(fromBrowser.locale).toBe('pt');
      const chosen: CoursePageView = (
        await get(`/api/courses/${bilingual.slug}?locale=en`, portuguese.headers)
      ).json();
      expect(chosen.locale).toBe('en');
      const iberianForEnglish: CoursePageView = (
        await get(`/api/courses/${iberian.slug}`, { 'accept-language': 'en' })
      ).json();
      expect(iberianForEnglish).toMatchObject({ locale: 'es', title: `Gestión pública ${marker}` });
    });

    it('shows the outline with open cohorts only, and the reader’s enrolment with what they have done', async () => {
      const visitor: CoursePageView = (await get(`/api/courses/${bilingual.slug}`)).json();
      expect(visitor.openCohorts.map((c) => c.name)).toEqual(['Open run']);
      expect(visitor.modules[0].activities[0]).toEqual({
        id: bilingual.activityIds[0],
        kind: 'page',
        title: 'What is a region?',
        required: true,
      });

      const trainee = await person(t);
      const enrolment = await enrolled(t, trainee, visitor.openCohorts[0].id);
      await t.request({
        method: 'POST',
        url: `/api/activities/${bilingual.activityIds[0]}/done`,
        headers: trainee.headers,
      });
      const own: CoursePageView = (await get(`/api/courses/${bilingual.slug}`, trainee.headers)).json();
      expect(own.enrolment).toMatchObject({ id: enrolment.id, status: 'active', progressPercent: 50 });
      expect(own.modules.flatMap((m) => m.activities.map((a) => a.done))).toEqual([true, false, false]);
      expect(own.openCohorts[0].seatsLeft).toBe(19);
    });

    it('is a 404 for drafts and unknown slugs, except drafts for administrators', async () => {
      const trainee = await person(t);
      expect((await get(`/api/courses/${draft.slug}`)).statusCode).toBe(404);
      expect((await get(`/api/courses/${draft.slug}`, trainee.headers)).statusCode).toBe(404);
      expect((await get(`/api/courses/${draft.slug}`, admin.headers)).statusCode).toBe(200);
      expect((await get('/api/courses/no-such-course-here')).statusCode).toBe(404);
      expect((await get('/api/courses/..%2F..%2Fetc')).statusCode).toBe(404);
      expect((await get(`/api/catalogue?q=Unfinished+${marker}`)).json()).toEqual({
        items: [],
        nextCursor: null,
      });
    });
  });
});
