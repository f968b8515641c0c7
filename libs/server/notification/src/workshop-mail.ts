import { Injectable } from '@nestjs/common';
import ical, { ICalCalendarMethod, ICalAttendeeRole, ICalAttendeeStatus, type ICalCalendar } from 'ical-generator';
import { DataSource } from 'typeorm';
import { routeUrl, webPages, type Locale, type MailRequest, type MailTemplateId, type Translations } from '@aula/contracts';
import { AppConfig, pickText } from '@aula/server/core';
import { formatDate, formatDateTime } from './local-time';
import type { MailAttachment } from './mail.transport';
import type { TemplateParams } from './mail-templates';

/** Templates of workshop mail: the request's subject is the registration. */
export const WORKSHOP_TEMPLATES: readonly MailTemplateId[] = [
  'workshop-received',
  'workshop-confirmed',
  'workshop-declined',
  'workshop-waitlisted',
  'workshop-promoted',
  'workshop-withdrawn',
  'workshop-offer-expired',
  'workshop-cancelled',
  'workshop-agenda-changed',
  'workshop-starting',
];

/** Registrations that still hear about the workshop (its agenda, its start). */
const CONFIRMED = `r.status = 'confirmed' AND w.status IN ('published', 'registration-closed', 'in-progress')`;

/** The registration status each message needs at send time (absent: sent whatever it is now). */
const STILL: Partial<Record<MailTemplateId, string>> = {
  'workshop-received': `r.status = 'pending'`,
  // No invitation for a seat given up (or a workshop cancelled) before the mail went out.
  'workshop-confirmed': CONFIRMED,
  'workshop-waitlisted': `r.status = 'waitlisted'`,
  'workshop-promoted': `r.status = 'offered'`,
  'workshop-agenda-changed': CONFIRMED,
  // Not once the first session has begun (a reminder held until daytime may come too late).
  'workshop-starting': `${CONFIRMED} AND (SELECT min(s.starts_at) FROM workshop_sessions s WHERE s.workshop_id = w.id) > now()`,
};

const LABELS: Record<Locale, { yours: string; workshop: string; noReason: string }> = {
  en: { yours: 'your time', workshop: 'workshop time', noReason: 'none given' },
  es: { yours: 'tu hora', workshop: 'hora del taller', noReason: 'no se indicó' },
  pt: { yours: 'seu horário', workshop: 'horário do workshop', noReason: 'não informado' },
};

export interface WorkshopRow {
  registrationId: string;
  registrationStatus: string;
  declineReason: string | null;
  offerExpiresAt: Date | null;
  waitlistPosition: number | null;
  workshopId: string;
  slug: string;
  title: Translations;
  defaultLocale: Locale;
  timeZone: string;
  startDate: string;
  cancelledReason: string | null;
  venue: { address?: string; city?: string; country?: string } | null;
  onlineUrl: string | null;
  matches: boolean;
}

export interface SessionRow {
  id: string;
  title: Translations;
  description: Translations;
  room: string | null;
  link: string | null;
  startsAt: Date;
  endsAt: Date;
}

export interface WorkshopMailContent {
  params: TemplateParams;
  path: string;
  items?: string[];
  attachments?: MailAttachment[];
}

/** A moment on the recipient's clock and on the workshop's, both labelled. */
export function bothClocks(at: Date, locale: Locale, recipientZone: string, workshopZone: string): string {
  const l = LABELS[locale];
  return `${formatDateTime(at, locale, recipientZone)} (${l.yours}) · ${formatDateTime(at, locale, workshopZone)} (${l.workshop}, ${workshopZone})`;
}

/** The calendar id of one workshop session: the same in the feed and in every invitation. */
export const sessionUid = (sessionId: string, host: string) => `workshop-session-${sessionId}@${host}`;

/** Adds a workshop's sessions to a calendar (UTC times, stable ids). */
export function addSessionEvents(
  calendar: ICalCalendar,
  w: Pick<WorkshopRow, 'title' | 'defaultLocale' | 'venue' | 'onlineUrl'>,
  sessions: SessionRow[],
  opts: { locale: Locale; host: string; url: string; now: Date; attendee?: { name: string; email: string }; organizer?: { name: string; email: string } },
): void {
  const workshop = pickText(w.title, opts.locale, w.defaultLocale).text;
  const place = [w.venue?.address, w.venue?.city, w.venue?.country].filter(Boolean).join(', ');
  for (const s of sessions) {
    const title = pickText(s.title, opts.locale, w.defaultLocale).text;
    const description = pickText(s.description, opts.locale, w.defaultLocale).text;
    calendar.createEvent({
      id: sessionUid(s.id, opts.host),
      stamp: opts.now,
      start: new Date(s.startsAt),
      end: new Date(s.endsAt),
      summary: `${workshop}: ${title}`,
      description: [description, s.link ?? w.onlineUrl ?? ''].filter(Boolean).join('\n\n') || undefined,
      location: [s.room, place].filter(Boolean).join(', ') || s.link || w.onlineUrl || undefined,
      url: opts.url,
      organizer: opts.organizer,
      attendees: opts.attendee
        ? [{ name: opts.attendee.name, email: opts.attendee.email, role: ICalAttendeeRole.REQ, status: ICalAttendeeStatus.ACCEPTED }]
        : [],
    });
  }
}

