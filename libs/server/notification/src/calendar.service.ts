import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { DataSource } from 'typeorm';
import {
  notificationApi,
  routeUrl,
  webPages,
  type CalendarFeedView,
  type Locale,
  type Translations,
} from '@aula/contracts';
import { AppConfig, pickText } from '@aula/server/core';
import { CalendarFeed } from './calendar-feed.entity';
import { addSessionEvents, type SessionRow, type WorkshopRow } from './workshop-mail';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

const LABELS: Record<Locale, { due: string; quiz: string; cohort: string; closes: string }> = {
  en: { due: 'Due', quiz: 'Quiz open', cohort: 'Course', closes: 'Closes' },
  es: { due: 'Vence', quiz: 'Cuestionario abierto', cohort: 'Curso', closes: 'Cierra' },
  pt: { due: 'Prazo', quiz: 'Questionário aberto', cohort: 'Curso', closes: 'Fecha' },
};

interface FeedRow {
  enrolmentId: string;
  cohortName: string;
  startDate: string;
  endDate: string;
  courseTitle: Translations;
  defaultLocale: Locale;
  slug: string;
}

interface DateRow {
  enrolmentId: string;
  activityId: string;
  kind: 'quiz' | 'assignment';
  title: Translations;
  defaultLocale: Locale;
  opensAt: Date | null;
  dueAt: Date | null;
  closesAt: Date | null;
}

/**
 * A person's private calendar (iCalendar): cohort dates, assignment due times and quiz windows,
 * with each trainee's extensions. The address carries a random token stored hashed; regenerating
 * replaces it and revoking deletes it.
 */
@Injectable()
export class CalendarService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  private url(token: string): string {
    return `${this.config.PUBLIC_URL.replace(/\/+$/, '')}${routeUrl(notificationApi.calendarFile, { file: `${token}.ics` })}`;
  }

  async status(userId: string): Promise<CalendarFeedView> {
    const feed = await this.dataSource.getRepository(CalendarFeed).findOne({ where: { userId } });
    return { url: null, active: !!feed, createdAt: feed?.createdAt.toISOString() ?? null };
  }

  /** A new address; the previous one stops working at once. */
  async regenerate(userId: string): Promise<CalendarFeedView> {
    const token = randomBytes(32).toString('base64url');
    await this.dataSource.query(
      `INSERT INTO calendar_feeds (user_id, token_hash) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now()`,
      [userId, hashToken(token)],
    );
    const feed = await this.status(userId);
    return { ...feed, url: this.url(token) };
  }

  async revoke(userId: string): Promise<void> {
    await this.dataSource.getRepository(CalendarFeed).delete({ userId });
  }

  /** The calendar behind a token; null for an unknown or revoked token. */
  async render(token: string, now = new Date()): Promise<string | null> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
    const [owner] = (await this.dataSource.query(
      `SELECT u.id, u.locale FROM calendar_feeds f JOIN users u ON u.id = f.user_id AND u.active WHERE f.token_hash = $1`,
      [hashToken(token)],
    )) as { id: string; locale: Locale }[];
    if (!owner) return null;
    const locale = owner.locale;
    const labels = LABELS[locale];
    const cohorts = (await this.dataSource.query(
      `SELECT e.id AS "enrolmentId", c.name AS "cohortName", to_char(c.start_date, 'YYYY-MM-DD') AS "startDate",
              to_char(c.end_date + 1, 'YYYY-MM-DD') AS "endDate", co.title AS "courseTitle", co.default_locale AS "defaultLocale", co.slug
         FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id JOIN courses co ON co.id = c.course_id
        WHERE e.user_id = $1 AND e.status IN ('active', 'completed')`,
      [owner.id],
    )) as FeedRow[];
    const dates = (await this.dataSource.query(
      `SELECT e.id AS "enrolmentId", a.id AS "activityId", a.kind, a.title, co.default_locale AS "defaultLocale",
              d.opens_at AS "opensAt", d.due_at AS "dueAt", d.closes_at AS "closesAt"
         FROM enrolments e
         JOIN cohorts c ON c.id = e.cohort_id JOIN courses co ON co.id = c.course_id
         JOIN assessment_deadlines d ON d.enrolment_id = e.id
         JOIN activities a ON a.id = d.activity_id AND a.kind IN ('quiz', 'assignment')
        WHERE e.user_id = $1 AND e.status = 'active'`,
      [owner.id],
    )) as DateRow[];

    const platform = this.config.PLATFORM_NAME;
    const base = this.config.PUBLIC_URL.replace(/\/+$/, '');
    const host = new URL(base).hostname;
    const calendar = ical({
      name: platform,
      prodId: { company: platform, product: 'Calendar', language: locale },
      method: ICalCalendarMethod.PUBLISH,
      scale: 'GREGORIAN',
    });
    const event = (
      uid: string,
      summary: string,
      url: string,
      when: { start: Date | string; end?: Date | string; allDay?: boolean },
    ) => calendar.createEvent({ id: `${uid}@${host}`, stamp: now, summary, url, ...when });
    for (const c of cohorts) {
      const course = pickText(c.courseTitle, locale, c.defaultLocale).text;
      event(
        `cohort-${c.enrolmentId}`,
        `${labels.cohort}: ${course} (${c.cohortName})`,
        `${base}${routeUrl(webPages.course, { slug: c.slug })}`,
        { start: c.startDate, end: c.endDate, allDay: true },
      );
    }
    for (const d of dates) {
      const title = pickText(d.title, locale, d.defaultLocale).text;
      const url = `${base}${routeUrl(webPages.activity, { id: d.activityId })}`;
      if (d.kind === 'assignment' && d.dueAt) {
        event(`due-${d.activityId}-${d.enrolmentId}`, `${labels.due}: ${title}`, url, {
          start: new Date(d.dueAt),
        });
      } else if (d.kind === 'quiz' && d.closesAt) {
        const start = d.opensAt && new Date(d.opensAt) < new Date(d.closesAt) ? new Date(d.opensAt) : null;
        event(
          `quiz-${d.activityId}-${d.enrolmentId}`,
          start ? `${labels.quiz}: ${title}` : `${labels.closes}: ${title}`,
          url,
          start ? { start, end: new Date(d.closesAt) } : { start: new Date(d.closesAt) },
        );
      }
    }
    // Workshops with a confirmed seat: each session, under the same id as in the mailed invitation.
    const sessions = (await this.dataSource.query(
      `SELECT w.id AS "workshopId", w.slug, w.title AS "workshopTitle", w.default_locale AS "defaultLocale", w.venue, w.online_url AS "onlineUrl",
              s.id, s.title, s.description, s.room, s.link, s.starts_at AS "startsAt", s.ends_at AS "endsAt"
         FROM workshop_registrations r
         JOIN workshops w ON w.id = r.workshop_id AND w.status NOT IN ('draft', 'cancelled')
         JOIN workshop_sessions s ON s.workshop_id = w.id
        WHERE r.user_id = $1 AND r.status = 'confirmed'
        ORDER BY s.starts_at, s.id`,
      [owner.id],
    )) as (SessionRow & Pick<WorkshopRow, 'workshopId' | 'slug' | 'defaultLocale' | 'venue' | 'onlineUrl'> & { workshopTitle: Translations })[];
    for (const s of sessions) {
      addSessionEvents(calendar, { ...s, title: s.workshopTitle }, [s], {
        locale,
        host,
        url: `${base}${routeUrl(webPages.workshop, { slug: s.slug })}`,
        now,
      });
    }
    return calendar.toString();
  }
}
