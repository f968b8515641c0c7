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
  /** A workshop registration arrived as an application, waiting for the organiser. */
  'workshop-registration.received': WorkshopRegistrationEvent;
  /** A seat is the person's: registered with a seat free, approved, or a seat offer confirmed. */
  'workshop-registration.confirmed': WorkshopRegistrationEvent;
  /** An organiser declined an application (the reason stays with the registration). */
  'workshop-registration.declined': WorkshopRegistrationEvent;
  /** No seat (or none left for the person's country): on the waiting list. */
  'workshop-registration.waitlisted': WorkshopRegistrationEvent;
  /** A freed seat offered to the next in line, to confirm before `offerExpiresAt`. */
  'workshop-registration.promoted': WorkshopRegistrationEvent & { offerExpiresAt: string };
  /** The person withdrew, or let a seat offer expire. */
  'workshop-registration.cancelled': WorkshopRegistrationEvent & { reason: 'withdrawn' | 'offer-expired' | 'workshop-cancelled' };
  /** A workshop was cancelled; everyone registered is told (one `workshop-registration.cancelled` each). */
  'workshop.cancelled': { workshopId: string };
  /** Sessions of a published workshop were added, changed or removed. */
  'workshop.agenda-changed': { workshopId: string };
  /** An organiser invited an address to a workshop; the sender takes a fresh token for the link (`issueToken`). */
  'workshop-invitation.sent': { invitationId: string; workshopId: string; email: string };
  /** A workshop was marked held: participants at or above its attendance threshold get a participation certificate. */
  'workshop.held': { workshopId: string };
}

export interface WorkshopRegistrationEvent {
  registrationId: string;
  workshopId: string;
  userId: string;
}
export type DomainEventType = keyof DomainEvents;

/**
 * The job every relayed event becomes: a union discriminated by `type`, so that checking the type
 * narrows the payload. `EventJob<'a' | 'b'>` is the job of either event.
 */
export type EventJob<T extends DomainEventType = DomainEventType> = {
  [K in T]: { eventId: string; type: K; payload: DomainEvents[K]; occurredAt: string };
}[T];

/** One handler per event type: an event routed to a queue without its handler does not compile. */
export type EventHandlers<T extends DomainEventType, R> = { [K in T]: (event: EventJob<K>) => R };

/** Hands an event to the handler of its type. */
export function handleEvent<T extends DomainEventType, R>(handlers: EventHandlers<T, R>, event: EventJob<T>): R {
  const handler: ((event: EventJob<T>) => R) | undefined = handlers[event.type];
  // Only a job older than this code (an event type since removed) can miss its handler.
  if (!handler) throw new Error(`no handler for event ${String(event.type)}`);
  return handler(event);
}
