import { DocumentMemo, RecurringMemo } from './certificate-memo';

describe('RecurringMemo', () => {
  it('computes once per document and keeps for the process only what a second document asks for', () => {
    const memo = new RecurringMemo<string>();
    const computed: string[] = [];
    const compute = (key: string) => () => {
      computed.push(key);
      return key.toUpperCase();
    };

    const first = new DocumentMemo();
    expect(memo.get(first, 'title', compute('title'))).toBe('TITLE');
    expect(memo.get(first, 'title', compute('title'))).toBe('TITLE');
    expect(memo.get(first, 'ana', compute('ana'))).toBe('ANA');
    expect(computed).toEqual(['title', 'ana']);
    expect(memo.size).toBe(0);

    const second = new DocumentMemo();
    expect(memo.get(second, 'title', compute('title'))).toBe('TITLE');
    expect(memo.get(second, 'bruno', compute('bruno'))).toBe('BRUNO');
    expect(memo.size).toBe(1);

    // A third document finds the recurring text kept and computes only its own.
    const third = new DocumentMemo();
    expect(memo.get(third, 'title', compute('title'))).toBe('TITLE');
    expect(memo.get(third, 'carla', compute('carla'))).toBe('CARLA');
    expect(computed).toEqual(['title', 'ana', 'title', 'bruno', 'carla']);
    expect(memo.size).toBe(1);
  });

  it('stays within its bound', () => {
    const memo = new RecurringMemo<number>(3);
    for (let round = 0; round < 2; round++) {
      const document = new DocumentMemo();
      for (let i = 0; i < 10; i++) memo.get(document, `text ${i}`, () => i);
    }
    expect(memo.size).toBeLessThanOrEqual(3);
    expect(memo.size).toBeGreaterThan(0);
  });
});
