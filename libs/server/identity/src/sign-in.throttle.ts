import { Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { createHash } from 'node:crypto';
import { AppConfig, InjectRedis } from '@aula/server/core';
import { TooManyAttemptsError } from './identity.errors';

/**
 * Counts failed sign-ins per account and per client address in Redis (shared by every API copy),
 * with an in-process stand-in while Redis is away so an outage never lifts the limit.
 */
@Injectable()
export class SignInThrottle {
  private readonly logger = new Logger(SignInThrottle.name);
  private readonly perAccount: RateLimiterRedis;
  private readonly perAddress: RateLimiterRedis;

  constructor(config: AppConfig, @InjectRedis() redis: Redis) {
    const limiter = (keyPrefix: string, points: number) =>
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix,
        points,
        duration: config.SIGN_IN_WINDOW_SECONDS,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration: config.SIGN_IN_WINDOW_SECONDS }),
      });
    this.perAccount = limiter('aula:signin:account', config.SIGN_IN_MAX_FAILURES_PER_ACCOUNT);
    this.perAddress = limiter('aula:signin:address', config.SIGN_IN_MAX_FAILURES_PER_ADDRESS);
  }

  private static accountKey(email: string): string {
    return createHash('sha256').update(email).digest('hex');
  }

  /** Throws 429 when either counter is spent. */
  async assertAllowed(email: string, address: string): Promise<void> {
    const [account, client] = await Promise.all([
      this.perAccount.get(SignInThrottle.accountKey(email)),
      this.perAddress.get(address),
    ]);
    const spent = [
      [account, this.perAccount.points],
      [client, this.perAddress.points],
    ].filter(([res, points]) => res && (res as RateLimiterRes).consumedPoints >= (points as number));
    if (spent.length) {
      const wait = Math.max(...spent.map(([res]) => Math.ceil((res as RateLimiterRes).msBeforeNext / 1000)));
      throw new TooManyAttemptsError(Math.max(wait, 1));
    }
  }

  async recordFailure(email: string, address: string): Promise<void> {
    await Promise.all([
      this.perAccount.penalty(SignInThrottle.accountKey(email), 1),
      this.perAddress.penalty(address, 1),
    ]).catch((e: unknown) => this.logger.warn(`could not record a failed sign-in: ${String(e)}`));
  }

  async recordSuccess(email: string): Promise<void> {
    await this.perAccount.delete(SignInThrottle.accountKey(email)).catch(() => undefined);
  }
}
