import { describe, expect, it } from 'vitest';
import { isFiltered, listParams, readFilters, readView, viewQueryParams } from './network-filters';
import { institutionsPerWorldRegion } from './network.service';

const from = (query: Record<string, string>) => (name: string) => query[name] ?? null;

describe('network filters in the address', () => {
  it('reads valid filters and leaves out what the API would refuse', () => {
    expect(
      readFilters(
        from({
          q: '  planeación ',
          worldRegion: 'asia',
          country: 'co',
          status: 'nonsense',
          kind: 'university',
          sector: 'Academia',
          topic: 'x'.repeat(80),
        }),
      ),
    ).toEqual({
      q: 'planeación',
      worldRegion: 'asia',
      country: 'CO',
      status: '',
      kind: 'university',
      sector: '',
      topic: 'x'.repeat(60),
    });
    expect(readFilters(from({ country: 'ZZ' })).country).toBe('');
    expect([readView('people'), readView('maps'), readView(null)]).toEqual(['people', 'regions', 'regions']);
  });

  it('sends each list only the filters its route takes', () => {
    const filters = readFilters(
      from({ q: 'sur', worldRegion: 'africa', country: 'GT', status: 'partner', kind: 'ngo', topic: 'Agua' }),
    );
    expect(listParams('regions', filters, { limit: 20, locale: 'pt' })).toEqual({
      limit: 20,
      q: 'sur',
      worldRegion: 'africa',
      country: 'GT',
      status: 'partner',
      locale: 'pt',
    });
    expect(listParams('institutions', filters, { limit: 20, cursor: 'abc' })).toEqual({
      limit: 20,
      q: 'sur',
      worldRegion: 'africa',
      country: 'GT',
      kind: 'ngo',
      topic: 'Agua',
      cursor: 'abc',
    });
    expect(listParams('people', filters, { limit: 5 })).toEqual({
      limit: 5,
      q: 'sur',
      country: 'GT',
      topic: 'Agua',
    });
  });

  it('carries the search and the shared filters over to another view', () => {
    const filters = readFilters(from({ q: 'sur', status: 'partner', country: 'GT', kind: 'ngo' }));
    expect(viewQueryParams('people', filters)).toEqual({ view: 'people', q: 'sur', country: 'GT' });
    expect(isFiltered('people', readFilters(from({ status: 'partner' })))).toBe(false);
    expect(isFiltered('regions', readFilters(from({ status: 'partner' })))).toBe(true);
  });
});

describe('institutions per world region', () => {
  it('adds up the regions’ counts and keeps world regions without any as zero', () => {
    const rows = institutionsPerWorldRegion(
      [
        { worldRegion: 'latin-america-caribbean', institutionCount: 4 },
        { worldRegion: 'asia', institutionCount: 2 },
        { worldRegion: 'latin-america-caribbean', institutionCount: 3 },
      ],
      ['latin-america-caribbean', 'asia', 'africa', 'other'],
      (worldRegion) => worldRegion.toUpperCase(),
    );
    expect(rows).toEqual([
      { key: 'latin-america-caribbean', label: 'LATIN-AMERICA-CARIBBEAN', value: 7 },
      { key: 'asia', label: 'ASIA', value: 2 },
      { key: 'africa', label: 'AFRICA', value: 0 },
      { key: 'other', label: 'OTHER', value: 0 },
    ]);
  });
});
