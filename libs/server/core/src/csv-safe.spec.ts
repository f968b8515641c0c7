import { formulaSafe } from './csv-safe';

describe('formulaSafe', () => {
  it.each(['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])(
    'makes %j inert',
    (cell) => {
      expect(formulaSafe(cell)).toBe(`'${cell}`);
    },
  );

  it('leaves ordinary text, numbers and empty cells alone', () => {
    expect(formulaSafe('José Ñúñez')).toBe('José Ñúñez');
    expect(formulaSafe('a=b')).toBe('a=b');
    expect(formulaSafe(42)).toBe('42');
    expect(formulaSafe(null)).toBe('');
  });
});
