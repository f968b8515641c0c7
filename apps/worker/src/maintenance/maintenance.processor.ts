import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QUEUES, type JobName, type MaintenanceJobs } from '@aula/contracts';
import { QuizExpiryService } from '@aula/server/assessment';
import { CertificateTemplateService } from '@aula/server/certification';
import { SessionService } from '@aula/server/identity';
import { OfferExpiryService } from '@aula/server/workshops';
import type { QueueJob } from '../queue-job';

type MaintenanceOutcome = { purged: number } | { removed: number } | { submitted: number } | { expired: number };

/** Each job's schedule. Keyed by job name: several workers upserting them still yield one schedule each. */
const SCHEDULES: { [N in JobName<'maintenance'>]: { repeat: { pattern: string; tz: string } | { every: number }; data: MaintenanceJobs[N] } } = {
  'purge-expired-sessions': { repeat: { pattern: '17 3 * * *', tz: 'UTC' }, data: { olderThanDays: 30 } },
  'sweep-template-images': { repeat: { pattern: '47 3 * * *', tz: 'UTC' }, data: { graceHours: 24 } },
  // Quiz attempts whose time ran out (time limit or close time) are submitted even if nobody
  // touches them again, so grades and completion do not wait for the trainee to come back.
  'quiz-auto-submit': { repeat: { every: 60_000 }, data: {} },
  // Seat offers not confirmed in time pass to the next in line (whose "promoted" mail follows).
  'workshop-offer-expiry': { repeat: { every: 60_000 }, data: {} },
};

/** Work on a schedule that must happen once however many workers run. */
@Processor(QUEUES.maintenance)
export class MaintenanceProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(MaintenanceProcessor.name);

  constructor(
    private readonly sessions: SessionService,
    private readonly templates: CertificateTemplateService,
    private readonly quizzes: QuizExpiryService,
    private readonly offers: OfferExpiryService,
    @InjectQueue(QUEUES.maintenance) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const [name, { repeat, data }] of Object.entries(SCHEDULES)) await this.queue.upsertJobScheduler(name, repeat, { name, data });
  }

  async process(job: QueueJob<'maintenance'>): Promise<MaintenanceOutcome> {
    switch (job.name) {
      case 'purge-expired-sessions': {
        const purged = await this.sessions.purgeExpired(job.data.olderThanDays);
        this.logger.log(`purged ${purged} expired refresh tokens`);
        return { purged };
      }
      case 'sweep-template-images':
        return { removed: await this.templates.sweepUnusedImages(new Date(Date.now() - job.data.graceHours * 3600_000)) };
      case 'quiz-auto-submit': {
        // Several workers running it at once take different rows (SKIP LOCKED).
        const submitted = await this.quizzes.sweepExpired();
        if (submitted > 0) this.logger.log(`submitted ${submitted} quiz attempts whose time ran out`);
        return { submitted };
      }
      case 'workshop-offer-expiry': {
        // Each workshop is handled with its row locked: several workers at once expire each offer once.
        const expired = await this.offers.expireOffers(new Date());
        if (expired > 0) this.logger.log(`${expired} workshop seat offers lapsed`);
        return { expired };
      }
    }
  }
}
