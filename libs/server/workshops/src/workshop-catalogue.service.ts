import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  PAGE_LIMIT_DEFAULT,
  type Locale,
  type MyWorkshopRegistration,
  type MyWorkshopsQuery,
  type Page,
  type WorkshopParticipant,
  type WorkshopPublicView,
  type WorkshopQuery,
  type WorkshopSummary,
} from '@aula/contracts';
import { localesOf, pickText } from '@aula/server/core';
import { decodeCursor, keysetPage } from '@aula/server/database';
import { DirectoryReader } from '@aula/server/directory';
import type { Actor } from '@aula/server/identity';
import { Workshop } from './workshop.entity';
import { WorkshopPolicy } from './workshop.policy';
import { WorkshopService } from './workshop.service';
import { localDate, registrationOpen, seatsLeft } from './workshop.rules';
import { hoursOf, REGISTRATION_COLUMNS, speakerViews, type RegistrationRow } from './workshop.views';
import { questionViews } from './application-form';
import { RegistrationService } from './registration.service';
import { WorkshopNotFoundError } from './workshops.errors';

/**
 * What participants and visitors read: published workshops (never drafts) in one language with
 * the catalogue's fallback, the agenda, and the reader's own registration. Online links only for
 * confirmed participants and organisers; the participant list likewise.
 */
