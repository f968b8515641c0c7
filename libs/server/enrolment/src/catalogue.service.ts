import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  PAGE_LIMIT_DEFAULT,
  type ActivityKind,
  type CatalogueCourse,
  type CatalogueQuery,
  type CourseStatus,
  type CoursePageView,
  type Locale,
  type Page,
  type Translations,
} from '@aula/contracts';
import { pickText, readerLocale, searchKey } from '@aula/server/core';
import { keysetPage, PreparedSql } from '@aula/server/database';
import { IdentityReader, type Actor } from '@aula/server/identity';
import { EnrolmentPolicy } from './enrolment.policy';
import {
  COHORT_JSON,
  decodeKeyset,
  OPEN_COHORT_CONDITION,
  toCohortSummary,
  toEnrolmentSummary,
  type CohortRow,
  type EnrolmentRow,
} from './views';

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

interface CatalogueRow {
  id: string;
  slug: string;
  defaultLocale: Locale;
  locales: Locale[];
  title: Translations;
  summary: Translations;
  topics: string[];
  estimatedHours: number | null;
  programmeTitle: Translations;
  programmeLocale: Locale;
  openCohorts: CohortRow[];
}

interface CoursePageRow extends CatalogueRow {
  status: CourseStatus;
  description: Translations;
  readerLocale: Locale | null;
  modules: {
    id: string;
    title: Translations;
    activities: { id: string; kind: ActivityKind; title: Translations; required: boolean }[];
  }[];
  enrolment: (EnrolmentRow & { doneIds: string[] }) | null;
}

/** Course, programme and open cohorts of courses `co` (joined to programmes `p`). */
const COURSE_CARD_COLUMNS = `co.id, co.slug, co.default_locale AS "defaultLocale", co.locales::text[] AS locales, co.title, co.summary, co.topics,
       co.estimated_hours AS "estimatedHours", p.title AS "programmeTitle", p.default_locale AS "programmeLocale",
       (SELECT coalesce(json_agg(${COHORT_JSON} ORDER BY c.start_date, c.id), '[]')
          FROM cohorts c WHERE c.course_id = co.id AND ${OPEN_COHORT_CONDITION}) AS "openCohorts"`;

/**
 * The course page in one statement: $1 the slug, $2 the reader (null for a visitor). The outline,
 * open cohorts and the reader's enrolment with the activities they have done come as JSON.
 * Indexes used: courses_slug_key, course_modules_course_id_position_idx,
 * activities_module_id_position_idx, cohorts_course_id_idx, enrolments_user_id_idx and the
 * activity_completions primary key.
 */
export const COURSE_PAGE_SQL = `
SELECT ${COURSE_CARD_COLUMNS}, co.status, co.description,
       (SELECT u.locale FROM users u WHERE u.id = $2) AS "readerLocale",
       (SELECT coalesce(json_agg(json_build_object(
                 'id', m.id, 'title', m.title,
                 'activities', (SELECT coalesce(json_agg(json_build_object('id', a.id, 'kind', a.kind, 'title', a.title, 'required', a.required)
                                                         ORDER BY a.position, a.created_at, a.id), '[]')
                                  FROM activities a WHERE a.module_id = m.id))
               ORDER BY m.position, m.created_at, m.id), '[]')
          FROM course_modules m WHERE m.course_id = co.id) AS modules,
       (SELECT json_build_object('id', e.id, 'cohortId', e.cohort_id, 'status', e.status, 'progressPercent', e.progress_percent,
                                 'lastActivityAt', e.last_activity_at, 'completedAt', e.completed_at,
                                 'doneIds', (SELECT coalesce(json_agg(ac.activity_id), '[]') FROM activity_completions ac WHERE ac.enrolment_id = e.id))
          FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id
         WHERE e.user_id = $2 AND c.course_id = co.id
         ORDER BY array_position(ARRAY['active', 'completed', 'pending', 'waitlisted', 'withdrawn']::enrolment_status[], e.status), e.created_at DESC
         LIMIT 1) AS enrolment
  FROM courses co JOIN programmes p ON p.id = co.programme_id
 WHERE co.slug = $1`;

/** Prepared: every course page view runs it, and planning its nested outline costs more than running it. */
const COURSE_PAGE = new PreparedSql(COURSE_PAGE_SQL);

