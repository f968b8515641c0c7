import { DataSource } from 'typeorm';
import type {
  ActivityKind,
  CohortInput,
  CohortView,
  CourseStatus,
  EnrolmentSummary,
  Locale,
  Role,
  Translations,
} from '@aula/contracts';
import { localesOf, searchKey } from '@aula/server/core';
import { Activity, Course, CourseModule, Programme } from '@aula/server/catalog';
import { todayIn } from '@aula/server/enrolment';
import { IdentityService } from '@aula/server/identity';
import { uniqueEmail, type TestApp, type TestResponse } from '../../testing/test-app';

/**
 * Courses, cohorts and people for enrolment and learning tests. Courses are written straight to
 * the catalogue tables (authoring has its own tests); everything is unique per call, since test
 * files share one database.
 */

export const PASSWORD = 'a-long-enough-password';
export const UNKNOWN_ID = '5b1e3a52-8f0c-4d59-9b6e-0c8a2f1d7e44';

export const unique = (label: string) =>
  `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
export const fieldsOf = (res: TestResponse) =>
  ((res.json() as { errors?: { path: string }[] }).errors ?? []).map((e) => e.path);

export interface Person {
  id: string;
  email: string;
  token: string;
  headers: { authorization: string };
}

export async function person(
  t: TestApp,
  roles: Role[] = ['trainee'],
  extra: { locale?: Locale; displayName?: string; timeZone?: string } = {},
): Promise<Person> {
  const email = uniqueEmail(roles.join('-'));
  const user = await t.app.get(IdentityService).createUser({
    email,
    password: PASSWORD,
    displayName: extra.displayName ?? 'Test Person',
    roles,
    ...extra,
  });
  const { session } = await t.signIn(email, PASSWORD);
  return { id: user.id, email, token: session.accessToken, headers: bearer(session.accessToken) };
}

export interface ActivitySpec {
  kind?: ActivityKind;
  title: Translations;
  body?: Translations;
  required?: boolean;
  url?: string;
}

export interface CourseSpec {
  status?: CourseStatus;
  defaultLocale?: Locale;
  title?: Translations;
  summary?: Translations;
  description?: Translations;
  topics?: string[];
  modules?: { title: Translations; activities: ActivitySpec[] }[];
}

export interface CreatedCourse {
  id: string;
  slug: string;
  modules: { id: string; activityIds: string[] }[];
  activityIds: string[];
}

export async function createCourse(t: TestApp, spec: CourseSpec = {}): Promise<CreatedCourse> {
  const em = t.app.get(DataSource).manager;
  const programme = await em.save(
    Programme,
    em.create(Programme, {
      slug: unique('programme'),
      defaultLocale: 'en',
      title: { en: 'Regional development', es: 'Desarrollo regional' },
    }),
  );
  const title = spec.title ?? { en: 'Regional planning', es: 'Planificación regional' };
  const summary = spec.summary ?? {};
  const course = await em.save(
    Course,
    em.create(Course, {
      programmeId: programme.id,
      slug: unique('course'),
      status: spec.status ?? 'published',
      defaultLocale: spec.defaultLocale ?? 'en',
      title,
      summary,
      description: spec.description ?? {},
      topics: spec.topics ?? [],
      locales: localesOf(title),
      estimatedHours: 12,
      searchText: searchKey(...Object.values(title), ...Object.values(summary)),
    }),
  );
  const modules: CreatedCourse['modules'] = [];
  const moduleSpecs = spec.modules ?? [
    {
      title: { en: 'Module one', es: 'Módulo uno' },
      activities: [
        { title: { en: 'Reading', es: 'Lectura' }, body: { en: '<p>Read</p>', es: '<p>Lee</p>' } },
        { kind: 'link', title: { en: 'Video' }, url: 'https://example.org/video' },
      ],
    },
  ];
  for (const [position, m] of moduleSpecs.entries()) {
    const saved = await em.save(
      CourseModule,
      em.create(CourseModule, { courseId: course.id, position, title: m.title }),
    );
    const activityIds: string[] = [];
    for (const [index, a] of m.activities.entries()) {
      const activity = await em.save(
        Activity,
        em.create(Activity, {
          courseId: course.id,
          moduleId: saved.id,
          position: index,
          kind: a.kind ?? 'page',
          title: a.title,
          body: a.body ?? {},
          url: a.url ?? null,
          required: a.required ?? true,
        }),
      );
      activityIds.push(activity.id);
    }
    modules.push({ id: saved.id, activityIds });
  }
  return { id: course.id, slug: course.slug, modules, activityIds: modules.flatMap((m) => m.activityIds) };
}

/** The zone of the cohorts these fixtures make unless told otherwise. */
export const COHORT_ZONE = 'America/Bogota';

/**
 * YYYY-MM-DD, `days` from today in `timeZone`: cohort dates are days in the cohort's zone, so
 * "yesterday" must be yesterday there (in UTC it is still today in Bogotá from 19:00 on).
 */
export function day(days: number, timeZone = COHORT_ZONE): string {
  const today = Date.parse(`${todayIn(timeZone)}T00:00:00Z`);
  return new Date(today + days * 86400_000).toISOString().slice(0, 10);
}

export async function createCohort(
  t: TestApp,
  admin: Person,
  courseId: string,
  input: Partial<CohortInput> = {},
): Promise<CohortView> {
  const timeZone = input.timeZone ?? COHORT_ZONE;
  const res = await t.request({
    method: 'POST',
    url: '/api/admin/cohorts',
    headers: admin.headers,
    payload: {
      courseId,
      name: unique('Cohort'),
      startDate: day(-7, timeZone),
      endDate: day(60, timeZone),
      timeZone,
      capacity: null,
      enrolmentMode: 'open',
      ...input,
    },
  });
  if (res.statusCode !== 201) throw new Error(`cohort not created: ${res.statusCode} ${res.body}`);
  return res.json();
}

export async function enrol(t: TestApp, who: Person, cohortId: string): Promise<TestResponse> {
  return t.request({ method: 'POST', url: `/api/cohorts/${cohortId}/enrol`, headers: who.headers });
}

export async function enrolled(t: TestApp, who: Person, cohortId: string): Promise<EnrolmentSummary> {
  const res = await enrol(t, who, cohortId);
  if (res.statusCode !== 201) throw new Error(`not enrolled: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Outbox events of a type whose payload has `key` = `value`. */
export async function outboxEvents(
  t: TestApp,
  type: string,
  key: string,
  value: string,
): Promise<{ payload: Record<string, unknown> }[]> {
  return t.app
    .get(DataSource)
    .query(
      `SELECT payload FROM outbox_events WHERE type = $1 AND payload->>$2 = $3 ORDER BY created_at, id`,
      [type, key, value],
    );
}
