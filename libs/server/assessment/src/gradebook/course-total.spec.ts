import { compileTotal, passed, type TotalItem } from './course-total';

const item = (maxPoints: number, weight = 1, category: string | null = null): TotalItem => ({
  maxPoints,
  weight,
  category,
});

describe('course total', () => {
  it('is the weighted mean of item percents when no item has a category', () => {
    // 50% weighing 1 and 100% weighing 3 → (50 + 300) / 4
    const total = compileTotal([item(10), item(20, 3)], {});
    expect(total.total([5, 20])).toBe(87.5);
  });

  it('counts a missing grade as 0', () => {
    const total = compileTotal([item(10), item(10)], {});
    expect(total.total([10, null])).toBe(50);
    expect(total.total([null, null])).toBe(0);
  });

  it('averages within a category by item weight, then across categories by category weight', () => {
    const items = [item(10, 1, 'quizzes'), item(10, 3, 'quizzes'), item(100, 1, 'project')];
    // quizzes: (1×100 + 3×50) / 4 = 62.5; project: 80; categories 1:3 → (62.5 + 240) / 4 = 75.625
    const total = compileTotal(items, { quizzes: 1, project: 3 });
    expect(total.total([10, 5, 80])).toBe(75.63);
  });

  it('gives a category missing from the weights a weight of 1, and each uncategorised item its own weight', () => {
    const items = [item(10, 5, 'quizzes'), item(10, 5, 'quizzes'), item(10, 2)];
    // quizzes (weight 1): 50; uncategorised item (weight 2): 100 → (50 + 200) / 3
    expect(compileTotal(items, {}).total([10, 0, 10])).toBe(83.33);
  });

  it('leaves out groups of weight 0 and answers null when nothing counts', () => {
    const items = [item(10, 1, 'practice'), item(10, 1)];
    expect(compileTotal(items, { practice: 0 }).total([0, 10])).toBe(100);
    expect(compileTotal([item(10, 0)], {}).total([10])).toBeNull();
    expect(compileTotal([], {}).total([])).toBeNull();
  });

  it('passes at the pass mark exactly, not below; no pass mark → null', () => {
    expect(passed(60, 60)).toBe(true);
    expect(passed(59.99, 60)).toBe(false);
    expect(passed(null, 60)).toBe(false);
    expect(passed(90, null)).toBeNull();
  });
});
