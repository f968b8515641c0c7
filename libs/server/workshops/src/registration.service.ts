import { BadRequestException, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  PAGE_LIMIT_DEFAULT,
  type Locale,
  type Page,
  type WorkshopQuestion,
  type WorkshopRegistrationQuery,
  type WorkshopRegistrationRequest,
  type WorkshopRegistrationRow,
  type WorkshopRegistrationStatus,
  type WorkshopRegistrationView,
} from '@aula/contracts';
import { fieldError } from '@aula/server/core';
import { decodeCursor, keysetPage } from '@aula/server/database';
import { DirectoryReader, Institution, InstitutionService, Region } from '@aula/server/directory';
import { IdentityReader, type Actor } from '@aula/server/identity';
import { Workshop } from './workshop.entity';
import { checkAnswers, checkQuestions } from './application-form';
import { fieldsError, type FieldProblem } from './workshop-input';
import { WorkshopPolicy } from './workshop.policy';
import { SeatAllocator } from './seat-allocator';
import { beforeStart, canAct, registrationOpen, REREGISTER_FROM, type RegistrationAction } from './workshop.rules';
import { REGISTRATION_COLUMNS, toRegistrationView, type RegistrationRefs, type RegistrationRow } from './workshop.views';
import {
  AlreadyRegisteredError,
  InvitationOnlyError,
  OfferExpiredError,
  RegistrationClosedError,
  RegistrationTransitionError,
  WorkshopNotFoundError,
  WorkshopStartedError,
} from './workshops.errors';

const PAST_TENSE: Record<RegistrationAction, string> = {
  approve: 'approved',
  decline: 'declined',
  withdraw: 'withdrawn',
  confirm: 'confirmed',
};

/**
 * Registrations: open (first come, first served) and by application (the organiser approves or
 * declines with a reason). Seats, quota and the waiting list are the SeatAllocator's, always
 * with the workshop row locked first, then the registration.
 */
