import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { CalendarFeedView, Locale, Translations } from '@aula/contracts';
import { pickText } from '@aula/server/catalog';
import { AppConfig } from '@aula/server/core';
import { CalendarFeed } from './calendar-feed.entity';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

const LABELS: Record<Locale, { due: string; quiz: string; cohort: string; closes: string }> = {
  en: { due: 'Due', quiz: 'Quiz open', cohort: 'Course', closes: 'Closes' },
  es: { due: 'Vence', quiz: 'Cuestionario abierto', cohort: 'Curso', closes: 'Cierra' },
  pt: { due: 'Prazo', quiz: 'Questionário aberto', cohort: 'Curso', closes: 'Fecha' },
};

/** RFC 5545 text: backslash, semicolon, comma and line breaks escaped. */
const icsText = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
const icsTime = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
const icsDate = (iso: string) => iso.replace(/-/g, '');

/** Lines longer than 75 octets are folded (CRLF + space), never inside a UTF-8 sequence. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    if (bytes + size > (out.length ? 74 : 75)) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

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
    return `${this.config.PUBLIC_URL.replace(/\/+$/, '')}/api/calendar/${token}.ics`;
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
    const stamp = icsTime(now);
    const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:-//${icsText(platform)}//Calendar//${locale.toUpperCase()}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${icsText(platform)}`];
    const event = (uid: string, summary: string, when: string[], url: string) =>
      lines.push('BEGIN:VEVENT', `UID:${uid}@${host}`, `DTSTAMP:${stamp}`, ...when, `SUMMARY:${icsText(summary)}`, `URL:${url}`, 'END:VEVENT');
    for (const c of cohorts) {
      const course = pickText(c.courseTitle, locale, c.defaultLocale).text;
      event(`cohort-${c.enrolmentId}`, `${labels.cohort}: ${course} (${c.cohortName})`, [`DTSTART;VALUE=DATE:${icsDate(c.startDate)}`, `DTEND;VALUE=DATE:${icsDate(c.endDate)}`], `${base}/courses/${c.slug}`);
    }
    for (const d of dates) {
      const title = pickText(d.title, locale, d.defaultLocale).text;
      const url = `${base}/learn/activities/${d.activityId}`;
      if (d.kind === 'assignment' && d.dueAt) {
        event(`due-${d.activityId}-${d.enrolmentId}`, `${labels.due}: ${title}`, [`DTSTART:${icsTime(new Date(d.dueAt))}`], url);
      } else if (d.kind === 'quiz' && d.closesAt) {
        const start = d.opensAt && new Date(d.opensAt) < new Date(d.closesAt) ? new Date(d.opensAt) : null;
        event(
          `quiz-${d.activityId}-${d.enrolmentId}`,
          start ? `${labels.quiz}: ${title}` : `${labels.closes}: ${title}`,
          start ? [`DTSTART:${icsTime(start)}`, `DTEND:${icsTime(new Date(d.closesAt))}`] : [`DTSTART:${icsTime(new Date(d.closesAt))}`],
          url,
        );
      }
    }
    lines.push('END:VCALENDAR');
    return lines.map(fold).join('\r\n') + '\r\n';
  }
}
