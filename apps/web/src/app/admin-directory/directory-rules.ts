import type { AbstractControl, FormGroup, ValidatorFn } from '@angular/forms';
import type {
  DirectoryCsvOutcome,
  GeoPoint,
  InstitutionInput,
  InstitutionKind,
  InstitutionNameType,
  InstitutionRef,
  InstitutionRelationshipType,
  InstitutionView,
  Locale,
  RegionInput,
  RegionStatus,
  RegionView,
  ResolveFreeTextRequest,
  StakeholderSector,
  WorldRegion,
} from '@aula/contracts';
import { DIRECTORY_CSV_OUTCOMES, IDENTIFIER_PATTERNS } from '@aula/contracts';
import { applyFieldErrors, problemOf, statusOf } from '../core/api/problem';
import { APP_LOCALES } from '../core/i18n/languages';
import { toTranslations, type TextByLocale } from '../admin/translations';

// ---- institutions: the form and the request it becomes ----

export interface NameRow {
  value: string;
  /** ISO 639-1, or '' for none. */
  lang: string;
  type: InstitutionNameType;
}

export interface RelationshipRow {
  type: InstitutionRelationshipType;
  institution: InstitutionRef | null;
}

/** What the institution form holds: text as typed, '' for "none". */
export interface InstitutionFormValue {
  names: NameRow[];
  kind: InstitutionKind | '';
  sector: StakeholderSector | '';
  country: string;
  regionId: string;
  website: string;
  established: string;
  identifiers: { ror: string; orgId: string; wikidata: string };
  relationships: RelationshipRow[];
  public: boolean;
}

const orNull = (text: string): string | null => text.trim() || null;

/**
 * The request the API takes from the form: trimmed, empty fields as null, identifiers in the case
 * the patterns use, names without text and relationships without an institution left out.
 * Every field is sent, so an edit also clears what was emptied.
 */
export function institutionRequest(value: InstitutionFormValue): InstitutionInput {
  const established = value.established.trim();
  const ror = orNull(value.identifiers.ror);
  const wikidata = orNull(value.identifiers.wikidata);
  const seen = new Set<string>();
  return {
    names: value.names
      .filter((row) => row.value.trim())
      .map((row) => ({
        value: row.value.trim(),
        lang: orNull(row.lang)?.toLowerCase() ?? null,
        type: row.type,
      })),
    kind: value.kind as InstitutionKind,
    sector: value.sector || null,
    country: value.country,
    regionId: value.regionId || null,
    website: orNull(value.website),
    established: established ? Number(established) : null,
    identifiers: {
      ror: ror ? ror.toLowerCase() : null,
      orgId: orNull(value.identifiers.orgId),
      wikidata: wikidata ? wikidata.toUpperCase() : null,
    },
    relationships: value.relationships.flatMap((row) => {
      const id = row.institution?.id;
      if (!id || seen.has(`${row.type}:${id}`)) return [];
      seen.add(`${row.type}:${id}`);
      return [{ type: row.type, institutionId: id }];
    }),
    public: value.public,
  };
}

/** The form's value for an institution as the API shows it. */
export function institutionFormValue(view: InstitutionView): InstitutionFormValue {
  return {
    names: view.names.map((name) => ({ value: name.value, lang: name.lang ?? '', type: name.type })),
    kind: view.kind,
    sector: view.sector ?? '',
    country: view.country,
    regionId: view.region?.id ?? '',
    website: view.website ?? '',
    established: view.established === null ? '' : String(view.established),
    identifiers: {
      ror: view.identifiers.ror ?? '',
      orgId: view.identifiers.orgId ?? '',
      wikidata: view.identifiers.wikidata ?? '',
    },
    // `child` rows are the other side of a parent link the child states; they are sent back as they are.
    relationships: view.relationships.map((link) => ({ type: link.type, institution: link.institution })),
    public: view.public,
  };
}

export type IdentifierKind = keyof typeof IDENTIFIER_PATTERNS;

