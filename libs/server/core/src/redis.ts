import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Redis, RedisOptions } from 'ioredis';
import { AppConfig } from './config';

export const REDIS = Symbol('REDIS');
export const InjectRedis = () => Inject(REDIS);

/**
 * A client for request paths: commands wait for one reconnection attempt at most, so an outage
 * shows up within a second as a failed readiness check instead of hanging requests.
 */
export function createRedis(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    retryStrategy: (times) => Math.min(times * 200, 2000),
    ...options,
  });
}

/**
 * The connection of BullMQ queues and workers (it opens, and on shutdown closes, its own clients
 * from these options). Workers block on Redis: no per-request retry limit, as BullMQ requires.
 */
export function queueConnection(config: AppConfig): { url: string; maxRetriesPerRequest: null } {
  return { url: config.REDIS_URL, maxRetriesPerRequest: null };
}

@Injectable()
export class RedisCloser implements OnApplicationShutdown {
  constructor(@InjectRedis() private readonly redis: Redis) {}
  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}

export const redisProvider = {
  provide: REDIS,
  inject: [AppConfig],
  useFactory: (config: AppConfig) => {
    const redis = createRedis(config.REDIS_URL);
    // Errors surface through the callers; keep the process alive while Redis is away.
    redis.on('error', () => undefined);
    return redis;
  },
};
