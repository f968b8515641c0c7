import { Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import { createHash, createSecretKey, randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import { DataSource, IsNull, LessThan, Repository } from 'typeorm';
import type { AuthSession, Role } from '@aula/contracts';
import { AppConfig, InjectRedis } from '@aula/server/core';
import { RefreshToken } from './refresh-token.entity';
import { toUserView, User } from './user.entity';
import { InvalidSessionError } from './identity.errors';

/** What a verified access token says about the caller. */
export interface Actor {
  id: string;
  roles: Role[];
  /** Session (refresh-token family) the access token was issued for. */
  sid: string;
}

interface AccessClaims {
  sub: string;
  roles: Role[];
  sid: string;
  typ: 'access';
}

export interface IssuedSession {
  session: AuthSession;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const revokedKey = (sid: string) => `aula:session:revoked:${sid}`;

/**
 * Access tokens (short-lived JWT, HS256 only) and rotating refresh tokens (random, stored hashed).
 * Ending a session marks its id in Redis for as long as its access tokens could live, so they stop
 * working at once too.
 */
@Injectable()
export class SessionService {
  private readonly logger = new Logger(SessionService.name);
  /** A key object, not a string: the JWT library then skips trying to read it as a public key. */
  private readonly accessKey: KeyObject;

  constructor(
    private readonly config: AppConfig,
    private readonly jwt: JwtService,
    private readonly dataSource: DataSource,
    @InjectRepository(RefreshToken) private readonly tokens: Repository<RefreshToken>,
    @InjectRedis() private readonly redis: Redis,
  ) {
    this.accessKey = createSecretKey(Buffer.from(config.JWT_ACCESS_SECRET, 'utf8'));
  }

  async start(user: User, familyId: string = randomUUID()): Promise<IssuedSession> {
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshTokenExpiresAt = new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86400_000);
    await this.tokens.insert({
      userId: user.id,
      familyId,
      tokenHash: hashToken(refreshToken),
      expiresAt: refreshTokenExpiresAt,
    });
    return { session: this.accessSession(user, familyId), refreshToken, refreshTokenExpiresAt };
  }

  private accessSession(user: User, sid: string): AuthSession {
    const claims: AccessClaims = { sub: user.id, roles: user.roles, sid, typ: 'access' };
    const accessToken = this.jwt.sign(claims, {
      privateKey: this.accessKey,
      algorithm: 'HS256',
      expiresIn: this.config.JWT_ACCESS_TTL,
    });
    return {
      accessToken,
      accessTokenExpiresAt: new Date(Date.now() + this.config.JWT_ACCESS_TTL * 1000).toISOString(),
      user: toUserView(user),
    };
  }

  /**
   * Swaps a refresh token for a new one in the same session. A token presented twice means it was
   * stolen or replayed: the whole session ends.
   */
  async refresh(refreshToken: string): Promise<IssuedSession> {
    const outcome = await this.dataSource.transaction(async (em) => {
      const token = await em.findOne(RefreshToken, {
        where: { tokenHash: hashToken(refreshToken) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!token) return { kind: 'invalid' as const };
      if (token.revokedAt || token.replacedAt) return { kind: 'reused' as const, token };
      if (token.expiresAt <= new Date()) return { kind: 'invalid' as const };
      const user = await em.findOne(User, { where: { id: token.userId } });
      if (!user?.active) return { kind: 'invalid' as const };
      await em.update(RefreshToken, { id: token.id }, { replacedAt: new Date() });
      return { kind: 'ok' as const, token, user };
    });
    if (outcome.kind === 'reused') {
      this.logger.warn({ userId: outcome.token.userId, sid: outcome.token.familyId }, 'refresh token reused; session ended');
      await this.endSession(outcome.token.familyId);
    }
    if (outcome.kind !== 'ok') throw new InvalidSessionError();
    return this.start(outcome.user, outcome.token.familyId);
  }

  /** Sign-out: ends the session the refresh token belongs to. Unknown tokens are ignored. */
  async endByRefreshToken(refreshToken: string): Promise<void> {
    const token = await this.tokens.findOne({ where: { tokenHash: hashToken(refreshToken) } });
    if (token) await this.endSession(token.familyId);
  }

  async endSession(familyId: string): Promise<void> {
    await this.tokens.update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
    await this.markRevoked([familyId]);
  }

  /** Password change, deactivation: every session of the person ends. */
  async endAllSessions(userId: string): Promise<void> {
    // Sessions whose last token expired more than an access-token lifetime ago cannot act any more.
    const result = await this.tokens
      .createQueryBuilder()
      .update()
      .set({ revokedAt: () => 'now()' })
      .where('user_id = :userId AND revoked_at IS NULL', { userId })
      .andWhere('expires_at > now() - make_interval(secs => :ttl)', { ttl: this.config.JWT_ACCESS_TTL })
      .returning('family_id')
      .execute();
    const families = result.raw as { family_id: string }[];
    await this.markRevoked([...new Set(families.map((f) => f.family_id))]);
  }

  private async markRevoked(familyIds: string[]): Promise<void> {
    if (!familyIds.length) return;
    const multi = this.redis.multi();
    for (const id of familyIds) multi.set(revokedKey(id), '1', 'EX', this.config.JWT_ACCESS_TTL + 60);
    await multi.exec().catch((e: unknown) => this.logger.warn(`could not mark sessions ended in Redis: ${String(e)}`));
  }

  /** Verifies an access token; null when it is not a valid, live access token. */
  async verifyAccessToken(token: string): Promise<Actor | null> {
    let claims: AccessClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(token, {
        // jsonwebtoken takes a KeyObject; @nestjs/jwt's option type only lists string | Buffer.
        publicKey: this.accessKey as unknown as Buffer,
        algorithms: ['HS256'],
      });
    } catch {
      return null;
    }
    if (claims.typ !== 'access' || typeof claims.sub !== 'string' || typeof claims.sid !== 'string') return null;
    if (await this.isRevoked(claims.sid)) return null;
    return { id: claims.sub, roles: claims.roles, sid: claims.sid };
  }

  private async isRevoked(sid: string): Promise<boolean> {
    try {
      return (await this.redis.exists(revokedKey(sid))) === 1;
    } catch {
      // Redis away: the token's signature and short life still hold; do not lock everyone out.
      return false;
    }
  }

  /** Housekeeping for the worker: forget tokens that expired long ago. */
  async purgeExpired(olderThanDays = 30): Promise<number> {
    const result = await this.tokens.delete({ expiresAt: LessThan(new Date(Date.now() - olderThanDays * 86400_000)) });
    return result.affected ?? 0;
  }
}
