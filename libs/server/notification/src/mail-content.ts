import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { routeUrl, webPages, type Locale, type MailRequest, type MailTemplateId, type Translations } from '@aula/contracts';
import { pickText } from '@aula/server/core';
import { PreparedSql } from '@aula/server/database';
import { InvitationService } from '@aula/server/identity';
import { formatDate, formatDateTime } from './local-time';
import type { TemplateParams } from './mail-templates';
import { PasswordResetService } from './password-reset.service';
import { INACTIVITY_DAYS, LAST_SEEN_SQL } from './reminder-rules';
import { MAIL_BATCHING, StatementBatcher } from './statement-batcher';
import type { MailAttachment } from './mail.transport';
import { WORKSHOP_TEMPLATES, WorkshopMailLoader } from './workshop-mail';

export interface Recipient {
  id: string;
  email: string;
  displayName: string;
  locale: Locale;
  timeZone: string;
  active: boolean;
}

export interface MailContent {
  params: TemplateParams;
  /** Where the action button leads: a web path ('/...') or a full URL. */
  path: string;
  /** Lines listed under the text (an agenda). */
  items?: string[];
  attachments?: MailAttachment[];
}

interface CourseRow {
  courseTitle: Translations;
  defaultLocale: Locale;
  slug: string;
  cohortName: string;
  startDate: string;
  cohortId: string;
  courseId: string;
}

/** Reminders about a piece of work: whether it is still undone and what the message says about it. */
const DEADLINE_TEMPLATES: readonly MailTemplateId[] = ['assignment-due', 'quiz-closing', 'work-overdue'];

interface DueWorkRow {
  i: number;
  /** The enrolment is still active and the work is still undone. */
  due: boolean;
  title: Translations;
  courseTitle: Translations;
  defaultLocale: Locale;
  dueAt: Date | null;
  closesAt: Date | null;
}

/**
 * Whether the work is done and the trainee's dates come from assessment's read models
 * (assessment_submitted_work, assessment_deadlines; an extension whose cohort dates were removed
 * still gives its own, from assessment_deadline_extensions).
 * Many reminders at once (one row per request, by position): a burst of thousands of reminders
 * reads its work in a few round trips instead of three per message.
 */
const DUE_WORK_SQL = `SELECT r.i::int AS i,
       e.status = 'active' AND NOT EXISTS (SELECT 1 FROM assessment_submitted_work w WHERE w.activity_id = a.id AND w.enrolment_id = e.id
         AND w.kind = CASE WHEN r.template = 'quiz-closing' THEN 'quiz' ELSE 'assignment' END) AS due,
       a.title, co.title AS "courseTitle", co.default_locale AS "defaultLocale",
       COALESCE(d.due_at, x.due_at) AS "dueAt", COALESCE(d.closes_at, x.closes_at) AS "closesAt"
  FROM unnest($1::uuid[], $2::uuid[], $3::varchar[]) WITH ORDINALITY AS r(enrolment_id, activity_id, template, i)
  JOIN enrolments e ON e.id = r.enrolment_id
  JOIN cohorts c ON c.id = e.cohort_id
  JOIN courses co ON co.id = c.course_id
  JOIN activities a ON a.id = r.activity_id
  LEFT JOIN assessment_deadlines d ON d.enrolment_id = e.id AND d.activity_id = a.id
  LEFT JOIN assessment_deadline_extensions x ON x.enrolment_id = e.id AND x.activity_id = a.id`;

const COHORT_SQL = `SELECT co.title AS "courseTitle", co.default_locale AS "defaultLocale", co.slug, c.name AS "cohortName",
       to_char(c.start_date, 'YYYY-MM-DD') AS "startDate", c.id AS "cohortId", co.id AS "courseId"
  FROM cohorts c JOIN courses co ON co.id = c.course_id`;

/**
 * What each message says, read from the database when it is sent (the event carries ids only), in
 * the recipient's language and time zone. null: nothing to send any more (an invitation already
 * accepted, a reminder whose work was done).
 */
@Injectable()
export class MailContentLoader {
  private readonly dueWork: StatementBatcher<MailRequest, DueWorkRow | null>;
  private readonly dueWorkSql = new PreparedSql(DUE_WORK_SQL);

