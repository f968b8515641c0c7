import { handleEvent, type EventHandlers, type EventJob, type MailRequest, type QueueEventType } from '@aula/contracts';

export type MailEventType = QueueEventType<'mail'>;

/** The messages each event relayed to the mail queue asks for (none: it concerns nobody's inbox). */
const EVENT_MAIL: EventHandlers<MailEventType, MailRequest[]> = {
  'user.invited': ({ eventId, payload: p }) => [{ userId: p.userId, template: 'invitation', subjectId: p.invitationId, occasion: eventId }],
  'password-reset.requested': ({ payload: p }) => [{ userId: p.userId, template: 'password-reset', subjectId: p.requestId, occasion: 'request' }],
  'enrolment.status-changed': ({ eventId, payload: p }) => {
    const template =
      p.to === 'waitlisted' ? 'enrolment-waitlisted' : p.to === 'active' ? (p.from === 'waitlisted' ? 'enrolment-promoted' : 'enrolment-approved') : null;
    return template ? [{ userId: p.userId, template, subjectId: p.enrolmentId, enrolmentId: p.enrolmentId, occasion: eventId }] : [];
  },
  'assignment.submitted': ({ payload: p }) => [
    { userId: p.userId, template: 'submission-receipt', subjectId: p.submissionId, enrolmentId: p.enrolmentId, occasion: `v${p.version}` },
  ],
  'grade.released': ({ eventId, payload: p }) => [
    { userId: p.userId, template: 'grade-released', subjectId: p.gradeId, enrolmentId: p.enrolmentId, occasion: eventId },
  ],
  'certificate.issued': ({ payload: p }) => [
    { userId: p.userId, template: 'certificate-issued', subjectId: p.certificateId, enrolmentId: p.enrolmentId, occasion: 'issued' },
  ],
  // Workshop registrations: the subject is the registration, each event its own occasion.
  'workshop-registration.received': ({ eventId, payload: p }) => [{ userId: p.userId, template: 'workshop-received', subjectId: p.registrationId, occasion: eventId }],
  'workshop-registration.confirmed': ({ eventId, payload: p }) => [{ userId: p.userId, template: 'workshop-confirmed', subjectId: p.registrationId, occasion: eventId }],
  'workshop-registration.declined': ({ eventId, payload: p }) => [{ userId: p.userId, template: 'workshop-declined', subjectId: p.registrationId, occasion: eventId }],
  'workshop-registration.waitlisted': ({ eventId, payload: p }) => [{ userId: p.userId, template: 'workshop-waitlisted', subjectId: p.registrationId, occasion: eventId }],
  'workshop-registration.promoted': ({ eventId, payload: p }) => [{ userId: p.userId, template: 'workshop-promoted', subjectId: p.registrationId, occasion: eventId }],
  'workshop-registration.cancelled': ({ eventId, payload: p }) => [
    {
      userId: p.userId,
      template: p.reason === 'withdrawn' ? 'workshop-withdrawn' : p.reason === 'offer-expired' ? 'workshop-offer-expired' : 'workshop-cancelled',
      subjectId: p.registrationId,
      occasion: eventId,
    },
  ],
  // Fanned out by the mail processor once per batch of changes (AGENDA_QUIET_MS), not per event.
  'workshop.agenda-changed': () => [],
};

export const requestsForEvent = (event: EventJob<MailEventType>): MailRequest[] => handleEvent(EVENT_MAIL, event);
