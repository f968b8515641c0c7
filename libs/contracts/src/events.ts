import type { QueueName } from './queues';

/**
 * Domain events written to the outbox in the same transaction as the change they announce,
 * then relayed to queues by the worker. Payloads carry ids, never personal data.
 */
export interface DomainEvents {
  'enrolment.completed': { enrolmentId: string; userId: string; cohortId: string; courseId: string; completedAt: string };
  'enrolment.status-changed': { enrolmentId: string; userId: string; cohortId: string; from: string | null; to: string };
  'user.invited': { userId: string; invitationId: string };
  /** A grade became visible to its trainee. */
  'grade.released': { gradeId: string; activityId: string; enrolmentId: string; userId: string; cohortId: string };
  /** A certificate was issued (first issue or re-issue); its PDF is stored. */
  'certificate.issued': { certificateId: string; enrolmentId: string; userId: string; cohortId: string; replacesId: string | null };
  /** An administrator asked to issue now (alone, or as part of a cohort batch). */
  'certificate.requested': { enrolmentId: string; batchId: string | null; expiresAt: string | null; requestedById: string };
  /** An administrator asked for a new certificate replacing this one. */
  'certificate.reissue-requested': { certificateId: string; expiresAt: string | null; requestedById: string };
  /** A certificate was revoked: the signed status list is rebuilt. */
  'certificate.revoked': { certificateId: string; enrolmentId: string; userId: string; cohortId: string };
  /** A trainee submitted a version of an assignment (receipt mail). */
  'assignment.submitted': { submissionId: string; activityId: string; enrolmentId: string; userId: string; version: number };
  /** Someone asked to reset their password; the mail carries a fresh single-use token. */
  'password-reset.requested': { userId: string; requestId: string };
}
export type DomainEventType = keyof DomainEvents;

/**
 * Which queues each event feeds. The outbox relay publishes one job per queue with the event id
 * as job id. An event type without consumers yet is marked published and kept in the table.
 */
export const EVENT_QUEUES: Record<DomainEventType, readonly QueueName[]> = {
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
};

/** The job every relayed event becomes. */
export interface EventJob<T extends DomainEventType = DomainEventType> {
  eventId: string;
  type: T;
  payload: DomainEvents[T];
  occurredAt: string;
}