/** What visitors and learners read about courses: the public catalogue and course pages. */
@Injectable()
export class CatalogueService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: EnrolmentPolicy,
    private readonly people: IdentityReader,
  ) {}

  /**
   * Published courses by slug, keyset-paginated; `q` matches every word in any language's title or
   * summary (accents and case ignored), `locale` keeps courses offered in that language.
   */
  async catalogue(
    actor: Actor | null,
    query: CatalogueQuery,
    acceptLanguage?: string,
  ): Promise<Page<CatalogueCourse>> {
    const limit = query.limit ?? PAGE_LIMIT_DEFAULT;
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where = [`co.status = 'published'`];
    const words = query.q ? searchKey(query.q).split(' ').filter(Boolean).slice(0, 8) : [];
    for (const word of words) where.push(`co.search_text LIKE ${param(`%${escapeLike(word)}%`)}`);
    if (query.locale) where.push(`${param(query.locale)}::user_locale = ANY(co.locales)`);
    if (query.topic) where.push(`${param(query.topic)} = ANY(co.topics)`);
    if (query.cursor) {
      const [slug, id] = decodeKeyset(query.cursor);
      where.push(`(co.slug, co.id) > (${param(slug)}, ${param(id)}::uuid)`);
    }
    const rows = (await this.dataSource.query(
      `SELECT ${COURSE_CARD_COLUMNS}
         FROM courses co JOIN programmes p ON p.id = co.programme_id
        WHERE ${where.join(' AND ')}
        ORDER BY co.slug, co.id
        LIMIT ${param(limit + 1)}`,
      params,
    )) as CatalogueRow[];
    const wanted = readerLocale(
      query.locale,
      actor ? await this.people.locale(actor.id) : null,
      acceptLanguage,
    );
    return keysetPage(rows, limit, (row) => toCatalogueCourse(row, wanted), (last) => [last.slug, last.id]);
  }

  async topics(): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT t.topic FROM courses co, unnest(co.topics) AS t(topic) WHERE co.status = 'published' ORDER BY t.topic`,
    )) as { topic: string }[];
    return rows.map((r) => r.topic);
  }

  /**
   * A course page in the reader's language (their choice, else their profile, else their browser,
   * else the course's default), with the reader's enrolment. Drafts and archived courses exist
   * only for administrators.
   */
  async coursePage(
    actor: Actor | null,
    slug: string,
    explicit?: Locale,
    acceptLanguage?: string,
  ): Promise<CoursePageView> {
    const [row] = await COURSE_PAGE.run<CoursePageRow>(this.dataSource.manager, [slug, actor?.id ?? null]);
    if (!row || (row.status !== 'published' && !(actor && this.policy.isAdmin(actor))))
      throw new NotFoundException('No such course.');
    const wanted = readerLocale(explicit, row.readerLocale, acceptLanguage);
    const title = pickText(row.title, wanted, row.defaultLocale);
    // The rest follows the title's language, so a page does not mix languages where it can help it.
    const pick = (text: Translations) => pickText(text, title.locale, row.defaultLocale).text;
    const showDone = row.enrolment?.status === 'active' || row.enrolment?.status === 'completed';
    const done = new Set(row.enrolment?.doneIds ?? []);
    return {
      id: row.id,
      slug: row.slug,
      locale: title.locale,
      locales: row.locales,
      title: title.text,
      summary: pick(row.summary),
      description: pick(row.description),
      topics: row.topics,
      estimatedHours: row.estimatedHours,
      programmeTitle: pickText(row.programmeTitle, wanted, row.programmeLocale).text,
      modules: row.modules.map((m) => ({
        id: m.id,
        title: pick(m.title),
        activities: m.activities.map((a) => ({
          id: a.id,
          kind: a.kind,
          title: pick(a.title),
          required: a.required,
          ...(showDone ? { done: done.has(a.id) } : {}),
        })),
      })),
      openCohorts: row.openCohorts.map(toCohortSummary),
      enrolment: row.enrolment ? toEnrolmentSummary(row.enrolment) : null,
    };
  }
}

function toCatalogueCourse(row: CatalogueRow, wanted: Locale | null): CatalogueCourse {
  const title = pickText(row.title, wanted, row.defaultLocale);
  return {
    id: row.id,
    slug: row.slug,
    title: title.text,
    summary: pickText(row.summary, title.locale, row.defaultLocale).text,
    locale: title.locale,
    locales: row.locales,
    topics: row.topics,
    programmeTitle: pickText(row.programmeTitle, wanted, row.programmeLocale).text,
    estimatedHours: row.estimatedHours,
    openCohorts: row.openCohorts.map(toCohortSummary),
  };
}
