import type { EventJob } from '@aula/contracts';
import { requestsForEvent } from './event-mail.rules';

const changed = (from: string | null, to: string): EventJob<'enrolment.status-changed'> => ({
  eventId: 'e1',
  type: 'enrolment.status-changed',
  occurredAt: '2026-01-01T00:00:00.000Z',
  payload: { enrolmentId: 'en1', userId: 'u1', cohortId: 'c1', from, to },
});

describe('requestsForEvent', () => {
  it.each([
    [null, 'waitlisted', 'enrolment-waitlisted'],
    ['waitlisted', 'active', 'enrolment-promoted'],
    ['pending', 'active', 'enrolment-approved'],
  ])('an enrolment going from %s to %s asks for %s', (from, to, template) => {
    expect(requestsForEvent(changed(from, to))).toEqual([{ userId: 'u1', template, subjectId: 'en1', enrolmentId: 'en1', occasion: 'e1' }]);
  });

  it('asks for nothing when an enrolment is withdrawn', () => {
    expect(requestsForEvent(changed('active', 'withdrawn'))).toEqual([]);
  });

  it('one receipt per submitted version', () => {
    const job: EventJob<'assignment.submitted'> = {
      eventId: 'e2',
      type: 'assignment.submitted',
      occurredAt: '2026-01-01T00:00:00.000Z',
      payload: { submissionId: 's1', activityId: 'a1', enrolmentId: 'en1', userId: 'u1', version: 3 },
    };
    expect(requestsForEvent(job)).toEqual([{ userId: 'u1', template: 'submission-receipt', subjectId: 's1', enrolmentId: 'en1', occasion: 'v3' }]);
  });

  it.each([
    ['withdrawn', 'workshop-withdrawn'],
    ['offer-expired', 'workshop-offer-expired'],
    ['workshop-cancelled', 'workshop-cancelled'],
  ] as const)('a workshop registration cancelled as %s asks for %s about the registration', (reason, template) => {
    const job: EventJob<'workshop-registration.cancelled'> = {
      eventId: 'e3',
      type: 'workshop-registration.cancelled',
      occurredAt: '2026-01-01T00:00:00.000Z',
      payload: { registrationId: 'r1', workshopId: 'w1', userId: 'u1', reason },
    };
    expect(requestsForEvent(job)).toEqual([{ userId: 'u1', template, subjectId: 'r1', occasion: 'e3' }]);
  });

  it('leaves agenda changes to the batching job', () => {
    const job: EventJob<'workshop.agenda-changed'> = {
      eventId: 'e4',
      type: 'workshop.agenda-changed',
      occurredAt: '2026-01-01T00:00:00.000Z',
      payload: { workshopId: 'w1' },
    };
    expect(requestsForEvent(job)).toEqual([]);
  });
});