  constructor(
    private readonly dataSource: DataSource,
    private readonly invitations: InvitationService,
    private readonly passwordResets: PasswordResetService,
    private readonly workshops: WorkshopMailLoader,
  ) {
    this.dueWork = new StatementBatcher(async (reqs) => {
      const rows = await this.dueWorkSql.run<DueWorkRow>(this.dataSource.manager, [
        reqs.map((r) => r.enrolmentId ?? null),
        reqs.map((r) => r.subjectId),
        reqs.map((r) => r.template),
      ]);
      const byIndex = new Map(rows.map((r) => [r.i, r]));
      return reqs.map((_, i) => byIndex.get(i + 1) ?? null);
    }, MAIL_BATCHING);
  }

  /**
   * What to send, or null when there is nothing to send any more: the reminder no longer helps
   * (checked again at send time, after any delay), or its object is gone.
   */
  async prepare(req: MailRequest, to: Recipient, publicUrl: string): Promise<MailContent | null> {
    if (DEADLINE_TEMPLATES.includes(req.template)) {
      const row = req.enrolmentId ? await this.dueWork.push(req) : null;
      return row?.due ? this.deadlineContent(req, row, to) : null;
    }
    if (WORKSHOP_TEMPLATES.includes(req.template)) return this.workshops.load(req, to, publicUrl);
    if (!(await this.stillDue(req))) return null;
    return this.load(req, to, publicUrl);
  }

  private deadlineContent(req: MailRequest, row: DueWorkRow, to: Recipient): MailContent {
    const when = (d: Date) => formatDateTime(d, to.locale, to.timeZone);
    return {
      params: {
        course: pickText(row.courseTitle, to.locale, row.defaultLocale).text,
        activity: this.activityTitle(row.title, to.locale, row.defaultLocale),
        due: row.dueAt ? when(new Date(row.dueAt)) : '',
        closes: row.closesAt ? when(new Date(row.closesAt)) : '',
      },
      path: routeUrl(webPages.activity, { id: req.subjectId }),
    };
  }

  private async one<T>(sql: string, params: unknown[]): Promise<T | null> {
    const rows = (await this.dataSource.query(sql, params)) as T[];
    return rows[0] ?? null;
  }

  private course(row: CourseRow, locale: Locale): string {
    return pickText(row.courseTitle, locale, row.defaultLocale).text;
  }

  private activityTitle(title: Translations, locale: Locale, fallback: Locale): string {
    return pickText(title, locale, fallback).text;
  }

  /** Would the reminder still help? Checked again when it is sent, after any delay. */
  async stillDue(req: MailRequest): Promise<boolean> {
    const enrolmentActive = async () =>
      !!req.enrolmentId && !!(await this.one(`SELECT 1 FROM enrolments WHERE id = $1 AND status = 'active'`, [req.enrolmentId]));
    switch (req.template) {
      case 'assignment-due':
      case 'work-overdue':
      case 'quiz-closing':
        return !!req.enrolmentId && !!(await this.dueWork.push(req))?.due;
      case 'cohort-starting':
        return enrolmentActive();
      case 'inactivity':
        return (
          (await enrolmentActive()) &&
          !!(await this.one(
            `SELECT 1 FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id WHERE e.id = $1 AND ${LAST_SEEN_SQL} < now() - make_interval(days => $2)`,
            [req.enrolmentId, INACTIVITY_DAYS],
          ))
        );
      case 'marking-waiting':
        return (await this.waitingCount(req.subjectId)) > 0;
      case 'workshop-agenda-changed':
      case 'workshop-starting':
        return this.workshops.stillDue(req);
      default:
        return true;
    }
  }

  /** Submissions of a cohort waiting more than 48 h without a mark. */
  async waitingCount(cohortId: string): Promise<number> {
    const row = await this.one<{ n: number }>(
      `SELECT count(*)::int AS n FROM assessment_unmarked_submissions s JOIN enrolments e ON e.id = s.enrolment_id
        WHERE e.cohort_id = $1 AND e.status IN ('active', 'completed') AND s.submitted_at < now() - interval '48 hours'`,
      [cohortId],
    );
    return row?.n ?? 0;
  }

