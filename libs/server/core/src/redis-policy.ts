import type { Redis } from 'ioredis';

/**
 * BullMQ keeps jobs as Redis keys: a server allowed to evict keys under memory pressure would
 * silently drop work. The worker refuses to start on such a server.
 */
export async function assertNoEviction(redis: Redis): Promise<void> {
  const reply = (await redis.config('GET', 'maxmemory-policy')) as string[];
  const policy = reply[1];
  if (policy !== 'noeviction') {
    throw new Error(
      `Redis at REDIS_URL has maxmemory-policy "${policy}"; queues need "noeviction" ` +
        `(set it in redis.conf or with CONFIG SET maxmemory-policy noeviction).`,
    );
  }
}
