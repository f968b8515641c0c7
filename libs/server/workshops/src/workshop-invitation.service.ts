import { BadRequestException, ConflictException, Injectable, UnauthorizedException } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import {
  PASSWORD_MIN_LENGTH,
  WORKSHOP_INVITATION_TTL_DAYS,
  type AcceptWorkshopInvitationRequest,
  type AcceptWorkshopInvitationResult,
  type WorkshopInvitationStatus,
  type WorkshopInvitationView,
} from '@aula/contracts';
import { normaliseEmail } from '@aula/server/core';
import { IdentityService, PasswordHasher, SessionService, User, type Actor } from '@aula/server/identity';
import { OutboxService } from '@aula/server/outbox';
import { WorkshopInvitation } from './workshop-invitation.entity';
import { WorkshopPolicy } from './workshop.policy';
import { SeatAllocator } from './seat-allocator';
import { RegistrationService } from './registration.service';
import { beforeStart, REREGISTER_FROM } from './workshop.rules';
import { toRegistrationView } from './workshop.views';
import { AlreadyRegisteredError, RegistrationClosedError, WorkshopNotFoundError } from './workshops.errors';
import { fieldsError, type FieldProblem } from './workshop-input';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const expiry = (now: Date) => new Date(now.getTime() + WORKSHOP_INVITATION_TTL_DAYS * 86_400_000);

export class InvalidWorkshopInvitationError extends BadRequestException {
  constructor() {
    super({
      message: 'This invitation is not valid: it was already used, revoked, has expired or was replaced by a newer one.',
      errors: [{ path: 'token', message: 'is not a valid invitation' }],
    });
  }
}

/** The invited address has an account: its owner signs in first, then accepts. */
export class SignInToAcceptError extends UnauthorizedException {
  constructor() {
    super('This invitation is for an account that exists: sign in with it to accept.');
  }
}

export class InvitationForAnotherAccountError extends ConflictException {
  constructor() {
    super('This invitation was sent to another email address than the one you are signed in with.');
  }
}

export function invitationStatus(i: WorkshopInvitation, now = new Date()): WorkshopInvitationStatus {
  if (i.acceptedAt) return 'accepted';
  if (i.revokedAt) return 'revoked';
  return i.expiresAt <= now ? 'expired' : 'pending';
}

/**
 * Registration by invitation: organisers invite addresses (with or without an account); the
 * `workshop-invitation.sent` event asks for the message, whose sender takes a fresh token with
 * `issueToken`. Accepting makes the account when there is none and the registration, confirmed
 * within capacity and country quota, or on the waiting list when full.
 */
