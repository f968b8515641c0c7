import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { WorkshopStatus, WorkshopSessionInput, WorkshopSessionUpdate, WorkshopSessionView } from '@aula/contracts';
import { cleanPlainTranslations } from '@aula/server/core';
import type { Actor } from '@aula/server/identity';
import { OutboxService } from '@aula/server/outbox';
import { WorkshopSession, type StoredSpeaker } from './workshop-session.entity';
import type { Workshop } from './workshop.entity';
import { WorkshopService } from './workshop.service';
import { cleanLongTranslations, fieldsError, type FieldProblem } from './workshop-input';
import { localDate } from './workshop.rules';
import { toSessionView } from './workshop.views';
import { WorkshopNotFoundError } from './workshops.errors';

/** Workshop states in which people are registered and an agenda change is news to them. */
const AGENDA_NOTICE_STATUSES: readonly WorkshopStatus[] = ['published', 'registration-closed', 'in-progress'];

/** The agenda: sessions within the workshop's dates, speakers with accounts or as typed. */
@Injectable()
export class WorkshopSessionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly workshops: WorkshopService,
    private readonly outbox: OutboxService,
  ) {}

  /** Participants hear of agenda changes once the call is out (the mail side batches them). */
  private async announce(em: EntityManager, workshop: Workshop): Promise<void> {
    if (AGENDA_NOTICE_STATUSES.includes(workshop.status)) await this.outbox.add(em, 'workshop.agenda-changed', { workshopId: workshop.id });
  }

  add(actor: Actor, workshopId: string, input: WorkshopSessionInput): Promise<WorkshopSessionView> {
    return this.dataSource.transaction(async (em) => {
      const workshop = await this.workshops.lockVisible(em, actor, workshopId);
      const session = em.create(WorkshopSession, { workshopId, ...this.merge(null, input) });
      await this.check(em, workshop, session);
      const saved = await em.save(WorkshopSession, session);
      await this.announce(em, workshop);
      return toSessionView(saved, await this.workshops.names(em, [saved]));
    });
  }

  update(actor: Actor, workshopId: string, sessionId: string, input: WorkshopSessionUpdate): Promise<WorkshopSessionView> {
    return this.dataSource.transaction(async (em) => {
      const workshop = await this.workshops.lockVisible(em, actor, workshopId);
      const session = await em.findOne(WorkshopSession, { where: { id: sessionId, workshopId } });
      if (!session) throw new WorkshopNotFoundError('session');
      Object.assign(session, this.merge(session, input));
      await this.check(em, workshop, session);
      const saved = await em.save(WorkshopSession, session);
      await this.announce(em, workshop);
      return toSessionView(saved, await this.workshops.names(em, [saved]));
    });
  }

  delete(actor: Actor, workshopId: string, sessionId: string): Promise<void> {
    return this.dataSource.transaction(async (em) => {
      const workshop = await this.workshops.lockVisible(em, actor, workshopId);
      const result = await em.delete(WorkshopSession, { id: sessionId, workshopId });
      if (!result.affected) throw new WorkshopNotFoundError('session');
      await this.announce(em, workshop);
    });
  }

  private merge(base: WorkshopSession | null, input: WorkshopSessionUpdate) {
    return {
      title: input.title ? cleanPlainTranslations(input.title) : (base?.title ?? {}),
      description: input.description ? cleanLongTranslations(input.description) : (base?.description ?? {}),
      speakers: input.speakers
        ? input.speakers.map((s): StoredSpeaker => (s.userId ? { userId: s.userId } : { name: (s.name ?? '').trim() }))
        : (base?.speakers ?? []),
      room: input.room === undefined ? (base?.room ?? null) : input.room?.trim() || null,
      link: input.link === undefined ? (base?.link ?? null) : input.link || null,
      startsAt: input.startsAt ? new Date(input.startsAt) : (base?.startsAt as Date),
      endsAt: input.endsAt ? new Date(input.endsAt) : (base?.endsAt as Date),
    };
  }

  private async check(
    em: EntityManager,
    workshop: Workshop,
    s: Pick<WorkshopSession, 'title' | 'speakers' | 'startsAt' | 'endsAt'>,
  ): Promise<void> {
    const problems: FieldProblem[] = [];
    if (!s.title[workshop.defaultLocale])
      problems.push({ path: `title.${workshop.defaultLocale}`, message: "is required in the workshop's default language" });
    if (s.endsAt <= s.startsAt) problems.push({ path: 'endsAt', message: 'must be after startsAt' });
    const span = `${workshop.startDate} to ${workshop.endDate} (${workshop.timeZone})`;
    if (localDate(s.startsAt, workshop.timeZone) < workshop.startDate || localDate(s.startsAt, workshop.timeZone) > workshop.endDate)
      problems.push({ path: 'startsAt', message: `must fall within the workshop's dates, ${span}` });
    if (localDate(s.endsAt, workshop.timeZone) > workshop.endDate || localDate(s.endsAt, workshop.timeZone) < workshop.startDate)
      problems.push({ path: 'endsAt', message: `must fall within the workshop's dates, ${span}` });
    const userIds = s.speakers.flatMap((sp, i) => ('userId' in sp ? [{ id: sp.userId, i }] : []));
    if (userIds.length) {
      const rows = (await em.query('SELECT id FROM users WHERE id = ANY($1::uuid[])', [userIds.map((u) => u.id)])) as { id: string }[];
      const known = new Set(rows.map((r) => r.id));
      for (const u of userIds) if (!known.has(u.id)) problems.push({ path: `speakers.${u.i}.userId`, message: 'is not a known person' });
    }
    if (problems.length) throw fieldsError(problems);
  }
}
