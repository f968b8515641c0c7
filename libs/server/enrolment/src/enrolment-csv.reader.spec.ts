import { CSV_IMPORT_MAX_ROWS } from '@aula/contracts';
import { readEnrolmentCsv } from './enrolment-csv.reader';

const HEADER = 'email,display_name,locale,time_zone,country,organisation,region';

describe('readEnrolmentCsv', () => {
  it('reads people, normalising email, locale and country, with lines counted from the header', () => {
    const entries = readEnrolmentCsv(
      `\ufeff${HEADER}\r\n Ana.Souza@Example.org ,Ana Souza,PT,America/Sao_Paulo,br,"Fundação João Pinheiro, MG",Minas Gerais\r\n\r\nmin@example.org,Nguyễn Thị Minh,,,,,\r\n`,
    );
    expect(entries).toEqual([
      {
        ok: true,
        row: {
          line: 2,
          email: 'ana.souza@example.org',
          displayName: 'Ana Souza',
          locale: 'pt',
          timeZone: 'America/Sao_Paulo',
          country: 'BR',
          organisation: 'Fundação João Pinheiro, MG',
          region: 'Minas Gerais',
        },
      },
      {
        ok: true,
        row: {
          line: 4,
          email: 'min@example.org',
          displayName: 'Nguyễn Thị Minh',
          locale: null,
          timeZone: null,
          country: null,
          organisation: null,
          region: null,
        },
      },
    ]);
  });

  it('accepts any subset and order of columns as long as email is there', () => {
    const [entry] = readEnrolmentCsv('region,email\nBiobío,ignacio@example.org\n');
    expect(entry).toMatchObject({
      ok: true,
      row: { email: 'ignacio@example.org', region: 'Biobío', displayName: null },
    });
  });

  it('reports each bad row on its own line and keeps reading', () => {
    const entries = readEnrolmentCsv(
      [
        'email,display_name,locale,time_zone,country',
        'not-an-email,Eve,,,',
        'a@example.org,Ana,fr,,',
        'b@example.org,Bea,,Mars/Olympus,',
        'c@example.org,Caro,,,XX',
        'A@example.org,Ana again,,,',
        'd@example.org,Dani,,',
        'e@example.org,"Broken"quote,,,',
        'f@example.org,"never closed,,,',
        'g@example.org,Gabi,,,',
        'h@example.org,"Multi',
        'line name",,,',
        'i@example.org,Ivo,,,',
      ].join('\n'),
    );
    const summary = entries.map((e) => (e.ok ? `${e.row.line} ok` : `${e.line} ${e.message}`));
    expect(summary).toEqual([
      '2 email is not a valid email address',
      '3 locale must be one of en, es, pt',
      '4 time_zone must be an IANA time zone such as America/Bogota',
      '5 country must be a two-letter country code',
      '6 repeats the email of line 3',
      '7 has 4 fields; the header has 5',
      '8 is not valid CSV (check the quotes)',
      '9 has a quote that is never closed',
      '10 ok',
      // A quoted field may span lines; no column takes line breaks, but the lines after it still count.
      '11 display_name must be text without line breaks',
      '13 ok',
    ]);
  });

  it('refuses line breaks in names (they would reach mail headers)', () => {
    const [entry] = readEnrolmentCsv('email,display_name\nx@example.org,"Eve\r\nBcc: y@example.org"\n');
    expect(entry).toMatchObject({ ok: false, message: 'display_name must be text without line breaks' });
  });

  it.each([
    ['an empty file', ''],
    ['a header without email', 'display_name,locale\nAna,es\n'],
    ['an unknown column', 'email,role\na@example.org,admin\n'],
    ['a repeated column', 'email,email\na@example.org,b@example.org\n'],
  ])('refuses %s as a whole', (_, text) => {
    expect(() => readEnrolmentCsv(text)).toThrow(
      expect.objectContaining({ status: 400 }) as unknown as Error,
    );
  });

  it('refuses more rows than an import may hold', () => {
    const rows = Array.from({ length: CSV_IMPORT_MAX_ROWS + 1 }, (_, i) => `p${i}@example.org`);
    expect(() => readEnrolmentCsv(`email\n${rows.join('\n')}`)).toThrow(/at most 5000/);
    expect(readEnrolmentCsv(`email\n${rows.slice(1).join('\n')}`)).toHaveLength(CSV_IMPORT_MAX_ROWS);
  });
});
