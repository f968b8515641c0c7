import {
  isCountryCode,
  isLanguageCode,
  isOrgId,
  isRor,
  isSubdivisionOf,
  isWikidata,
  subdivisionsOf,
} from './directory-codes';

describe('directory codes', () => {
  it('knows countries that exist, in upper case only', () => {
    expect(['CO', 'BR', 'AR', 'CL', 'GT', 'VN', 'MA', 'CN'].every(isCountryCode)).toBe(true);
    expect(['XQ', 'ZZ', 'co', 'COL', '', 'C0'].some(isCountryCode)).toBe(false);
  });

  it("knows a country's subdivisions and refuses another country's", () => {
    expect(isSubdivisionOf('CO', 'CO-ANT')).toBe(true);
    expect(isSubdivisionOf('CO', 'CO-DC')).toBe(true);
    expect(isSubdivisionOf('BR', 'BR-MG')).toBe(true);
    expect(isSubdivisionOf('AR', 'AR-X')).toBe(true);
    expect(isSubdivisionOf('CO', 'BR-MG')).toBe(false);
    expect(isSubdivisionOf('CO', 'CO-XXX')).toBe(false);
    expect(isSubdivisionOf('XQ', 'XQ-A')).toBe(false);
    expect(subdivisionsOf('CO').size).toBe(33);
  });

  it('checks ROR check digits (ISO 7064 mod 97-10)', () => {
    for (const id of ['05dxps055', '042nb2s44', '01ggx4157', '03yrm5c26']) expect(isRor(id)).toBe(true);
    for (const id of ['05dxps056', '042nb2s45', '15dxps055', '05DXPS055', '05dxps05', '05dips055'])
      expect(isRor(id)).toBe(false);
  });

  it('checks org-id, Wikidata and language shapes', () => {
    expect(isOrgId('CO-NIT-8999990902')).toBe(true);
    expect(isOrgId('XM-DAC-41114')).toBe(true);
    expect(isOrgId('not an id')).toBe(false);
    expect(isWikidata('Q1124591')).toBe(true);
    expect(isWikidata('Q0')).toBe(false);
    expect(isWikidata('P31')).toBe(false);
    expect(['es', 'pt', 'en', 'zh', 'ar'].every(isLanguageCode)).toBe(true);
    expect(['xx', 'ES', 'spa', ''].some(isLanguageCode)).toBe(false);
  });
});
