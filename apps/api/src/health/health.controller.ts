import { Controller, HttpCode, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import type { HealthStatus } from '@aula/contracts';
import { InjectRedis } from '@aula/server/core';
import { platformApi } from '@aula/contracts';
import { Public } from '../auth/auth.decorators';
import { Route } from '../common/route.decorator';

const within = <T>(ms: number, work: Promise<T>): Promise<T> =>
  Promise.race([work, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms).unref())]);

@ApiTags('health')
@Public()
@Controller()
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRedis() private readonly redis: Redis,
  ) {}

  /** Liveness: the process answers. */
  @Route(platformApi.health)
  @HttpCode(200)
  live(): HealthStatus {
    return { status: 'ok' };
  }

  /** Readiness: PostgreSQL and Redis both answer; 503 otherwise. */
  @Route(platformApi.ready)
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthStatus> {
    const check = async (work: () => Promise<unknown>) => {
      try {
        await within(2000, work());
        return { status: 'up' as const };
      } catch (e) {
        return { status: 'down' as const, detail: e instanceof Error ? e.message : String(e) };
      }
    };
    const [postgres, redis] = await Promise.all([
      check(() => this.dataSource.query('SELECT 1')),
      check(() => this.redis.ping()),
    ]);
    const ok = postgres.status === 'up' && redis.status === 'up';
    void reply.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'error', checks: { postgres, redis } };
  }
}
