import { StatementBatcher } from './statement-batcher';

describe('StatementBatcher', () => {
  it('runs calls that arrive together as one batch and gives each its own result', async () => {
    const runs: number[][] = [];
    const batcher = new StatementBatcher<number, number>(async (items) => {
      runs.push(items);
      return items.map((i) => i * 10);
    }, { maxWaitMs: 5 });
    expect(await Promise.all([1, 2, 3].map((i) => batcher.push(i)))).toEqual([10, 20, 30]);
    expect(runs).toEqual([[1, 2, 3]]);
  });

  it('collects the calls made while a run is in progress into the next run', async () => {
    const runs: number[][] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const batcher = new StatementBatcher<number, number>(async (items) => {
      runs.push(items);
      if (runs.length === 1) await gate;
      return items;
    });
    const first = batcher.push(1);
    const later = [batcher.push(2), batcher.push(3)];
    release();
    expect(await Promise.all([first, ...later])).toEqual([1, 2, 3]);
    expect(runs).toEqual([[1], [2, 3]]);
  });

  it('fails only the item that breaks its batch', async () => {
    const batcher = new StatementBatcher<number, number>(async (items) => {
      if (items.includes(2)) throw new Error(`bad item in ${items.join(',')}`);
      return items;
    }, { maxWaitMs: 5 });
    const results = await Promise.allSettled([1, 2, 3].map((i) => batcher.push(i)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toEqual(new Error('bad item in 2'));
  });

  it('never runs more than maxSize items at once', async () => {
    const sizes: number[] = [];
    const batcher = new StatementBatcher<number, number>(async (items) => {
      sizes.push(items.length);
      return items;
    }, { maxSize: 2, maxWaitMs: 5 });
    await Promise.all([1, 2, 3, 4, 5].map((i) => batcher.push(i)));
    expect(sizes.every((n) => n <= 2)).toBe(true);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(5);
  });
});
