import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { OUTBOX_BATCH, OutboxPublisher } from './outbox.publisher';

const IDLE_MS = 500;

/**
 * Publishes outbox events as they come: batch after batch, and every IDLE_MS when there is
 * nothing to do. While Redis is away the events wait in PostgreSQL and go out when it returns.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(private readonly publisher: OutboxPublisher) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let published = 0;
      try {
        published = await this.publisher.publishBatch();
      } catch (e) {
        this.logger.warn(`outbox relay paused: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (published < OUTBOX_BATCH && this.running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, IDLE_MS);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  }
}
