import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { QUEUES, type MaintenanceJobs } from '@aula/contracts';
import { CertificateTemplateService } from '@aula/server/certification';
import { SessionService } from '@aula/server/identity';
import { QUIZ_AUTO_SUBMIT, QuizAutoSubmitJob } from '../quiz/quiz-auto-submit.job';

type PurgeJob = Job<MaintenanceJobs['purge-expired-sessions']>;
type SweepJob = Job<MaintenanceJobs['sweep-template-images']>;

export const SWEEP_TEMPLATE_IMAGES = 'sweep-template-images';

/** Housekeeping that must happen once a day however many workers run. */
@Processor(QUEUES.maintenance)
export class MaintenanceProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(MaintenanceProcessor.name);

  constructor(
    private readonly sessions: SessionService,
    @InjectQueue(QUEUES.maintenance) private readonly queue: Queue,
    private readonly quizAutoSubmit: QuizAutoSubmitJob,
    private readonly templates: CertificateTemplateService,
  ) {
    super();
  }

  /** A job scheduler is keyed by id: several workers upserting it still yield one schedule. */
  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      'purge-expired-sessions',
      { pattern: '17 3 * * *', tz: 'UTC' },
      { name: 'purge-expired-sessions', data: { olderThanDays: 30 } },
    );
    await this.queue.upsertJobScheduler(
      SWEEP_TEMPLATE_IMAGES,
      { pattern: '47 3 * * *', tz: 'UTC' },
      { name: SWEEP_TEMPLATE_IMAGES, data: { graceHours: 24 } },
    );
    await this.quizAutoSubmit.schedule(this.queue);
  }

  async process(job: PurgeJob | SweepJob): Promise<{ purged?: number; submitted?: number; removed?: number }> {
    if ((job.name as string) === QUIZ_AUTO_SUBMIT) return this.quizAutoSubmit.run();
    if (job.name === SWEEP_TEMPLATE_IMAGES) {
      const { graceHours } = (job as SweepJob).data;
      return { removed: await this.templates.sweepUnusedImages(new Date(Date.now() - graceHours * 3600_000)) };
    }
    const purged = await this.sessions.purgeExpired((job as PurgeJob).data.olderThanDays);
    this.logger.log(`purged ${purged} expired refresh tokens`);
    return { purged };
  }
}
