import { latePenaltyPercent } from './late-policy';

describe('latePenaltyPercent', () => {
  it('charges per started day, only under the penalty policy', () => {
    expect(latePenaltyPercent('penalty', 10, 0)).toBe(0);
    expect(latePenaltyPercent('penalty', 10, 1)).toBe(10);
    expect(latePenaltyPercent('penalty', 10, 86_400)).toBe(10);
    expect(latePenaltyPercent('penalty', 10, 86_401)).toBe(20);
    expect(latePenaltyPercent('accept', 10, 5 * 86_400)).toBe(0);
    expect(latePenaltyPercent('refuse', 10, 5 * 86_400)).toBe(0);
  });

  it('never takes more than everything', () => {
    expect(latePenaltyPercent('penalty', 30, 10 * 86_400)).toBe(100);
  });
});