/** The sender as name and address, from MAIL_FROM ("Aula <no-reply@host>" or a bare address). */
function sender(mailFrom: string, platform: string): { name: string; email: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(mailFrom);
  return match ? { name: match[1] || platform, email: match[2] as string } : { name: platform, email: mailFrom.trim() };
}

/**
 * What workshop mail says, read when it is sent: the workshop's title in the recipient's language,
 * times on their clock and on the workshop's, and for a confirmed seat an iCalendar invitation
 * (METHOD:REQUEST, one event per session, the same ids as in the personal calendar feed).
 */
@Injectable()
export class WorkshopMailLoader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  private host(): string {
    return new URL(this.config.PUBLIC_URL).hostname;
  }

  async workshopOf(req: MailRequest): Promise<WorkshopRow | null> {
    const still = STILL[req.template] ?? 'true';
    const [row] = (await this.dataSource.query(
      `SELECT r.id AS "registrationId", r.status AS "registrationStatus", r.decline_reason AS "declineReason",
              r.offer_expires_at AS "offerExpiresAt",
              CASE WHEN r.status = 'waitlisted' THEN (SELECT count(*)::int FROM workshop_registrations q
                WHERE q.workshop_id = r.workshop_id AND q.status = 'waitlisted' AND q.arrival <= r.arrival) END AS "waitlistPosition",
              w.id AS "workshopId", w.slug, w.title, w.default_locale AS "defaultLocale", w.time_zone AS "timeZone",
              to_char(w.start_date, 'YYYY-MM-DD') AS "startDate", w.cancelled_reason AS "cancelledReason", w.venue, w.online_url AS "onlineUrl",
              (${still}) AS matches
         FROM workshop_registrations r JOIN workshops w ON w.id = r.workshop_id
        WHERE r.id = $1 AND r.user_id = $2`,
      [req.subjectId, req.userId],
    )) as WorkshopRow[];
    return row ?? null;
  }

  sessionsOf(workshopId: string): Promise<SessionRow[]> {
    return this.dataSource.query(
      `SELECT id, title, description, room, link, starts_at AS "startsAt", ends_at AS "endsAt"
         FROM workshop_sessions WHERE workshop_id = $1 ORDER BY starts_at, id`,
      [workshopId],
    ) as Promise<SessionRow[]>;
  }

  /** Whether the message still says something true (a promotion still open, a seat still held...). */
  async stillDue(req: MailRequest): Promise<boolean> {
    return !!(await this.workshopOf(req))?.matches;
  }

  async load(req: MailRequest, to: { locale: Locale; timeZone: string; displayName: string; email: string }, publicUrl: string): Promise<WorkshopMailContent | null> {
    const w = await this.workshopOf(req);
    if (!w?.matches) return null;
    const locale = to.locale;
    const sessions = await this.sessionsOf(w.workshopId);
    const clocks = (at: Date) => bothClocks(new Date(at), locale, to.timeZone, w.timeZone);
    const first = sessions[0];
    const params: TemplateParams = {
      workshop: pickText(w.title, locale, w.defaultLocale).text,
      start: first ? clocks(first.startsAt) : formatDate(w.startDate, locale),
      reason: (req.template === 'workshop-cancelled' ? w.cancelledReason : w.declineReason)?.trim() || LABELS[locale].noReason,
      position: w.waitlistPosition ?? '',
      deadline: w.offerExpiresAt ? clocks(w.offerExpiresAt) : '',
    };
    const path = routeUrl(webPages.workshop, { slug: w.slug });
    const content: WorkshopMailContent = { params, path };
    if (req.template === 'workshop-agenda-changed') {
      content.items = sessions.map((s) => `${clocks(s.startsAt)}: ${pickText(s.title, locale, w.defaultLocale).text}`);
    }
    if (req.template === 'workshop-confirmed' && sessions.length) {
      content.attachments = [
        { filename: 'workshop.ics', contentType: 'text/calendar; charset=utf-8; method=REQUEST', content: this.invitation(w, sessions, to, publicUrl, path) },
      ];
    }
    return content;
  }

  /** The invitation: METHOD:REQUEST, the recipient as attendee, the platform as organiser. */
  invitation(w: WorkshopRow, sessions: SessionRow[], to: { locale: Locale; displayName: string; email: string }, publicUrl: string, path: string, now = new Date()): string {
    const platform = this.config.PLATFORM_NAME;
    const calendar = ical({
      name: pickText(w.title, to.locale, w.defaultLocale).text,
      prodId: { company: platform, product: 'Workshops', language: to.locale },
      method: ICalCalendarMethod.REQUEST,
      scale: 'GREGORIAN',
    });
    addSessionEvents(calendar, w, sessions, {
      locale: to.locale,
      host: this.host(),
      url: `${publicUrl}${path}`,
      now,
      attendee: { name: to.displayName, email: to.email },
      organizer: sender(this.config.MAIL_FROM, platform),
    });
    return calendar.toString();
  }

  /** Confirmed participants of a workshop that still runs: who hears of an agenda change. */
  async confirmedParticipants(workshopId: string): Promise<{ registrationId: string; userId: string }[]> {
    return (await this.dataSource.query(
      `SELECT r.id AS "registrationId", r.user_id AS "userId"
         FROM workshop_registrations r JOIN workshops w ON w.id = r.workshop_id
        WHERE r.workshop_id = $1 AND ${CONFIRMED} ORDER BY r.arrival`,
      [workshopId],
    )) as { registrationId: string; userId: string }[];
  }
}