@Injectable()
export class WorkshopInvitationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: WorkshopPolicy,
    private readonly seats: SeatAllocator,
    private readonly registrations: RegistrationService,
    private readonly identity: IdentityService,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly outbox: OutboxService,
  ) {}

  /** Invites every address once (an address invited before and still pending is sent again; accepted ones are left alone). */
  invite(actor: Actor, workshopId: string, emails: string[], now = new Date()): Promise<WorkshopInvitationView[]> {
    return this.dataSource.transaction(async (em) => {
      await this.policy.assertOrganiser(actor, workshopId, em);
      const workshop = await this.seats.lockWorkshop(em, workshopId);
      if (!workshop) throw new WorkshopNotFoundError();
      const unique = [...new Set(emails.map((e) => normaliseEmail(e)))];
      const out: WorkshopInvitation[] = [];
      for (const email of unique) {
        const existing = await em.findOne(WorkshopInvitation, { where: { workshopId, email } });
        if (existing?.acceptedAt) {
          out.push(existing);
          continue;
        }
        const invitation = existing ?? em.create(WorkshopInvitation, { workshopId, email, invitedById: actor.id });
        invitation.revokedAt = null;
        invitation.tokenHash = null;
        invitation.expiresAt = expiry(now);
        const saved = await em.save(invitation);
        await this.outbox.add(em, 'workshop-invitation.sent', { invitationId: saved.id, workshopId, email });
        out.push(saved);
      }
      return this.views(em, out, now);
    });
  }

  async list(actor: Actor, workshopId: string, now = new Date()): Promise<WorkshopInvitationView[]> {
    await this.policy.assertOrganiser(actor, workshopId);
    const em = this.dataSource.manager;
    const rows = await em.find(WorkshopInvitation, { where: { workshopId }, order: { createdAt: 'ASC', email: 'ASC' } });
    return this.views(em, rows, now);
  }

  /** Revoked: the link stops working. An invitation already accepted stays (withdraw the registration instead). */
  async revoke(actor: Actor, invitationId: string, now = new Date()): Promise<WorkshopInvitationView> {
    const em = this.dataSource.manager;
    const invitation = await em.findOne(WorkshopInvitation, { where: { id: invitationId } });
    if (!invitation || !(await this.policy.isOrganiser(actor, invitation.workshopId))) throw new WorkshopNotFoundError('person');
    if (invitation.acceptedAt) throw new ConflictException('This invitation was already accepted: withdraw the registration instead.');
    invitation.revokedAt ??= now;
    invitation.tokenHash = null;
    await em.save(invitation);
    return (await this.views(em, [invitation], now))[0];
  }

  /** For whoever sends the message: a fresh single-use token (the previous one stops working); null when no longer pending. */
  async issueToken(invitationId: string, now = new Date()): Promise<{ token: string; email: string; workshopId: string } | null> {
    const token = randomBytes(32).toString('base64url');
    const [rows] = (await this.dataSource.query(
      `UPDATE workshop_invitations SET token_hash = $2
        WHERE id = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > $3
        RETURNING email, workshop_id AS "workshopId"`,
      [invitationId, hashToken(token), now],
    )) as [{ email: string; workshopId: string }[], number];
    return rows[0] ? { token, ...rows[0] } : null;
  }

  /**
   * Accepts an invitation: signed in as the invited address, or, when the address has no
   * account, with a name and password for the account made now. Works once.
   */
  async accept(actor: Actor | null, request: AcceptWorkshopInvitationRequest, now = new Date()): Promise<AcceptWorkshopInvitationResult> {
    const outcome = await this.dataSource.transaction(async (em) => {
      const found = await em.findOne(WorkshopInvitation, { where: { tokenHash: hashToken(request.token) } });
      if (!found) throw new InvalidWorkshopInvitationError();
      // Workshop first, then the invitation: the order every seat change takes.
      const workshop = await this.seats.lockWorkshop(em, found.workshopId);
      const invitation = await em.findOne(WorkshopInvitation, { where: { id: found.id }, lock: { mode: 'pessimistic_write' } });
      if (!workshop || !invitation || invitationStatus(invitation, now) !== 'pending' || invitation.tokenHash !== hashToken(request.token))
        throw new InvalidWorkshopInvitationError();
      // Invited people may take part until the workshop begins, while it takes participants.
      if (workshop.status !== 'published' || !beforeStart(workshop, now)) throw new RegistrationClosedError(workshop.status);
      const account = await em.findOne(User, { where: { email: invitation.email } });
      let user: User;
      let created = false;
      if (account) {
        if (!actor) throw new SignInToAcceptError();
        if (actor.id !== account.id) throw new InvitationForAnotherAccountError();
        user = account;
      } else {
        if (actor) throw new InvitationForAnotherAccountError();
        user = await this.newAccount(em, invitation.email, request);
        created = true;
      }
      const existing = await this.seats.readOf(em, workshop.id, user.id, true);
      if (existing && !REREGISTER_FROM.includes(existing.status)) throw new AlreadyRegisteredError(toRegistrationView(existing));
      const country = user.country ?? null;
      const to = (await this.seats.seatFor(em, workshop, country)) ? 'confirmed' : 'waitlisted';
      const row = await this.seats.arrive(em, workshop, user.id, to, { country, motivation: null }, existing);
      invitation.acceptedAt = now;
      invitation.tokenHash = null;
      invitation.registrationId = row.id;
      await em.save(invitation);
      return { user, created, slug: workshop.slug, registration: (await this.registrations.views([row], null, em))[0] };
    });
    const session = outcome.created ? (await this.sessions.start(outcome.user)).session : null;
    return { registration: outcome.registration, workshopSlug: outcome.slug, session };
  }

  private async newAccount(em: EntityManager, email: string, request: AcceptWorkshopInvitationRequest): Promise<User> {
    const problems: FieldProblem[] = [];
    if (!request.displayName?.trim()) problems.push({ path: 'displayName', message: 'is needed to make your account' });
    if (!request.password || request.password.length < PASSWORD_MIN_LENGTH)
      problems.push({ path: 'password', message: `must be at least ${PASSWORD_MIN_LENGTH} characters` });
    if (problems.length) throw fieldsError(problems);
    const user = this.identity.prepareUser(
      { email, displayName: request.displayName as string, locale: request.locale },
      await this.hasher.hash(request.password as string),
    );
    return em.save(user);
  }

  private async views(em: EntityManager, rows: WorkshopInvitation[], now: Date): Promise<WorkshopInvitationView[]> {
    const emails = [...new Set(rows.map((r) => r.email))];
    const accounts = emails.length
      ? ((await em.query('SELECT id, email FROM users WHERE email = ANY($1::text[])', [emails])) as { id: string; email: string }[])
      : [];
    const byEmail = new Map(accounts.map((a) => [a.email, a.id]));
    return rows.map((i) => ({
      id: i.id,
      workshopId: i.workshopId,
      email: i.email,
      userId: byEmail.get(i.email) ?? null,
      status: invitationStatus(i, now),
      expiresAt: i.expiresAt.toISOString(),
      acceptedAt: i.acceptedAt?.toISOString() ?? null,
      registrationId: i.registrationId,
      createdAt: i.createdAt.toISOString(),
    }));
  }
}
