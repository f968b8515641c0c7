import { BadRequestException, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { OutboxService } from '@aula/server/outbox';
import { IdentityService, type NewUser } from './identity.service';
import { PasswordHasher } from './password.hasher';
import { SessionService, type IssuedSession } from './session.service';
import { User } from './user.entity';
import { UserInvitation } from './user-invitation.entity';

export const INVITATION_TTL_DAYS = 7;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const expiry = () => new Date(Date.now() + INVITATION_TTL_DAYS * 86400_000);

/** Not an argon2 hash: no password verifies against it until the invitation is accepted. */
const unusablePasswordHash = () => `!invited:${randomBytes(32).toString('hex')}`;

export class InvalidInvitationError extends BadRequestException {
  constructor() {
    super({
      message:
        'This invitation is not valid: it was already used, has expired or was replaced by a newer one.',
      errors: [{ path: 'token', message: 'is not a valid invitation' }],
    });
  }
}

export interface InvitedUser {
  user: User;
  invitation: UserInvitation;
}

/**
 * Accounts made for people by an administrator (bulk enrolment). The account exists at once, so
 * the person can be enrolled; they choose their password by following the invitation.
 */
@Injectable()
export class InvitationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly identity: IdentityService,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * In the caller's transaction: the account (trainee, no usable password), its invitation and the
   * `user.invited` event. A taken email fails with the database's unique violation on
   * `users_email_key`; the caller's transaction decides what that means.
   */
  async inviteNewUser(
    em: EntityManager,
    input: Omit<NewUser, 'password' | 'roles'>,
    invitedById: string | null,
  ): Promise<InvitedUser> {
    const user = await em.save(
      User,
      this.identity.prepareUser({ ...input, roles: ['trainee'] }, unusablePasswordHash()),
    );
    const invitation = await em.save(
      UserInvitation,
      em.create(UserInvitation, {
        userId: user.id,
        tokenHash: null,
        expiresAt: expiry(),
        acceptedAt: null,
        invitedById,
      }),
    );
    await this.outbox.add(em, 'user.invited', { userId: user.id, invitationId: invitation.id });
    return { user, invitation };
  }

  /**
   * For whoever sends the invitation message: a fresh single-use token, valid for
   * INVITATION_TTL_DAYS from now. Only its hash is stored, so each call replaces the previous
   * token (a resent message makes the older link stop working). null when the invitation is
   * unknown or already accepted.
   */
  async issueToken(invitationId: string): Promise<{ token: string; userId: string; expiresAt: Date } | null> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = expiry();
    const [rows] = (await this.dataSource.query(
      'UPDATE user_invitations SET token_hash = $2, expires_at = $3 WHERE id = $1 AND accepted_at IS NULL RETURNING user_id',
      [invitationId, hashToken(token), expiresAt],
    )) as [{ user_id: string }[], number];
    const row = rows[0];
    return row ? { token, userId: row.user_id, expiresAt } : null;
  }

  /** Sets the password chosen by the invited person and signs them in. Works once per invitation. */
  async accept(token: string, password: string): Promise<IssuedSession> {
    const user = await this.dataSource.transaction(async (em) => {
      const invitation = await em.findOne(UserInvitation, {
        where: { tokenHash: hashToken(token) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!invitation || invitation.acceptedAt || invitation.expiresAt <= new Date()) return null;
      const invited = await em.findOne(User, { where: { id: invitation.userId } });
      if (!invited?.active) return null;
      invited.passwordHash = await this.hasher.hash(password);
      invited.passwordChangedAt = new Date();
      await em.save(invited);
      // Every open invitation of the person ends with the first one accepted.
      await em.update(
        UserInvitation,
        { userId: invited.id, acceptedAt: IsNull() },
        { acceptedAt: new Date() },
      );
      return invited;
    });
    if (!user) throw new InvalidInvitationError();
    return this.sessions.start(user);
  }
}
