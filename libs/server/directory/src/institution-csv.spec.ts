import type { InstitutionName } from '@aula/contracts';
import {
  formatOtherNames,
  parseOtherNames,
  readInstitutionsCsv,
  unFormulaSafe,
  writeInstitutionsCsv,
  type InstitutionCsvRecord,
} from './institution-csv';

const record = (overrides: Partial<InstitutionCsvRecord> = {}): InstitutionCsvRecord => ({
  id: '5b1e3a52-8f0c-4d59-9b6e-0c8a2f1d7e44',
  names: [
    { value: 'Alcaldía de Bogotá', lang: 'es', type: 'official' },
    { value: 'Bogotá City Hall', lang: 'en', type: 'official' },
    { value: 'AB', lang: null, type: 'acronym' },
  ],
  kind: 'government',
  sector: 'government',
  country: 'CO',
  regionSlug: 'bogota-cundinamarca',
  website: 'https://bogota.gov.co',
  established: 1538,
  ror: null,
  orgId: null,
  wikidata: 'Q2841',
  parentIds: [],
  status: 'active',
  public: true,
  ...overrides,
});

describe('the institutions CSV', () => {
  it('writes every name: the first official and acronym in their columns, the others as value|lang|type', () => {
    const csv = writeInstitutionsCsv([record()]);
    expect(csv.startsWith('\ufeffid,official_name,acronym,other_names,')).toBe(true);
    const [row] = readInstitutionsCsv(csv);
    expect(row.cells).toMatchObject({
      official_name: 'Alcaldía de Bogotá',
      acronym: 'AB',
      other_names: 'Bogotá City Hall|en|official',
      region: 'bogota-cundinamarca',
    });
  });

  it('keeps names with separators, escaped, through a round trip', () => {
    const names: InstitutionName[] = [
      { value: 'A | B; C \\ D', lang: 'es', type: 'alias' },
      { value: 'Plain', lang: null, type: 'alias' },
    ];
    expect(parseOtherNames(formatOtherNames(names))).toEqual(names);
  });

  it('makes cells a spreadsheet would run inert, and reads them back as they were', () => {
    const csv = writeInstitutionsCsv([
      record({
        names: [
          { value: '=HYPERLINK("http://x","y")', lang: null, type: 'official' },
          { value: '@SUM(A1)', lang: null, type: 'acronym' },
        ],
      }),
    ]);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csv).toContain(`'@SUM(A1)`);
    const [row] = readInstitutionsCsv(csv);
    expect(row.cells.official_name).toBe('=HYPERLINK("http://x","y")');
    expect(row.cells.acronym).toBe('@SUM(A1)');
    expect(unFormulaSafe("'plain")).toBe("'plain");
  });

  it('refuses files it cannot read as a whole, naming body', () => {
    expect(() => readInstitutionsCsv('')).toThrow(/empty/);
    expect(() => readInstitutionsCsv('official_name,kind,country,colour\n')).toThrow(
      /Unknown columns: colour/,
    );
    expect(() => readInstitutionsCsv('official_name,kind\n')).toThrow(/no country column/);
    expect(() => readInstitutionsCsv('official_name,kind,country,kind\n')).toThrow(/twice/);
  });

  it('says which rows have the wrong number of fields and on which line', () => {
    const rows = readInstitutionsCsv('official_name,kind,country\n\nA,ngo,CO\nB,ngo\n');
    expect(rows.map((r) => [r.line, r.width])).toEqual([
      [3, 3],
      [4, 2],
    ]);
  });

  it('refuses an other_names entry it cannot read', () => {
    expect(() => parseOtherNames('a|es|official|extra')).toThrow(/entry 1/);
    expect(() => parseOtherNames('ok|es|alias;b|es|nickname')).toThrow(/entry 2 has type "nickname"/);
  });
});