/** An identifier in the shape the API accepts (ROR in lower case, Wikidata in upper case, as it reads them). */
export function identifierValidator(kind: IdentifierKind): ValidatorFn {
  return (control) => {
    const raw = String(control.value ?? '').trim();
    if (!raw) return null;
    const text = kind === 'ror' ? raw.toLowerCase() : kind === 'wikidata' ? raw.toUpperCase() : raw;
    return IDENTIFIER_PATTERNS[kind].test(text) ? null : { identifier: kind };
  };
}

/** A year from 1000 up to this one, or nothing. */
export const yearValidator: ValidatorFn = (control) => {
  const text = String(control.value ?? '').trim();
  if (!text) return null;
  if (!/^\d{1,4}$/.test(text)) return { integer: true };
  const year = Number(text);
  if (year < 1000) return { min: { min: 1000 } };
  const now = new Date().getFullYear();
  return year > now ? { max: { max: now } } : null;
};

/** The names list needs at least one official name with text (the API says the same). */
export const officialNameValidator: ValidatorFn = (control) => {
  const rows = (control.value ?? []) as NameRow[];
  return rows.some((row) => row.type === 'official' && row.value.trim()) ? null : { officialName: true };
};

/** ISO 639-1: two lower-case letters, or empty. */
export const languageCodeValidator: ValidatorFn = (control) => {
  const text = String(control.value ?? '').trim();
  return !text || /^[a-zA-Z]{2}$/.test(text) ? null : { languageCode: true };
};

/**
 * Where an API field error on an institution belongs: `names.1.lang` on that row's control,
 * `identifiers.ror` on that identifier, `relationships.3.institutionId` (or a cycle on
 * `relationships`) on the relationships list.
 */
export function institutionControlFor(form: FormGroup): (path: string) => AbstractControl | null {
  return (path) => {
    const parts = path.split('.');
    if (parts[0] === 'relationships') return form.get('relationships');
    if (parts[0] === 'names' && parts.length >= 3) return form.get(path) ?? form.get('names');
    if (parts[0] === 'names') return form.get('names');
    return form.get(path) ?? form.get(parts[0] ?? path);
  };
}

// ---- references: why a delete was refused ----

export interface ReferenceCount {
  kind: string;
  count: number;
  /** The translation key for the kind; unknown kinds (another domain's) read `other`. */
  key: string;
}

const KNOWN_REFERENCE_KINDS = [
  'memberships',
  'networkProfiles',
  'freeTextValues',
  'relationships',
  'institutions',
  'droppedMemberships',
] as const;

export function referenceKey(kind: string): string {
  return (KNOWN_REFERENCE_KINDS as readonly string[]).includes(kind)
    ? `adminDirectory.references.kinds.${kind}`
    : 'adminDirectory.references.kinds.other';
}

/** A count per kind as lines to show, largest first, leaving out kinds with none. */
export function referenceCounts(counts: Record<string, number> | undefined | null): ReferenceCount[] {
  return Object.entries(counts ?? {})
    .filter(([, count]) => typeof count === 'number' && count > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([kind, count]) => ({ kind, count, key: referenceKey(kind) }));
}

/**
 * What still refers to the record, when the API refused a delete for that reason (409 with
 * `references`); null for any other failure.
 */
export function refusedReferences(error: unknown): ReferenceCount[] | null {
  if (statusOf(error) !== 409) return null;
  const references = problemOf(error)?.references;
  if (!references || typeof references !== 'object') return null;
  return referenceCounts(references);
}

// ---- merges ----

export type MergeProblem = 'self' | 'descendant' | 'unknown' | 'survivorGone' | 'invalid';

/** Why the API refused a merge, read from the field it named (`duplicateIds` or `duplicateIds.N`). */
export function mergeProblem(error: unknown): { problem: MergeProblem; index: number | null } | null {
  const status = statusOf(error);
  if (status === 404) return { problem: 'survivorGone', index: null };
  if (status !== 400) return null;
  const field = problemOf(error)?.errors?.find((e) => e.path.startsWith('duplicateIds'));
  if (!field) return { problem: 'invalid', index: null };
  const index = /^duplicateIds\.(\d+)$/.exec(field.path)?.[1];
  const at = index === undefined ? null : Number(index);
  if (/ancestor/.test(field.message)) return { problem: 'descendant', index: at };
  if (/merged into/.test(field.message)) return { problem: 'self', index: at };
  if (/not a known/.test(field.message)) return { problem: 'unknown', index: at };
  return { problem: 'invalid', index: at };
}

