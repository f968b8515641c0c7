import { reviewAllowed } from './quiz-review.service';

describe('when a trainee may see correct answers and feedback', () => {
  const now = Date.parse('2027-03-01T12:00:00Z');
  const submitted = { submittedAt: new Date('2027-03-01T11:00:00Z') };
  const open = { submittedAt: null };

  it('never while the attempt is in progress', () => {
    for (const when of ['after_submit', 'after_close', 'never'] as const) expect(reviewAllowed(when, open, null, now)).toBe(false);
  });
  it('after submitting, when the quiz says so', () => expect(reviewAllowed('after_submit', submitted, null, now)).toBe(true));
  it('after the close time only once it has passed', () => {
    expect(reviewAllowed('after_close', submitted, '2027-03-01T12:30:00Z', now)).toBe(false);
    expect(reviewAllowed('after_close', submitted, '2027-03-01T11:59:59Z', now)).toBe(true);
    // A quiz without a close time never closes.
    expect(reviewAllowed('after_close', submitted, null, now)).toBe(false);
  });
  it('never, when the quiz says never', () => expect(reviewAllowed('never', submitted, '2027-01-01T00:00:00Z', now)).toBe(false));
});
