import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { assertNoEviction, createRedis, loadConfigOrExit, loadEnvFile } from '@aula/server/core';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  loadEnvFile();
  const config = loadConfigOrExit();
  const probe = createRedis(config.REDIS_URL, { enableOfflineQueue: true, lazyConnect: true });
  try {
    await probe.connect();
    await assertNoEviction(probe);
  } catch (e) {
    process.stderr.write(`Aula worker not started: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  } finally {
    probe.disconnect();
  }
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config.workerProcessors), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  process.stdout.write(`Aula worker running. Processors: ${config.workerProcessors.join(', ')}.\n`);
}

void main();