  async load(req: MailRequest, to: Recipient, publicUrl: string): Promise<MailContent | null> {
    const locale = to.locale;
    const when = (d: Date) => formatDateTime(d, locale, to.timeZone);
    switch (req.template) {
      case 'invitation': {
        const issued = await this.invitations.issueToken(req.subjectId);
        if (!issued) return null;
        return { params: { expires: when(issued.expiresAt) }, path: `${publicUrl}${routeUrl(webPages.acceptInvitation, { token: issued.token })}` };
      }
      case 'password-reset': {
        const issued = await this.passwordResets.issueToken(req.subjectId);
        if (!issued) return null;
        return { params: { expires: when(issued.expiresAt) }, path: `${publicUrl}${routeUrl(webPages.resetPassword, { token: issued.token })}` };
      }
      case 'enrolment-approved':
      case 'enrolment-waitlisted':
      case 'enrolment-promoted':
      case 'cohort-starting':
      case 'inactivity': {
        const row = await this.one<CourseRow>(`${COHORT_SQL} JOIN enrolments e ON e.cohort_id = c.id WHERE e.id = $1`, [req.enrolmentId ?? req.subjectId]);
        if (!row) return null;
        return {
          params: { course: this.course(row, locale), cohort: row.cohortName, start: formatDate(row.startDate, locale), days: 7 },
          path: routeUrl(webPages.course, { slug: row.slug }),
        };
      }
      case 'marking-waiting': {
        const row = await this.one<CourseRow>(`${COHORT_SQL} WHERE c.id = $1`, [req.subjectId]);
        if (!row) return null;
        return {
          params: { course: this.course(row, locale), cohort: row.cohortName, count: await this.waitingCount(req.subjectId) },
          path: routeUrl(webPages.tutorMarking, { id: row.cohortId }),
        };
      }
      case 'certificate-issued': {
        const row = await this.one<CourseRow>(`${COHORT_SQL} JOIN certificates ce ON ce.cohort_id = c.id WHERE ce.id = $1`, [req.subjectId]);
        if (!row) return null;
        return { params: { course: this.course(row, locale), cohort: row.cohortName }, path: routeUrl(webPages.learnerHome) };
      }
      case 'submission-receipt': {
        const row = await this.one<CourseRow & { title: Translations; submittedAt: Date; version: number; activityId: string }>(
          `${COHORT_SQL} JOIN enrolments e ON e.cohort_id = c.id
             JOIN assessment_submitted_versions v ON v.enrolment_id = e.id AND v.version = $2
             JOIN activities a ON a.id = v.activity_id
            WHERE v.submission_id = $1`.replace('SELECT ', 'SELECT a.title, a.id AS "activityId", v.submitted_at AS "submittedAt", v.version, '),
          [req.subjectId, Number(req.occasion.replace(/^v/, ''))],
        );
        if (!row) return null;
        return {
          params: {
            course: this.course(row, locale),
            activity: this.activityTitle(row.title, locale, row.defaultLocale),
            version: row.version,
            submittedAt: when(new Date(row.submittedAt)),
          },
          path: routeUrl(webPages.activity, { id: row.activityId }),
        };
      }
      case 'grade-released': {
        const row = await this.one<CourseRow & { title: Translations; enrolmentId: string }>(
          `${COHORT_SQL} JOIN enrolments e ON e.cohort_id = c.id JOIN assessment_released_grades g ON g.enrolment_id = e.id
             JOIN activities a ON a.id = g.activity_id
            WHERE g.grade_id = $1`.replace('SELECT ', 'SELECT a.title, e.id AS "enrolmentId", '),
          [req.subjectId],
        );
        if (!row) return null;
        return {
          params: { course: this.course(row, locale), activity: this.activityTitle(row.title, locale, row.defaultLocale) },
          path: routeUrl(webPages.myGrades, { enrolmentId: row.enrolmentId }),
        };
      }
      case 'assignment-due':
      case 'quiz-closing':
      case 'work-overdue': {
        const row = req.enrolmentId ? await this.dueWork.push(req) : null;
        return row ? this.deadlineContent(req, row, to) : null;
      }
      case 'digest':
        return { params: {}, path: '/' };
      case 'workshop-received':
      case 'workshop-confirmed':
      case 'workshop-declined':
      case 'workshop-waitlisted':
      case 'workshop-promoted':
      case 'workshop-withdrawn':
      case 'workshop-offer-expired':
      case 'workshop-cancelled':
      case 'workshop-agenda-changed':
      case 'workshop-starting':
        return this.workshops.load(req, to, publicUrl);
    }
  }
}