// ---- CSV import report ----

export interface OutcomeShare {
  outcome: DirectoryCsvOutcome;
  count: number;
  /** Percent of all rows, rounded; bars in the summary are this wide. */
  percent: number;
}

/** The summary bar of an import: every outcome with rows, in the API's order, with its share. */
export function outcomeShares(counts: Partial<Record<DirectoryCsvOutcome, number>>): OutcomeShare[] {
  const total = DIRECTORY_CSV_OUTCOMES.reduce((sum, outcome) => sum + (counts[outcome] ?? 0), 0);
  if (!total) return [];
  return DIRECTORY_CSV_OUTCOMES.filter((outcome) => (counts[outcome] ?? 0) > 0).map((outcome) => ({
    outcome,
    count: counts[outcome] ?? 0,
    percent: Math.round(((counts[outcome] ?? 0) / total) * 100),
  }));
}

// ---- regions ----

export interface RegionFormValue {
  slug: string;
  name: TextByLocale;
  description: TextByLocale;
  country: string;
  subdivision: string;
  worldRegion: WorldRegion;
  status: RegionStatus;
  lat: string;
  lon: string;
  joinedOn: string;
  public: boolean;
}

/** The request the API takes from the region form; both coordinates or none make a location. */
export function regionRequest(value: RegionFormValue): RegionInput {
  const lat = value.lat.trim();
  const lon = value.lon.trim();
  const location: GeoPoint | null = lat && lon ? { lat: Number(lat), lon: Number(lon) } : null;
  return {
    slug: value.slug.trim(),
    name: toTranslations(value.name),
    description: toTranslations(value.description),
    country: value.country,
    subdivision: value.subdivision.trim() ? value.subdivision.trim().toUpperCase() : null,
    worldRegion: value.worldRegion,
    status: value.status,
    location,
    joinedOn: value.joinedOn || null,
    public: value.public,
  };
}

export function regionFormValue(view: RegionView): RegionFormValue {
  const text = (value: Partial<Record<Locale, string>>): TextByLocale =>
    Object.fromEntries(APP_LOCALES.map((l) => [l, value[l] ?? ''])) as TextByLocale;
  return {
    slug: view.slug,
    name: text(view.name),
    description: text(view.description),
    country: view.country,
    subdivision: view.subdivision ?? '',
    worldRegion: view.worldRegion,
    status: view.status,
    lat: view.location ? String(view.location.lat) : '',
    lon: view.location ? String(view.location.lon) : '',
    joinedOn: view.joinedOn ?? '',
    public: view.public,
  };
}

/**
 * Where an API field error on a region belongs: `name.es` on the Spanish name, `location.lat`
 * on the latitude, others by name.
 */
export function regionControlFor(form: FormGroup): (path: string) => AbstractControl | null {
  return (path) => {
    const [field, sub] = path.split('.');
    if (field === 'location') return form.get(sub === 'lon' ? 'lon' : 'lat');
    if ((field === 'name' || field === 'description') && sub) return form.get(path) ?? form.get(field);
    return form.get(path) ?? form.get(field ?? path);
  };
}

/** A coordinate within its range, or nothing. */
export function coordinateValidator(limit: 90 | 180): ValidatorFn {
  return (control) => {
    const text = String(control.value ?? '').trim();
    if (!text) return null;
    const n = Number(text);
    if (!Number.isFinite(n)) return { number: true };
    if (n < -limit) return { min: { min: -limit } };
    return n > limit ? { max: { max: limit } } : null;
  };
}

