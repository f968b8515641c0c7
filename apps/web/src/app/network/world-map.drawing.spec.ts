import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES } from '../shared/countries';
import { alpha2CountryCode, numericCountryCode } from './country-numeric';
import { MAX_ZOOM, WORLD, countryFeature, drawWorldMap } from './world-map.drawing';

const MEDELLIN = { id: 'antioquia', label: 'Antioquia', lat: 6.25, lon: -75.56 };
const SIZE = { width: 640, height: 420 };

/** The numbers of a path's coordinates, as [x, y] pairs. */
function points(d: string): [number, number][] {
  const numbers = (d.match(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g) ?? []).map(Number);
  const pairs: [number, number][] = [];
  for (let i = 0; i + 1 < numbers.length; i += 2)
    pairs.push([numbers[i] as number, numbers[i + 1] as number]);
  return pairs;
}

describe('country codes of the offline map', () => {
  it('gives every country Aula knows its own ISO numeric code, and back', () => {
    const numerics = COUNTRY_CODES.map((code) => numericCountryCode(code));
    expect(numerics.every((numeric) => numeric !== null && /^\d{3}$/.test(numeric))).toBe(true);
    expect(new Set(numerics).size).toBe(COUNTRY_CODES.length);
    expect(COUNTRY_CODES.every((code) => alpha2CountryCode(numericCountryCode(code) ?? '') === code)).toBe(
      true,
    );
    expect([numericCountryCode('CO'), numericCountryCode('br'), numericCountryCode('AF')]).toEqual([
      '170',
      '076',
      '004',
    ]);
    expect(alpha2CountryCode(76)).toBe('BR');
    expect(numericCountryCode('XX')).toBeNull();
  });

  it('names every country of the boundaries file, except those without an ISO code', () => {
    const features = (WORLD.objects.countries.geometries as { id?: string | number }[]).filter(
      (geometry) => geometry.id !== undefined,
    );
    expect(features.length).toBeGreaterThan(170);
    expect(features.filter((geometry) => !alpha2CountryCode(String(geometry.id)))).toEqual([]);
  });

  it('finds a country’s boundary by its alpha-2 code', () => {
    expect(countryFeature('CO')?.properties?.name).toBe('Colombia');
    expect(countryFeature('gt')?.properties?.name).toBe('Guatemala');
    expect(countryFeature('ZZ')).toBeNull();
  });
});

describe('drawWorldMap', () => {
  it('colours only the countries asked for and puts the marker on the map', () => {
    const map = drawWorldMap({ width: 960, height: 500, highlight: ['CO'], focus: [], markers: [MEDELLIN] });
    expect(map.countries.filter((country) => country.highlighted).map((country) => country.code)).toEqual([
      'CO',
    ]);
    expect(map.countries.length).toBeGreaterThan(170);
    expect(map.sphere).toMatch(/^M/);
    // The whole world: Medellín sits left of centre (west) and just above the equator's line.
    const [marker] = map.markers;
    expect(marker?.x).toBeGreaterThan(200);
    expect(marker?.x).toBeLessThan(480);
    expect(marker?.y).toBeGreaterThan(200);
    expect(marker?.y).toBeLessThan(250);
  });

  it('frames the focused country: it fills the view and the marker lies within it', () => {
    const map = drawWorldMap({ ...SIZE, highlight: ['CO'], focus: ['CO'], markers: [MEDELLIN] });
    const colombia = map.countries.find((country) => country.code === 'CO');
    const xs = points(colombia?.d ?? '').map(([x]) => x);
    const ys = points(colombia?.d ?? '').map(([, y]) => y);
    const width = Math.max(...xs) - Math.min(...xs);
    const height = Math.max(...ys) - Math.min(...ys);
    expect(Math.max(width / SIZE.width, height / SIZE.height)).toBeGreaterThan(0.85);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(15);
    expect(Math.max(...ys)).toBeLessThanOrEqual(SIZE.height - 15);
    const [marker] = map.markers;
    expect(marker).toMatchObject({ id: 'antioquia', label: 'Antioquia' });
    expect(marker?.x).toBeGreaterThan(Math.min(...xs));
    expect(marker?.x).toBeLessThan(Math.max(...xs));
  });

  it('keeps a readable zoom around a lone point, centred on it', () => {
    const world = drawWorldMap({ ...SIZE, highlight: [], focus: [], markers: [] });
    const point = drawWorldMap({ ...SIZE, highlight: [], focus: ['XX'], markers: [MEDELLIN] });
    expect(point.markers[0]).toMatchObject({ x: SIZE.width / 2, y: SIZE.height / 2 });
    const span = (d: string) => {
      const xs = points(d).map(([x]) => x);
      return Math.max(...xs) - Math.min(...xs);
    };
    // The sphere's outline grows by the zoom, no more.
    expect(span(point.sphere) / span(world.sphere)).toBeCloseTo(MAX_ZOOM, 0);
  });

  it('says which highlighted countries the boundaries cannot show', () => {
    const map = drawWorldMap({ ...SIZE, highlight: ['CO', 'SG'], focus: [], markers: [] });
    expect(map.missing).toEqual(['SG']);
  });
});