@Injectable()
export class RegistrationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: WorkshopPolicy,
    private readonly seats: SeatAllocator,
    private readonly people: IdentityReader,
    private readonly directory: DirectoryReader,
    private readonly institutions: InstitutionService,
  ) {}

  /** Registrations as views, with their institution's and region's names from the directory. */
  async views(rows: RegistrationRow[], locale: Locale | null = null, em: EntityManager = this.dataSource.manager): Promise<WorkshopRegistrationView[]> {
    const refs: RegistrationRefs = {
      institutions: await this.directory.institutionRefs(rows.flatMap((r) => r.institutionId ?? []), locale, em),
      regions: await this.directory.regionRefs(rows.flatMap((r) => r.regionId ?? []), locale, em),
    };
    return rows.map((r) => toRegistrationView(r, refs));
  }

  private async view(row: RegistrationRow, em?: EntityManager): Promise<WorkshopRegistrationView> {
    return (await this.views([row], null, em))[0];
  }

  /** The organisers' questions on the application form, every language. */
  async questions(actor: Actor, workshopId: string): Promise<WorkshopQuestion[]> {
    await this.policy.assertOrganiser(actor, workshopId);
    const w = await this.dataSource.manager.findOne(Workshop, { where: { id: workshopId }, select: { id: true, questions: true } });
    if (!w) throw new WorkshopNotFoundError();
    return w.questions;
  }

  /**
   * Replaces the questions (the list in the order shown). Answers already given stay with their
   * registrations; an answer to a question removed is no longer shown on the form.
   */
  setQuestions(actor: Actor, workshopId: string, questions: WorkshopQuestion[]): Promise<WorkshopQuestion[]> {
    return this.dataSource.transaction(async (em) => {
      await this.policy.assertOrganiser(actor, workshopId, em);
      const workshop = await this.seats.lockWorkshop(em, workshopId);
      if (!workshop) throw new WorkshopNotFoundError();
      const clean = checkQuestions(questions, workshop.defaultLocale);
      await em.query('UPDATE workshops SET questions = $2::jsonb, updated_at = now() WHERE id = $1', [workshopId, JSON.stringify(clean)]);
      return clean;
    });
  }

  /**
   * The application form checked as a whole: the institution (from the directory, or proposed as
   * "not listed", as at sign-up), the region, and the answers to the workshop's questions; every
   * bad field named in one 400.
   */
  private async applicationOf(em: EntityManager, workshop: Workshop, actor: Actor, request: WorkshopRegistrationRequest) {
    const problems: FieldProblem[] = [];
    if (request.institutionId && request.proposedInstitution)
      problems.push({ path: 'institutionId', message: 'give either an institution of the directory or a proposed one' });
    else if (request.institutionId) {
      const institution = await em.findOne(Institution, { where: { id: request.institutionId }, select: { id: true, status: true } });
      if (!institution || institution.status === 'archived')
        problems.push({ path: 'institutionId', message: institution ? 'is archived' : 'is not a known institution' });
    }
    if (request.regionId && !(await em.exists(Region, { where: { id: request.regionId } })))
      problems.push({ path: 'regionId', message: 'is not a known region' });
    const checked = checkAnswers(workshop.questions ?? [], request.answers);
    problems.push(...checked.problems);
    let institutionId = request.institutionId ?? null;
    if (request.proposedInstitution && !request.institutionId) {
      try {
        if (problems.length === 0) institutionId = (await this.institutions.propose(request.proposedInstitution, actor.id, em)).id;
      } catch (e) {
        if (!(e instanceof BadRequestException)) throw e;
        problems.push(...(((e.getResponse() as { errors?: FieldProblem[] }).errors ?? []) as FieldProblem[]));
      }
    }
    if (problems.length) throw fieldsError(problems);
    return {
      institutionId,
      position: request.position?.trim() || null,
      sector: request.sector ?? null,
      regionId: request.regionId ?? null,
      accessibilityNeeds: request.accessibilityNeeds?.trim() || null,
      answers: checked.answers,
    };
  }

  /** A person registers (open: a seat or the waiting list; application: pending). Twice is a 409 with the existing one. */
  async register(actor: Actor, slug: string, request: WorkshopRegistrationRequest, now = new Date()): Promise<WorkshopRegistrationView> {
    const quick = await this.registerOpen(actor, slug, request, now);
    if (quick) return quick;
    return this.dataSource.transaction(async (em) => {
      const workshop = await this.lockBySlug(em, slug);
      const existing = await this.seats.readOf(em, workshop.id, actor.id, true);
      if (existing && !REREGISTER_FROM.includes(existing.status)) throw new AlreadyRegisteredError(toRegistrationView(existing));
      if (workshop.registrationMode === 'invitation') throw new InvitationOnlyError();
      if (!registrationOpen(workshop, now)) throw new RegistrationClosedError(workshop.status);
      const country = request.country ?? (await this.people.countries([actor.id], em)).get(actor.id) ?? null;
      if (workshop.countryQuota !== null && !country)
        throw fieldError('country', 'is needed: this workshop limits seats per country');
      const to: WorkshopRegistrationStatus =
        workshop.registrationMode === 'application'
          ? 'pending'
          : (await this.seats.seatFor(em, workshop, country))
            ? 'confirmed'
            : 'waitlisted';
      const application = await this.applicationOf(em, workshop, actor, request);
      const details = { country, motivation: request.motivation?.trim() || null, ...application };
      return this.view(await this.seats.arrive(em, workshop, actor.id, to, details, existing), em);
    });
  }

  /**
   * A first registration at an open workshop without a country quota, the burst case: what needs no
   * lock is read first, then a short transaction (SeatAllocator.takeOpenSeat). Null sends the caller
   * to the locked path: anything else (application mode, a quota, a registration already there, a
   * workshop that changed meanwhile, or the same person's concurrent request, whose INSERT meets the
   * unique key) is decided there, with the 409 or 404 it deserves.
   */
  private async registerOpen(actor: Actor, slug: string, request: WorkshopRegistrationRequest, now: Date): Promise<WorkshopRegistrationView | null> {
    const em = this.dataSource.manager;
    const workshop = await em.findOne(Workshop, { where: { slug } });
    if (!workshop || workshop.registrationMode !== 'open' || workshop.countryQuota !== null || !registrationOpen(workshop, now)) return null;
    // Application details (institution, questions…) are checked and stored on the locked path.
    const { country: _country, motivation: _motivation, ...applicationFields } = request;
    if (workshop.questions.length || Object.values(applicationFields).some((v) => v !== undefined && v !== null && v !== '')) return null;
    if (await this.seats.readOf(em, workshop.id, actor.id)) return null;
    const country = request.country ?? (await this.people.countries([actor.id], em)).get(actor.id) ?? null;
    const details = { country, motivation: request.motivation?.trim() || null };
    // One connection throughout: once committed, the answer needs no second wait for the pool.
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      await runner.startTransaction();
      let row: RegistrationRow | null;
      try {
        row = await this.seats.takeOpenSeat(runner.manager, workshop.id, actor.id, details);
        await runner.commitTransaction();
      } catch (error) {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        if ((error as { driverError?: { code?: string } }).driverError?.code === '23505') return null;
        throw error;
      }
      if (!row) return null;
      return toRegistrationView(row.status === 'waitlisted' ? ((await this.seats.read(runner.manager, row.id)) ?? row) : row);
    } finally {
      await runner.release();
    }
  }

  /** The reader's own registration for a workshop; 404 when they have none. */
  async mine(actor: Actor, slug: string): Promise<WorkshopRegistrationView> {
    const [row] = (await this.dataSource.query(
      `SELECT ${REGISTRATION_COLUMNS} FROM workshop_registrations r JOIN workshops w ON w.id = r.workshop_id
        WHERE w.slug = $1 AND r.user_id = $2 AND w.status <> 'draft'`,
      [slug, actor.id],
    )) as RegistrationRow[];
    if (!row) throw new WorkshopNotFoundError('registration');
    return this.view(row);
  }

  /** An application accepted: a seat, or the waiting list when none is free (or the country's quota is reached). */
  approve(actor: Actor, registrationId: string): Promise<WorkshopRegistrationView> {
    return this.act(actor, registrationId, 'approve', { organiser: true }, async (em, w, r) =>
      this.seats.change(em, w, r, (await this.seats.seatFor(em, w, r.country)) ? 'confirmed' : 'waitlisted'),
    );
  }

  /** An application, waiting-list place or seat offer declined with a reason the person will read. */
  decline(actor: Actor, registrationId: string, reason: string, now = new Date()): Promise<WorkshopRegistrationView> {
    return this.act(actor, registrationId, 'decline', { organiser: true }, async (em, w, r) => {
      const declined = await this.seats.change(em, w, r, 'declined', { declineReason: reason.trim() });
      await this.seats.offerSeats(em, w, now);
      return declined;
    });
  }

  /** The person leaves before the workshop begins; a seat they held is offered to the next in line. */
  withdraw(actor: Actor, registrationId: string, now = new Date()): Promise<WorkshopRegistrationView> {
    return this.act(actor, registrationId, 'withdraw', { organiser: false }, async (em, w, r) => {
      if (!beforeStart(w, now)) throw new WorkshopStartedError(w.status);
      const withdrawn = await this.seats.change(em, w, r, 'withdrawn');
      await this.seats.offerSeats(em, w, now);
      return withdrawn;
    });
  }

  /** The person offered a freed seat takes it before the deadline. */
  confirmOffer(actor: Actor, registrationId: string, now = new Date()): Promise<WorkshopRegistrationView> {
    return this.act(actor, registrationId, 'confirm', { organiser: false }, async (em, w, r) => {
      if (r.offerExpiresAt && r.offerExpiresAt <= now) throw new OfferExpiredError(r.offerExpiresAt);
      return this.seats.change(em, w, r, 'confirmed');
    });
  }

  /** The organiser's registrations table, in arrival order (the order seats and the waiting list follow). */
  async list(actor: Actor, workshopId: string, query: WorkshopRegistrationQuery): Promise<Page<WorkshopRegistrationRow>> {
    await this.policy.assertOrganiser(actor, workshopId);
    const limit = query.limit ?? PAGE_LIMIT_DEFAULT;
    const params: unknown[] = [workshopId, limit + 1];
    let where = 'r.workshop_id = $1';
    if (query.status) {
      params.push(query.status);
      where += ` AND r.status = $${params.length}::workshop_registration_status`;
    }
    if (query.cursor) {
      const [arrival] = decodeCursor(query.cursor, 2);
      params.push(Number(arrival));
      where += ` AND r.arrival > $${params.length}`;
    }
    const rows = (await this.dataSource.query(
      `SELECT ${REGISTRATION_COLUMNS}, u.display_name AS "displayName", u.email
         FROM workshop_registrations r JOIN users u ON u.id = r.user_id
        WHERE ${where} ORDER BY r.arrival LIMIT $2`,
      params,
    )) as (RegistrationRow & { displayName: string; email: string })[];
    const views = new Map((await this.views(rows.slice(0, limit))).map((v) => [v.id, v]));
    return keysetPage(
      rows,
      limit,
      (r) => ({ ...(views.get(r.id) as WorkshopRegistrationView), displayName: r.displayName, email: r.email }),
      (r) => [String(r.arrival), r.id],
    );
  }

  /** Runs an action on one registration with its workshop locked first (always workshop, then registration). */
  private act(
    actor: Actor,
    registrationId: string,
    action: RegistrationAction,
    who: { organiser: boolean },
    work: (em: EntityManager, workshop: Workshop, registration: RegistrationRow) => Promise<RegistrationRow>,
  ): Promise<WorkshopRegistrationView> {
    return this.dataSource.transaction(async (em) => {
      const peek = await this.seats.read(em, registrationId);
      if (!peek) throw new WorkshopNotFoundError('registration');
      if (who.organiser) {
        if (!(await this.policy.isOrganiser(actor, peek.workshopId, em))) throw new WorkshopNotFoundError('registration');
      } else if (peek.userId !== actor.id) throw new WorkshopNotFoundError('registration');
      const workshop = await this.seats.lockWorkshop(em, peek.workshopId);
      const registration = await this.seats.read(em, registrationId, true);
      if (!workshop || !registration) throw new WorkshopNotFoundError('registration');
      if (!canAct(action, registration.status)) throw new RegistrationTransitionError(PAST_TENSE[action], registration.status);
      return this.view(await work(em, workshop, registration), em);
    });
  }

  private async lockBySlug(em: EntityManager, slug: string): Promise<Workshop> {
    const [row] = (await em.query(`SELECT id FROM workshops WHERE slug = $1 AND status <> 'draft'`, [slug])) as { id: string }[];
    const workshop = row ? await this.seats.lockWorkshop(em, row.id) : null;
    if (!workshop) throw new WorkshopNotFoundError();
    return workshop;
  }
}