@Injectable()
export class WorkshopCatalogueService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: WorkshopPolicy,
    private readonly directory: DirectoryReader,
    private readonly workshops: WorkshopService,
    private readonly registrations: RegistrationService,
  ) {}

  /**
   * "My workshops": every registration of the signed-in person with its workshop (drafts left
   * out), upcoming soonest first, then past latest first.
   */
  async mine(actor: Actor, query: MyWorkshopsQuery, locale: Locale | null, now = new Date()): Promise<MyWorkshopRegistration[]> {
    const today = localDate(now, 'UTC');
    const params: unknown[] = [actor.id, today];
    let when = '';
    if (query.when) when = query.when === 'past' ? 'AND w.end_date < $2' : 'AND w.end_date >= $2';
    const rows = (await this.dataSource.query(
      `SELECT ${REGISTRATION_COLUMNS} FROM workshop_registrations r JOIN workshops w ON w.id = r.workshop_id
        WHERE r.user_id = $1 AND w.status <> 'draft' ${when}
        ORDER BY (w.end_date < $2), CASE WHEN w.end_date >= $2 THEN w.start_date END ASC,
                 CASE WHEN w.end_date < $2 THEN w.start_date END DESC, w.id`,
      params,
    )) as RegistrationRow[];
    if (rows.length === 0) return [];
    const workshops = await this.dataSource.manager.find(Workshop, { where: rows.map((r) => ({ id: r.workshopId })) });
    const summaries = new Map((await this.summaries(workshops, locale, now)).map((w) => [w.id, w]));
    const views = await this.registrations.views(rows, locale);
    return views.flatMap((registration) => {
      const workshop = summaries.get(registration.workshopId);
      return workshop ? [{ registration, workshop }] : [];
    });
  }

  /** Upcoming (soonest first) or past (latest first) workshops, filtered by kind, format, participating region and month. */
  async list(query: WorkshopQuery, locale: Locale | null, now = new Date()): Promise<Page<WorkshopSummary>> {
    const limit = query.limit ?? PAGE_LIMIT_DEFAULT;
    const past = query.when === 'past';
    const qb = this.dataSource.manager
      .createQueryBuilder(Workshop, 'w')
      .where(`w.status <> 'draft'`)
      .orderBy('w.startDate', past ? 'DESC' : 'ASC')
      .addOrderBy('w.id', past ? 'DESC' : 'ASC')
      .limit(limit + 1);
    const today = localDate(now, 'UTC');
    if (query.when) qb.andWhere(past ? 'w.end_date < :today' : 'w.end_date >= :today', { today });
    if (query.kind) qb.andWhere('w.kind = :kind', { kind: query.kind });
    if (query.format) qb.andWhere('w.format = :format', { format: query.format });
    if (query.regionId) qb.andWhere(':region = ANY(w.participating_region_ids)', { region: query.regionId });
    if (query.month) {
      // Any day of the workshop in the month: it starts before the month ends and ends after it starts.
      const first = `${query.month}-01`;
      qb.andWhere(`w.start_date < CAST(:first AS date) + interval '1 month' AND w.end_date >= CAST(:first AS date)`, { first });
    }
    if (query.cursor) {
      const [date, id] = decodeCursor(query.cursor, 2);
      qb.andWhere(`(w.start_date, w.id) ${past ? '<' : '>'} (:date, :id)`, { date, id });
    }
    const rows = await qb.getMany();
    const summaries = await this.summaries(rows.slice(0, limit), locale, now);
    const byId = new Map(summaries.map((s) => [s.id, s]));
    return keysetPage(rows, limit, (w) => byId.get(w.id) as WorkshopSummary, (w) => [w.startDate, w.id]);
  }

  async detail(actor: Actor | null, slug: string, locale: Locale | null, now = new Date()): Promise<WorkshopPublicView> {
    const em = this.dataSource.manager;
    const w = await em.findOne(Workshop, { where: { slug } });
    const organiser = !!w && (await this.policy.isOrganiser(actor, w.id));
    if (!w || (w.status === 'draft' && !organiser)) throw new WorkshopNotFoundError();
    const [summary] = await this.summaries([w], locale, now);
    const mine = actor ? await this.registrationOf(w.id, actor.id) : null;
    const insider = organiser || mine?.status === 'confirmed';
    const sessions = await this.workshops.sessionsOf(em, w.id);
    const names = await this.workshops.names(em, sessions);
    const text = (t: Workshop['title']) => pickText(t, locale, w.defaultLocale).text;
    return {
      ...summary,
      objectives: text(w.objectives),
      expectedHours: hoursOf(w.expectedHours),
      venue: w.venue,
      onlineUrl: insider ? w.onlineUrl : null,
      registrationOpensAt: w.registrationOpensAt?.toISOString() ?? null,
      registrationClosesAt: w.registrationClosesAt?.toISOString() ?? null,
      sessions: sessions.map((s) => ({
        id: s.id,
        title: text(s.title),
        description: text(s.description),
        speakers: speakerViews(s.speakers, names),
        room: s.room,
        link: insider ? s.link : null,
        startsAt: s.startsAt.toISOString(),
        endsAt: s.endsAt.toISOString(),
      })),
      myRegistration: mine ? (await this.registrations.views([mine], locale))[0] : null,
      questions: questionViews(w.questions ?? [], locale, w.defaultLocale),
      organiser,
    };
  }

  /** Confirmed participants, for organisers and confirmed participants of this workshop only (404 otherwise). */
  async participants(actor: Actor, slug: string): Promise<WorkshopParticipant[]> {
    const w = await this.dataSource.manager.findOne(Workshop, { where: { slug }, select: { id: true, status: true } });
    if (!w || !(await this.policy.isInsider(actor, w.id))) throw new WorkshopNotFoundError();
    return (await this.dataSource.query(
      `SELECT r.user_id AS "userId", u.display_name AS "displayName", r.country
         FROM workshop_registrations r JOIN users u ON u.id = r.user_id
        WHERE r.workshop_id = $1 AND r.status = 'confirmed' ORDER BY r.arrival`,
      [w.id],
    )) as WorkshopParticipant[];
  }

  private async registrationOf(workshopId: string, userId: string): Promise<RegistrationRow | null> {
    const [row] = (await this.dataSource.query(
      `SELECT ${REGISTRATION_COLUMNS} FROM workshop_registrations r WHERE r.workshop_id = $1 AND r.user_id = $2`,
      [workshopId, userId],
    )) as RegistrationRow[];
    return row ?? null;
  }

  private async summaries(rows: Workshop[], locale: Locale | null, now: Date): Promise<WorkshopSummary[]> {
    const institutions = await this.directory.institutionRefs(rows.map((w) => w.hostInstitutionId), locale);
    const regions = await this.directory.regionRefs(
      rows.flatMap((w) => [w.hostRegionId, ...w.participatingRegionIds]),
      locale,
    );
    return rows.map((w) => {
      const title = pickText(w.title, locale, w.defaultLocale);
      return {
        id: w.id,
        slug: w.slug,
        kind: w.kind,
        status: w.status,
        title: title.text,
        summary: pickText(w.summary, title.locale, w.defaultLocale).text,
        locale: title.locale,
        locales: localesOf(w.title),
        format: w.format,
        city: w.venue?.city ?? null,
        country: w.venue?.country ?? null,
        timeZone: w.timeZone,
        startDate: w.startDate,
        endDate: w.endDate,
        hostInstitution: institutions.get(w.hostInstitutionId) ?? null,
        hostRegion: regions.get(w.hostRegionId) ?? null,
        participatingRegions: w.participatingRegionIds.flatMap((id) => regions.get(id) ?? []),
        registrationMode: w.registrationMode,
        registrationOpen: registrationOpen(w, now),
        seatsLeft: seatsLeft(w.capacity, w.seatsTaken),
      };
    });
  }
}
