import { BadRequestException, HttpException, HttpStatus, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { createHash, randomBytes } from 'node:crypto';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource, IsNull } from 'typeorm';
import { AppConfig, InjectRedis, normaliseEmail } from '@aula/server/core';
import { OutboxService } from '@aula/server/outbox';
import { PasswordHasher, SessionService, User } from '@aula/server/identity';
import { PasswordResetRequest } from './password-reset-request.entity';

export const PASSWORD_RESET_TTL_MS = 3600_000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export class InvalidResetTokenError extends BadRequestException {
  constructor() {
    super({
      message: 'This link is not valid: it was already used, has expired or was replaced by a newer one.',
      errors: [{ path: 'token', message: 'is not a valid password-reset token' }],
    });
  }
}

export class TooManyResetRequestsError extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super({ message: 'Too many password-reset requests. Try again later.', retryAfter: retryAfterSeconds }, HttpStatus.TOO_MANY_REQUESTS);
  }
}

/**
 * "I forgot my password": a request row and an outbox event; the worker makes the single-use token
 * when it sends the mail (only its hash is stored), valid for an hour. Unknown emails get the same
 * answer and take the same path through the rate limit, so the answer tells nothing.
 */
@Injectable()
export class PasswordResetService {
  private readonly logger = new Logger(PasswordResetService.name);
  private readonly perAccount: RateLimiterRedis;
  private readonly perAddress: RateLimiterRedis;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    config: AppConfig,
    @InjectRedis() redis: Redis,
  ) {
    const limiter = (keyPrefix: string, points: number) =>
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix,
        points,
        duration: config.PASSWORD_RESET_WINDOW_SECONDS,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration: config.PASSWORD_RESET_WINDOW_SECONDS }),
      });
    this.perAccount = limiter('aula:pwreset:account', config.PASSWORD_RESET_MAX_PER_ACCOUNT);
    this.perAddress = limiter('aula:pwreset:address', config.PASSWORD_RESET_MAX_PER_ADDRESS);
  }

  async request(rawEmail: string, address: string): Promise<void> {
    const email = normaliseEmail(rawEmail);
    try {
      await Promise.all([this.perAccount.consume(hashToken(email)), this.perAddress.consume(address)]);
    } catch (e) {
      if (e instanceof RateLimiterRes) throw new TooManyResetRequestsError(Math.max(1, Math.ceil(e.msBeforeNext / 1000)));
      throw e;
    }
    await this.dataSource.transaction(async (em) => {
      const user = await em.findOne(User, { where: { email } });
      if (!user?.active) return;
      const request = await em.save(
        PasswordResetRequest,
        em.create(PasswordResetRequest, { userId: user.id, tokenHash: null, expiresAt: new Date(Date.now() + PASSWORD_RESET_TTL_MS), usedAt: null }),
      );
      await this.outbox.add(em, 'password-reset.requested', { userId: user.id, requestId: request.id });
    });
  }

  /**
   * For the mail: a fresh token for the request, valid for an hour from now. Each call replaces the
   * previous token. null when the request was used or is older than a day (a mail delayed that long
   * is not worth sending).
   */
  async issueToken(requestId: string): Promise<{ token: string; expiresAt: Date } | null> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + PASSWORD_RESET_TTL_MS);
    const [rows] = (await this.dataSource.query(
      `UPDATE password_reset_requests SET token_hash = $2, expires_at = $3
        WHERE id = $1 AND used_at IS NULL AND created_at > now() - interval '1 day' RETURNING id`,
      [requestId, hashToken(token), expiresAt],
    )) as [{ id: string }[], number];
    return rows.length ? { token, expiresAt } : null;
  }

  /** Sets the new password once per token and ends every session of the person. */
  async confirm(token: string, password: string): Promise<void> {
    const user = await this.dataSource.transaction(async (em) => {
      const request = await em.findOne(PasswordResetRequest, {
        where: { tokenHash: hashToken(token) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!request || request.usedAt || request.expiresAt <= new Date()) return null;
      const person = await em.findOne(User, { where: { id: request.userId } });
      if (!person?.active) return null;
      person.passwordHash = await this.hasher.hash(password);
      person.passwordChangedAt = new Date();
      await em.save(person);
      // Every open request of the person ends with the first one used.
      await em.update(PasswordResetRequest, { userId: person.id, usedAt: IsNull() }, { usedAt: new Date() });
      return person;
    });
    if (!user) throw new InvalidResetTokenError();
    await this.sessions.endAllSessions(user.id);
    this.logger.log({ userId: user.id }, 'password reset');
  }
}
