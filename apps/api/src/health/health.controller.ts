import { Controller, HttpCode, Res, ServiceUnavailableException } from '@nestjs/common';
import {
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
  type HealthCheckResult,
} from '@nestjs/terminus';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Redis } from 'ioredis';
import type { HealthStatus } from '@aula/contracts';
import { InjectRedis } from '@aula/server/core';
import { platformApi } from '@aula/contracts';
import { Public } from '../auth/auth.decorators';
import { Route } from '../common/route.decorator';

/** How long a dependency may take to answer before it counts as down. */
const CHECK_TIMEOUT_MS = 2000;

@ApiTags('health')
@Public()
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly postgres: TypeOrmHealthIndicator,
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
    const result = await this.health
      .check([
        () => this.postgres.pingCheck('postgres', { timeout: CHECK_TIMEOUT_MS }),
        () =>
          this.indicators
            .check('redis')
            .attempt(() => this.redis.ping())
            .withTimeout(CHECK_TIMEOUT_MS),
      ])
      // Terminus reports a failed check as a 503 exception carrying the same result.
      .catch((e: unknown) => {
        if (e instanceof ServiceUnavailableException) return e.getResponse() as HealthCheckResult;
        throw e;
      });
    const ok = result.status === 'ok';
    void reply.status(ok ? 200 : 503);
    const checks = Object.fromEntries(
      Object.entries(result.details).map(([name, check]) => [
        name,
        check.status === 'up'
          ? { status: 'up' as const }
          : { status: 'down' as const, detail: String(check['message'] ?? check.status) },
      ]),
    );
    return { status: ok ? 'ok' : 'error', checks };
  }
}
