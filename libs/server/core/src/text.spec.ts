import { normaliseEmail, normaliseName, searchKey } from './text';

describe('text helpers', () => {
  it('makes accented and plain spellings meet', () => {
    expect(searchKey('José Ñúñez')).toBe(searchKey('jose nunez'));
    expect(searchKey('Nguyễn Thị Minh')).toBe('nguyen thi minh');
    expect(searchKey('João', 'JOAO@x.org')).toBe('joao joao@x.org');
  });

  it('keeps scripts without case or accents intact', () => {
    expect(searchKey('王小明')).toBe('王小明');
    expect(searchKey('محمد')).toBe('محمد');
  });

  it('tidies names without changing their script', () => {
    expect(normaliseName('  Nguye\u0303n  Thi ')).toBe('Nguy\u1ebdn Thi');
    expect(normaliseName('王  小明')).toBe('王 小明');
  });

  it('lower-cases and trims emails', () => {
    expect(normaliseEmail('  Ana.Souza@Example.ORG ')).toBe('ana.souza@example.org');
  });
});
