import 'reflect-metadata';
import { setFlagsFromString } from 'node:v8';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { assertNoEviction, createRedis, loadConfigOrExit, loadEnvFile } from '@aula/server/core';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  // A certificate is drawn in one go: a few MB of objects that die with the document. A young
  // collection that lands mid-document would move its pages whole into the old generation, which
  // then grows batch after batch (measured over 5,000 certificates: its limit went from 196 to
  // 360 MB, with ~90 MB live). Copying the few survivors instead keeps the worker's memory flat.
  setFlagsFromString('--no-page-promotion');
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
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  process.stdout.write('Aula worker running.\n');
}

void main();
