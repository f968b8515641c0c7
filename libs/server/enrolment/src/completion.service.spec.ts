import { completionReached } from './completion.service';

describe('course completion rule', () => {
  it('is reached when every required activity is done', () => {
    expect(completionReached({ requiredActivities: 3, requiredDone: 2 })).toBe(false);
    expect(completionReached({ requiredActivities: 3, requiredDone: 3 })).toBe(true);
    expect(completionReached({ requiredActivities: 0, requiredDone: 0 })).toBe(true);
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
