/** BullMQ queues, named once here for the API (producers) and the worker (processors). */
export const QUEUES = {
  certificates: 'certificates',
  mail: 'mail',
  reminders: 'reminders',
  maintenance: 'maintenance',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Jobs of the maintenance queue and their payloads. */
export interface MaintenanceJobs {
  'purge-expired-sessions': { olderThanDays: number };
  /** Submits quiz attempts past their deadline or close time. */
  'quiz-auto-submit': Record<string, never>;
  /** Removes certificate template images no saved template uses, uploaded more than `graceHours` ago. */
  'sweep-template-images': { graceHours: number };
}
