import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CoreModule, loadConfigOrExit, loadEnvFile } from '@aula/server/core';
import { DatabaseModule } from '@aula/server/database';
import { NotificationWorkerModule } from './notification-worker.module';
import { ReminderScheduler } from './reminder.scheduler';

/** Queues only: no processor runs here, the running worker sends. */
@Module({ imports: [CoreModule, DatabaseModule, NotificationWorkerModule] })
class RunRemindersModule {}

/**
 * `npm run reminders [-- --ignore-daytime]`: looks for due reminders now and queues them for the
 * running worker (the scheduler does the same every REMINDER_INTERVAL_MINUTES). With
 * --ignore-daytime they go out at once instead of waiting for 08:00 on each recipient's clock.
 */
async function main(): Promise<void> {
  loadEnvFile();
  loadConfigOrExit();
  const app = await NestFactory.createApplicationContext(RunRemindersModule, { logger: ['error', 'warn'] });
  try {
    const result = await app.get(ReminderScheduler).run(new Date(), { ignoreDaytime: process.argv.includes('--ignore-daytime') });
    process.stdout.write(`Queued ${result.queued} reminders and ${result.digests} digests for the worker.\n`);
  } finally {
    await app.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`reminders: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
