/**
 * Domain events written to the outbox in the same transaction as the change they announce,
 * then relayed to queues by the worker. Payloads carry ids, never personal data.
 */
export interface DomainEvents {
  'enrolment.completed': { enrolmentId: string; userId: string; cohortId: string; courseId: string; completedAt: string };
  'enrolment.status-changed': { enrolmentId: string; userId: string; cohortId: string; from: string | null; to: string };
  'user.invited': { userId: string; invitationId: string };
}
export type DomainEventType = keyof DomainEvents;
