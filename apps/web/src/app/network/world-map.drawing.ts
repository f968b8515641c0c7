import { geoCentroid, geoNaturalEarth1, geoPath, type ExtendedFeatureCollection } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';
import { alpha2CountryCode, numericCountryCode } from './country-numeric';

/**
 * Draws the offline world map: country boundaries bundled with the app (1:110m, public domain
 * Natural Earth data), projected with d3-geo into SVG path strings the template renders. Imported
 * only by the map component's dynamic import, so the boundaries stay out of the first download.
 */

export interface MapMarkerInput {
  id: string;
  label: string;
  lat: number;
  lon: number;
}

export interface MapRequest {
  width: number;
  height: number;
  /** ISO 3166-1 alpha-2 codes of the countries to colour. */
  highlight: readonly string[];
  /** Alpha-2 codes the view frames (with the markers); none frames the whole world. */
  focus: readonly string[];
  markers: readonly MapMarkerInput[];
}

export interface DrawnCountry {
  /** Numeric code as the boundaries name it, or the feature's index when it has none. */
  key: string;
  /** Alpha-2 code, or null for a territory without one. */
  code: string | null;
  name: string;
  d: string;
  highlighted: boolean;
}

export interface DrawnMarker {
  id: string;
  label: string;
  x: number;
  y: number;
}

export interface DrawnMap {
  sphere: string;
  countries: DrawnCountry[];
  markers: DrawnMarker[];
  /** Highlighted codes the boundaries do not hold (very small islands at this scale). */
  missing: string[];
}

/** How far a small country may be enlarged against the whole world: a city-state stays readable. */
export const MAX_ZOOM = 12;
const PADDING = 16;

type CountryProperties = { name?: string };
type CountriesTopology = Topology<{ countries: GeometryCollection<CountryProperties> }>;

export const WORLD = world as unknown as CountriesTopology;

/** The country features of the boundaries, once per topology. */
const cache = new WeakMap<CountriesTopology, ReturnType<typeof countriesOf>>();
function countriesOf(topology: CountriesTopology) {
  return feature(topology, topology.objects.countries).features;
}
function countryFeatures(topology: CountriesTopology) {
  let features = cache.get(topology);
  if (!features) {
    features = countriesOf(topology);
    cache.set(topology, features);
  }
  return features;
}

/** The boundary of one country by its alpha-2 code, or null when the map has none for it. */
export function countryFeature(code: string, topology: CountriesTopology = WORLD) {
  const numeric = numericCountryCode(code);
  if (!numeric) return null;
  return countryFeatures(topology).find((country) => String(country.id) === numeric) ?? null;
}

export function drawWorldMap(request: MapRequest, topology: CountriesTopology = WORLD): DrawnMap {
  const { width, height } = request;
  const extent: [[number, number], [number, number]] = [
    [PADDING, PADDING],
    [width - PADDING, height - PADDING],
  ];
  const projection = geoNaturalEarth1().fitExtent(extent, { type: 'Sphere' });
  const worldScale = projection.scale();

  const features = countryFeatures(topology);
  const highlight = new Set(request.highlight.map((code) => code.toUpperCase()));
  const focus = request.focus
    .map((code) => countryFeature(code, topology))
    .filter((country): country is NonNullable<typeof country> => !!country);
  const points = request.markers.map((marker) => ({
    type: 'Feature' as const,
    properties: {},
    geometry: { type: 'Point' as const, coordinates: [marker.lon, marker.lat] },
  }));

  if (request.focus.length && focus.length + points.length > 0) {
    const framed: ExtendedFeatureCollection = { type: 'FeatureCollection', features: [...focus, ...points] };
    projection.fitExtent(extent, framed);
    if (!Number.isFinite(projection.scale()) || projection.scale() > worldScale * MAX_ZOOM) {
      // A single point (or a tiny island) would fill the view: keep a readable zoom, centred on it.
      projection.scale(worldScale * MAX_ZOOM).translate([width / 2, height / 2]);
      const centre = projection(geoCentroid(framed));
      if (centre) {
        const [tx, ty] = projection.translate();
        projection.translate([tx + width / 2 - centre[0], ty + height / 2 - centre[1]]);
      }
    }
  }

  const path = geoPath(projection);
  const countries: DrawnCountry[] = features.map((country, index) => {
    const code = country.id === undefined ? null : alpha2CountryCode(String(country.id));
    return {
      key: country.id === undefined ? `#${index}` : String(country.id),
      code,
      name: country.properties?.name ?? '',
      d: path(country) ?? '',
      highlighted: !!code && highlight.has(code),
    };
  });
  const drawnCodes = new Set(countries.map((country) => country.code));
  const markers: DrawnMarker[] = [];
  for (const marker of request.markers) {
    const at = projection([marker.lon, marker.lat]);
    if (at && at[0] >= 0 && at[0] <= width && at[1] >= 0 && at[1] <= height) {
      markers.push({ id: marker.id, label: marker.label, x: round(at[0]), y: round(at[1]) });
    }
  }
  return {
    sphere: path({ type: 'Sphere' }) ?? '',
    countries: countries.filter((country) => country.d),
    markers,
    missing: [...highlight].filter((code) => !drawnCodes.has(code)),
  };
}

const round = (value: number) => Math.round(value * 10) / 10;
