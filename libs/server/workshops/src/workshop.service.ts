import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  Page,
  WorkshopInput,
  WorkshopOrganiserQuery,
  WorkshopStatusRequest,
  WorkshopUpdate,
  WorkshopView,
} from '@aula/contracts';
import { PAGE_LIMIT_DEFAULT } from '@aula/contracts';
import { decodeCursor, isPgError, keysetPage, PG } from '@aula/server/database';
import { DirectoryReader } from '@aula/server/directory';
import type { Actor } from '@aula/server/identity';
import { OutboxService } from '@aula/server/outbox';
import { Workshop } from './workshop.entity';
import { WorkshopSession } from './workshop-session.entity';
import { WorkshopPolicy } from './workshop.policy';
import { SeatAllocator } from './seat-allocator';
import { checkWorkshop, mergeWorkshop } from './workshop-input';
import { canTransition } from './workshop.rules';
import { toWorkshopView, type NameBook } from './workshop.views';
import { WorkshopNotFoundError, WorkshopSlugTakenError, WorkshopTransitionError } from './workshops.errors';

/**
 * Organisers' side of a workshop: create (administrators), edit, read, list and move through the
 * lifecycle. A change that adds seats offers them to the waiting list at once.
 */
@Injectable()
export class WorkshopService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: WorkshopPolicy,
    private readonly directory: DirectoryReader,
    private readonly seats: SeatAllocator,
    private readonly outbox: OutboxService,
  ) {}

  async create(actor: Actor, input: WorkshopInput): Promise<WorkshopView> {
    this.policy.assertAdmin(actor);
    const fields = mergeWorkshop(null, input);
    return this.saving(async () =>
      this.dataSource.transaction(async (em) => {
        await checkWorkshop(fields, this.directory, em);
        const saved = await em.save(Workshop, em.create(Workshop, { ...fields, status: 'draft' }));
        return toWorkshopView(saved, [], new Map());
      }),
    );
  }

  async update(actor: Actor, id: string, input: WorkshopUpdate, now = new Date()): Promise<WorkshopView> {
    return this.saving(async () =>
      this.dataSource.transaction(async (em) => {
        const workshop = await this.lockVisible(em, actor, id);
        const sessions = await this.sessionsOf(em, id);
        const fields = mergeWorkshop(workshop, input);
        await checkWorkshop(fields, this.directory, em, sessions);
        Object.assign(workshop, fields);
        const saved = await em.save(Workshop, workshop);
        // More seats (or a larger quota) go to the waiting list in arrival order.
        await this.seats.offerSeats(em, saved, now);
        return toWorkshopView(saved, sessions, await this.names(em, sessions));
      }),
    );
  }

  async get(actor: Actor, id: string): Promise<WorkshopView> {
    await this.policy.assertOrganiser(actor, id);
    const em = this.dataSource.manager;
    const workshop = await em.findOne(Workshop, { where: { id } });
    if (!workshop) throw new WorkshopNotFoundError();
    const sessions = await this.sessionsOf(em, id);
    return toWorkshopView(workshop, sessions, await this.names(em, sessions));
  }

  /** The workshops the actor organises (every one for an administrator), soonest first. */
  async list(actor: Actor, query: WorkshopOrganiserQuery): Promise<Page<WorkshopView>> {
    const limit = query.limit ?? PAGE_LIMIT_DEFAULT;
    const qb = this.dataSource.manager
      .createQueryBuilder(Workshop, 'w')
      .orderBy('w.startDate', 'ASC')
      .addOrderBy('w.id', 'ASC')
      .limit(limit + 1);
    if (!WorkshopPolicy.isAdmin(actor))
      qb.andWhere('EXISTS (SELECT 1 FROM workshop_organisers o WHERE o.workshop_id = w.id AND o.user_id = :me)', { me: actor.id });
    if (query.status) qb.andWhere('w.status = :status', { status: query.status });
    if (query.cursor) {
      const [date, id] = decodeCursor(query.cursor, 2);
      qb.andWhere('(w.start_date, w.id) > (:date, :id)', { date, id });
    }
    const rows = await qb.getMany();
    return keysetPage(rows, limit, (w) => toWorkshopView(w, [], new Map()), (w) => [w.startDate, w.id]);
  }

  /** One step of the lifecycle; an illegal one is a 409 naming the current state. */
  async setStatus(actor: Actor, id: string, request: WorkshopStatusRequest): Promise<WorkshopView> {
    return this.dataSource.transaction(async (em) => {
      const workshop = await this.lockVisible(em, actor, id);
      if (!canTransition(workshop.status, request.to)) throw new WorkshopTransitionError(workshop.status, request.to);
      workshop.status = request.to;
      if (request.to === 'cancelled') {
        workshop.cancelledReason = request.reason?.trim() || null;
        // In the same transaction: nobody keeps a seat in a cancelled workshop, and each person's
        // registration event carries their notice.
        await this.seats.cancelAll(em, workshop);
        await this.outbox.add(em, 'workshop.cancelled', { workshopId: id });
      }
      // In the same transaction: participation certificates follow once the change is committed.
      if (request.to === 'held') await this.outbox.add(em, 'workshop.held', { workshopId: id });
      const saved = await em.save(Workshop, workshop);
      const sessions = await this.sessionsOf(em, id);
      return toWorkshopView(saved, sessions, await this.names(em, sessions));
    });
  }

  // ---- for the other workshop services ----

  /** Locks the workshop for an organiser (404 for anyone else, and when absent). */
  async lockVisible(em: EntityManager, actor: Actor, id: string): Promise<Workshop> {
    await this.policy.assertOrganiser(actor, id, em);
    const workshop = await this.seats.lockWorkshop(em, id);
    if (!workshop) throw new WorkshopNotFoundError();
    return workshop;
  }

  sessionsOf(em: EntityManager, workshopId: string): Promise<WorkshopSession[]> {
    return em.find(WorkshopSession, { where: { workshopId }, order: { startsAt: 'ASC', id: 'ASC' } });
  }

  /** Display names of the speakers with accounts. */
  async names(em: EntityManager, sessions: WorkshopSession[]): Promise<NameBook> {
    const ids = [...new Set(sessions.flatMap((s) => s.speakers.flatMap((sp) => ('userId' in sp ? [sp.userId] : []))))];
    if (ids.length === 0) return new Map();
    const rows = (await em.query('SELECT id, display_name AS "displayName" FROM users WHERE id = ANY($1::uuid[])', [ids])) as {
      id: string;
      displayName: string;
    }[];
    return new Map(rows.map((r) => [r.id, r.displayName]));
  }

  private async saving<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isPgError(error, PG.uniqueViolation, 'workshops_slug_key')) throw new WorkshopSlugTakenError();
      throw error;
    }
  }
}