/** A country's name in the reader's language (`CO` → "Colombia"), the code itself when unknown. */
export function countryName(code: string, languageTag: string): string {
  try {
    return new Intl.DisplayNames([languageTag], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** ISO 3166-2 shape (`CO-ANT`), of the chosen country; whether it exists the API says. */
export function subdivisionValidator(country: () => string): ValidatorFn {
  return (control) => {
    const text = String(control.value ?? '')
      .trim()
      .toUpperCase();
    if (!text) return null;
    if (!/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(text)) return { subdivision: true };
    const code = country();
    return code && !text.startsWith(`${code}-`) ? { subdivision: true } : null;
  };
}

// ---- free text: a new home for a typed value ----

export interface FreeTextCreateForm {
  name: string;
  country: string;
  kind: InstitutionKind;
  slug: string;
  worldRegion: WorldRegion;
  status: RegionStatus;
}

/** "Región de Antioquia" → "region-de-antioquia": a first guess at a region's address. */
export function slugFrom(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/** The resolve request that creates the record the typed value means, named in the reader's language. */
export function freeTextCreateRequest(
  value: { field: 'organisation' | 'region'; key: string },
  form: FreeTextCreateForm,
  locale: Locale,
): ResolveFreeTextRequest {
  const name = form.name.trim();
  if (value.field === 'organisation') {
    return {
      field: 'organisation',
      key: value.key,
      action: 'create',
      institution: {
        names: [{ value: name, lang: null, type: 'official' }],
        kind: form.kind,
        country: form.country,
      },
    };
  }
  return {
    field: 'region',
    key: value.key,
    action: 'create',
    region: {
      slug: form.slug.trim(),
      name: { [locale]: name },
      country: form.country,
      worldRegion: form.worldRegion,
      status: form.status,
    },
  };
}

/** `institution.names.0.value` or `region.name.es` → the dialog's name field; others by their last name. */
export function freeTextControlFor(form: FormGroup): (path: string) => AbstractControl | null {
  return (path) => {
    const parts = path.split('.');
    const inner = parts[0] === 'institution' || parts[0] === 'region' ? parts.slice(1) : parts;
    const field = inner[0] ?? '';
    if (field === 'names' || field === 'name') return form.get('name');
    return form.get(field);
  };
}

// ---- the API's field errors, in the reader's words ----

/**
 * A translation key for a field error the directory's API gives, when it is one of the rules this
 * screen knows (cycles, taken identifiers, codes); null for any other, which shows as the API says.
 */
export function directoryErrorKey(path: string, message: string): string | null {
  const field = path.split('.')[0] ?? path;
  if (/own ancestor/.test(message)) return 'adminDirectory.validation.parentCycle';
  if (/own successor/.test(message)) return 'adminDirectory.validation.successorCycle';
  if (field === 'relationships' && /not a known institution/.test(message))
    return 'adminDirectory.validation.unknownInstitution';
  if (field === 'relationships' && /another institution than this one/.test(message))
    return 'adminDirectory.validation.relatedToItself';
  if (/belongs to another institution/.test(message)) return 'adminDirectory.validation.identifierTaken';
  if (path === 'identifiers.ror') return 'adminDirectory.validation.ror';
  if (path === 'identifiers.orgId') return 'adminDirectory.validation.orgId';
  if (path === 'identifiers.wikidata') return 'adminDirectory.validation.wikidata';
  if (field === 'subdivision') return 'adminDirectory.validation.subdivision';
  if (field === 'slug' && /already in use/.test(message)) return 'adminDirectory.validation.slugTaken';
  if (field === 'country') return 'adminDirectory.validation.country';
  return null;
}

/**
 * The API's field errors on the form (as `applyFieldErrors` puts them), with those this screen
 * knows said in the reader's language. Returns what no control claimed.
 */
export function applyDirectoryErrors(
  form: FormGroup,
  error: unknown,
  language: string,
  controlFor: (path: string) => AbstractControl | null,
): { unclaimed: number; messages: string[] } {
  const result = applyFieldErrors(form, error, language, controlFor);
  for (const { path, message } of problemOf(error)?.errors ?? []) {
    const key = directoryErrorKey(path, message);
    const control = controlFor(path);
    if (!key || !control) continue;
    const { server: _server, serverInvalid: _invalid, ...rest } = control.errors ?? {};
    control.setErrors({ ...rest, directory: key });
  }
  return result;
}
