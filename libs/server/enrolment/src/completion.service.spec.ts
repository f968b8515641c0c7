import { completionReached, progressPercent } from './completion.service';

describe('course completion rule', () => {
  it('is reached when every required activity is done', () => {
    expect(completionReached({ requiredActivities: 3, requiredDone: 2 })).toBe(false);
    expect(completionReached({ requiredActivities: 3, requiredDone: 3 })).toBe(true);
    expect(completionReached({ requiredActivities: 0, requiredDone: 0 })).toBe(true);
  });

  it('shows progress in whole percent, 100 only when all is done', () => {
    expect(progressPercent({ requiredActivities: 3, requiredDone: 0 })).toBe(0);
    expect(progressPercent({ requiredActivities: 3, requiredDone: 2 })).toBe(66);
    expect(progressPercent({ requiredActivities: 200, requiredDone: 199 })).toBe(99);
    expect(progressPercent({ requiredActivities: 3, requiredDone: 3 })).toBe(100);
    expect(progressPercent({ requiredActivities: 0, requiredDone: 0 })).toBe(100);
  });
});

describe('course completion with registered conditions', () => {
  it('needs every condition met as well as every required activity done', () => {
    expect(
      completionReached({ requiredActivities: 2, requiredDone: 2, conditions: { passMarkReached: false } }),
    ).toBe(false);
    expect(
      completionReached({ requiredActivities: 2, requiredDone: 2, conditions: { passMarkReached: true } }),
    ).toBe(true);
    expect(
      completionReached({ requiredActivities: 2, requiredDone: 1, conditions: { passMarkReached: true } }),
    ).toBe(false);
    expect(completionReached({ requiredActivities: 0, requiredDone: 0, conditions: {} })).toBe(true);
  });
});
