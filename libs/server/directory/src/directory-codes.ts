import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isISO31661Alpha2, isISO6391 } from 'class-validator';
import { IDENTIFIER_PATTERNS } from '@aula/contracts';

/**
 * The codes records carry, checked for what they are, not only for their shape: a country that
 * exists (ISO 3166-1 alpha-2), a subdivision of that country (ISO 3166-2), a ROR id whose check
 * digits match, IATI organisation identifiers and Wikidata items of the right form.
 */

export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && isISO31661Alpha2(code);
}

/** ISO 639-1, lower case (`es`, `pt`, `zh`). */
export function isLanguageCode(code: string): boolean {
  return /^[a-z]{2}$/.test(code) && isISO6391(code);
}

let regionsDir: string | undefined;
const subdivisionCache = new Map<string, ReadonlySet<string>>();

/**
 * The ISO 3166-2 codes of a country's subdivisions (`CO-ANT`, `CO-DC`), read once per country from
 * the iso3166-2-db package: all countries at once would be some hundred megabytes.
 */
export function subdivisionsOf(country: string): ReadonlySet<string> {
  const cached = subdivisionCache.get(country);
  if (cached) return cached;
  let codes: Set<string>;
  if (!isCountryCode(country)) codes = new Set();
  else {
    regionsDir ??= join(dirname(require.resolve('iso3166-2-db/package.json')), 'regions');
    try {
      const entries = JSON.parse(readFileSync(join(regionsDir, country, 'en.json'), 'utf8')) as {
        iso?: string;
      }[];
      codes = new Set(
        entries
          .map((e) => e.iso)
          .filter((iso): iso is string => !!iso)
          .map((iso) => `${country}-${iso.toUpperCase()}`),
      );
    } catch (e) {
      // A country without subdivisions has no file.
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      codes = new Set();
    }
  }
  subdivisionCache.set(country, codes);
  return codes;
}

export function isSubdivisionOf(country: string, code: string): boolean {
  return code.startsWith(`${country}-`) && subdivisionsOf(country).has(code);
}

const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';

/** A ROR id: `0`, six Crockford base32 characters, and their ISO 7064 mod 97-10 check digits. */
export function isRor(id: string): boolean {
  if (!IDENTIFIER_PATTERNS.ror.test(id)) return false;
  let n = 0;
  for (const c of id.slice(1, 7)) n = n * 32 + CROCKFORD.indexOf(c);
  return String(98 - ((n * 100) % 97)).padStart(2, '0') === id.slice(7);
}

export const isOrgId = (id: string): boolean => IDENTIFIER_PATTERNS.orgId.test(id);
export const isWikidata = (id: string): boolean => IDENTIFIER_PATTERNS.wikidata.test(id);

/** Messages shared by the API's DTOs and the services, so both name the same rule the same way. */
export const CODE_MESSAGES = {
  country: 'must be an ISO 3166-1 alpha-2 country code that exists, such as CO',
  subdivision: 'must be an ISO 3166-2 code of a subdivision of the country, such as CO-ANT',
  ror: 'must be a ROR id such as 05dxps055, with matching check digits',
  orgId: 'must be an IATI organisation identifier such as CO-NIT-8999990902',
  wikidata: 'must be a Wikidata item such as Q1124591',
  language: 'must be an ISO 639-1 language code such as es',
} as const;
