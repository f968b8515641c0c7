import { Global, Module } from '@nestjs/common';
import { AppConfig, loadConfigOrExit } from './config';
import { REDIS, RedisCloser, redisProvider } from './redis';

/** Configuration and the shared Redis connection, for every server process. */
@Global()
@Module({
  providers: [{ provide: AppConfig, useFactory: () => loadConfigOrExit() }, redisProvider, RedisCloser],
  exports: [AppConfig, REDIS],
})
export class CoreModule {}
