import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Locale } from '@aula/contracts';
import { IdentityService } from '@aula/server/identity';

/** Courses, cohorts and completed enrolments for certificate tests; unique per call (test files share one database). */

export interface CertificateCohort {
  courseId: string;
  cohortId: string;
}

export async function certificateCohort(db: DataSource, label = 'Certificates'): Promise<CertificateCohort> {
  const tag = randomUUID().slice(0, 8);
  const [programme] = (await db.query(
    `INSERT INTO programmes (slug, default_locale, title) VALUES ($1, 'en', $2) RETURNING id`,
    [
      `prog-${tag}`,
      JSON.stringify({ en: 'Regional development programme', es: 'Programa de desarrollo regional' }),
    ],
  )) as { id: string }[];
  const [course] = (await db.query(
    `INSERT INTO courses (programme_id, slug, status, default_locale, title, summary, description, topics, locales, estimated_hours, search_text)
     VALUES ($1, $2, 'published', 'en', $3, '{}', '{}', '{}', '{en,es}', 40, 'course') RETURNING id`,
    [programme.id, `course-${tag}`, JSON.stringify({ en: `${label} course`, es: `Curso ${label}` })],
  )) as { id: string }[];
  const [cohort] = (await db.query(
    `INSERT INTO cohorts (course_id, name, start_date, end_date, time_zone, enrolment_mode)
     VALUES ($1, $2, '2026-02-02', '2026-05-29', 'America/Bogota', 'open') RETURNING id`,
    [course.id, `Cohort ${tag}`],
  )) as { id: string }[];
  return { courseId: course.id, cohortId: cohort.id };
}

export interface CertificateTrainee {
  userId: string;
  email: string;
  enrolmentId: string;
}

export const FIXTURE_PASSWORD = 'a-long-enough-password';

export async function completedTrainee(
  db: DataSource,
  identity: IdentityService,
  cohortId: string,
  options: { displayName?: string; locale?: Locale; status?: 'completed' | 'active' } = {},
): Promise<CertificateTrainee> {
  const email = `cert.${randomUUID()}@test.aula.example`;
  const user = await identity.createUser({
    email,
    password: FIXTURE_PASSWORD,
    displayName: options.displayName ?? 'Nguyễn Thị Hằng',
    locale: options.locale ?? 'en',
  });
  const status = options.status ?? 'completed';
  const [enrolment] = (await db.query(
    `INSERT INTO enrolments (cohort_id, user_id, status, progress_percent, completed_at)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [
      cohortId,
      user.id,
      status,
      status === 'completed' ? 100 : 10,
      status === 'completed' ? new Date() : null,
    ],
  )) as { id: string }[];
  return { userId: user.id, email, enrolmentId: enrolment.id };
}
export * from './template-images';
