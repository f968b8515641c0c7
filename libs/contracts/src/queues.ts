import type { DomainEventType, EventJob } from './events';
import type { MailRequest } from './notification';

/** BullMQ queues, named once here for the API (producers) and the worker (processors). */
export const QUEUES = {
  certificates: 'certificates',
  mail: 'mail',
  reminders: 'reminders',
  maintenance: 'maintenance',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/**
 * Which queues each event feeds. The outbox relay publishes one job per queue with the event id
 * as job id and the event type as job name. An event type without consumers yet is marked
 * published and kept in the table.
 */
export const EVENT_QUEUES = {
  'enrolment.completed': ['certificates'],
  'enrolment.status-changed': ['mail'],
  'user.invited': ['mail'],
  'grade.released': ['mail'],
  'certificate.issued': ['mail'],
  'certificate.requested': ['certificates'],
  'certificate.reissue-requested': ['certificates'],
  'certificate.revoked': ['certificates'],
  'assignment.submitted': ['mail'],
  'password-reset.requested': ['mail'],
  'workshop-registration.received': ['mail'],
  'workshop-registration.confirmed': ['mail'],
  'workshop-registration.declined': ['mail'],
  'workshop-registration.waitlisted': ['mail'],
  'workshop-registration.promoted': ['mail'],
  // Includes each registration a cancelled workshop ended (reason `workshop-cancelled`): that is
  // the per-person notice, so `workshop.cancelled` itself mails nobody and is kept for other uses.
  'workshop-registration.cancelled': ['mail'],
  'workshop.cancelled': [],
  // Fanned out to confirmed participants once per batch of changes (the mail processor waits).
  'workshop.agenda-changed': ['mail'],
  'workshop-invitation.sent': [],
  // Participation certificates for everyone at or above the attendance threshold.
  'workshop.held': ['certificates'],
} as const satisfies Record<DomainEventType, readonly QueueName[]>;

/** The event types a queue receives. */
export type QueueEventType<Q extends QueueName> = {
  [K in DomainEventType]: Q extends (typeof EVENT_QUEUES)[K][number] ? K : never;
}[DomainEventType];

/** Relayed events as jobs: the job name is the event type. */
type EventJobsOf<Q extends QueueName> = { [K in QueueEventType<Q>]: EventJob<K> };

/** Jobs of the maintenance queue and their payloads. */
export interface MaintenanceJobs {
  'purge-expired-sessions': { olderThanDays: number };
  /** Submits quiz attempts past their deadline or close time. */
  'quiz-auto-submit': Record<string, never>;
  /** Removes certificate template images no saved template uses, uploaded more than `graceHours` ago. */
  'sweep-template-images': { graceHours: number };
  /** Workshop seat offers past their deadline lapse; the seat goes to the next in line. */
  'workshop-offer-expiry': Record<string, never>;
}

/** Jobs of the mail queue: relayed events, reminders found by the scheduler, daily digests. */
export type MailJobs = EventJobsOf<'mail'> & {
  reminder: MailRequest;
  digest: { userId: string };
  /** One batch of agenda changes of a workshop, mailed to its confirmed participants after a quiet wait. */
  'workshop-agenda': { workshopId: string; eventId: string };
};

/** Job names and payloads of every queue. */
export interface QueueJobs {
  certificates: EventJobsOf<'certificates'>;
  mail: MailJobs;
  /** The scheduler's periodic look for due reminders and digests. */
  reminders: { 'find-reminders': Record<string, never> };
  maintenance: MaintenanceJobs;
}
export type JobName<Q extends QueueName> = keyof QueueJobs[Q] & string;
