import type { Locale } from './identity';
import type { Translations } from './catalog';

/**
 * The network's members: regions, institutions (shaped like a Research Organization Registry
 * record) and people who belong to them. Every other domain points at these records by id.
 */

export const WORLD_REGIONS = ['latin-america-caribbean', 'asia', 'africa', 'other'] as const;
export type WorldRegion = (typeof WORLD_REGIONS)[number];

/** A region's standing in the programme. */
export const REGION_STATUSES = ['participating', 'partner', 'observer'] as const;
export type RegionStatus = (typeof REGION_STATUSES)[number];

export const INSTITUTION_KINDS = [
  'government',
  'planning-board',
  'university',
  'private-company',
  'community-organisation',
  'international-organisation',
  'ngo',
] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

export const STAKEHOLDER_SECTORS = ['government', 'private-sector', 'community', 'academia', 'international'] as const;
export type StakeholderSector = (typeof STAKEHOLDER_SECTORS)[number];

export const INSTITUTION_NAME_TYPES = ['official', 'acronym', 'alias'] as const;
export type InstitutionNameType = (typeof INSTITUTION_NAME_TYPES)[number];

/** As in ROR: `parent` and `child` are two views of one link; `successor` points to what replaced it. */
export const INSTITUTION_RELATIONSHIP_TYPES = ['parent', 'child', 'related', 'successor'] as const;
export type InstitutionRelationshipType = (typeof INSTITUTION_RELATIONSHIP_TYPES)[number];

/** `pending`: proposed by a person ("my institution is not listed"), waiting for an admin. */
export const INSTITUTION_STATUSES = ['active', 'pending', 'archived'] as const;
export type InstitutionStatus = (typeof INSTITUTION_STATUSES)[number];

/** Shapes of external identifiers, checked on input (ROR's checksum is checked too). */
export const IDENTIFIER_PATTERNS = {
  /** ROR id: `0` + 6 characters of Crockford base32 + 2 check digits, e.g. `05dxps055`. */
  ror: /^0[a-hj-km-np-tv-z0-9]{6}[0-9]{2}$/,
  /** IATI organisation identifier: registration-agency prefix and the id in it, e.g. `CO-NIT-8999990902`, `XM-DAC-41114`. */
  orgId: /^[A-Z]{2,4}-[A-Z0-9]{2,10}-[A-Za-z0-9._\-/]{1,60}$/,
  /** Wikidata item, e.g. `Q1124591`. */
  wikidata: /^Q[1-9][0-9]{0,11}$/,
} as const;

export const DIRECTORY_LIMITS = {
  name: 200,
  names: 12,
  description: 4000,
  position: 120,
  bio: 1000,
  topic: 60,
  topics: 15,
  languages: 10,
  website: 300,
  relationships: 50,
  mergeAtOnce: 20,
  suggestions: 20,
} as const;

/** A network profile's photo: PNG, JPEG or WebP (judged by its content), at most this many bytes. */
export const NETWORK_PHOTO_MAX_BYTES = 2 * 1024 * 1024;
export const NETWORK_PHOTO_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;

export interface GeoPoint {
  /** Degrees, -90..90. */
  lat: number;
  /** Degrees, -180..180. */
  lon: number;
}

// ---- regions ----

export interface RegionInput {
  /** Lower-case letters, digits and inner hyphens (SLUG_PATTERN); the region page's address. */
  slug: string;
  /** At least one language; shown with the usual fallback (reader's language, then English, then any). */
  name: Translations;
  /** ISO 3166-1 alpha-2, e.g. `CO`. */
  country: string;
  /** ISO 3166-2 code of the country's subdivision, e.g. `CO-ANT`; null for a whole country or where none exists. */
  subdivision?: string | null;
  worldRegion: WorldRegion;
  description?: Translations;
  location?: GeoPoint | null;
  status: RegionStatus;
  /** ISO date (YYYY-MM-DD) the region joined the programme. */
  joinedOn?: string | null;
  /** Shown on the public pages of the network. */
  public?: boolean;
}
export type RegionUpdate = Partial<RegionInput>;

export interface RegionView {
  id: string;
  slug: string;
  /** In the reader's language, with fallback. */
  displayName: string;
  name: Translations;
  country: string;
  subdivision: string | null;
  worldRegion: WorldRegion;
  description: Translations;
  location: GeoPoint | null;
  status: RegionStatus;
  joinedOn: string | null;
  public: boolean;
  /** Active institutions of the region. */
  institutionCount: number;
}

export interface RegionQuery {
  /** Part of a name in any language; accents and case ignored. */
  q?: string;
  worldRegion?: WorldRegion;
  country?: string;
  status?: RegionStatus;
  limit?: number;
  cursor?: string;
}

// ---- institutions ----

export interface InstitutionName {
  value: string;
  /** ISO 639-1 language of this name (any language, not only the interface's), or null. */
  lang: string | null;
  type: InstitutionNameType;
}

export interface InstitutionIdentifiers {
  ror?: string | null;
  orgId?: string | null;
  wikidata?: string | null;
}

export interface InstitutionRelationshipInput {
  type: InstitutionRelationshipType;
  institutionId: string;
}

export interface InstitutionInput {
  /** At least one `official` name. */
  names: InstitutionName[];
  kind: InstitutionKind;
  sector?: StakeholderSector | null;
  /** ISO 3166-1 alpha-2. */
  country: string;
  regionId?: string | null;
  /** http(s) address. */
  website?: string | null;
  established?: number | null;
  relationships?: InstitutionRelationshipInput[];
  identifiers?: InstitutionIdentifiers;
  public?: boolean;
}
export type InstitutionUpdate = Partial<InstitutionInput>;

/** Another institution as a link: enough to show its name and open its page. */
export interface InstitutionRef {
  id: string;
  displayName: string;
  acronym: string | null;
  country: string;
  status: InstitutionStatus;
}

export interface RegionRef {
  id: string;
  slug: string;
  displayName: string;
}

export interface InstitutionView extends InstitutionRef {
  names: InstitutionName[];
  kind: InstitutionKind;
  sector: StakeholderSector | null;
  region: RegionRef | null;
  website: string | null;
  established: number | null;
  relationships: { type: InstitutionRelationshipType; institution: InstitutionRef }[];
  identifiers: { ror: string | null; orgId: string | null; wikidata: string | null };
  public: boolean;
  /** People with a current membership. */
  memberCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface InstitutionQuery {
  /** Part of any name or acronym; accents and case ignored. */
  q?: string;
  country?: string;
  regionId?: string;
  worldRegion?: WorldRegion;
  kind?: InstitutionKind;
  sector?: StakeholderSector;
  /** Institutions with an opted-in member who lists this expertise topic. */
  topic?: string;
  /** Admin lists only; public lists show active institutions. */
  status?: InstitutionStatus;
  limit?: number;
  cursor?: string;
}

/** The typeahead: best matches first (prefix of a name or acronym, then similar spellings). */
export interface InstitutionSuggestQuery {
  q: string;
  country?: string;
  limit?: number;
}

/** "My institution is not listed": becomes a pending institution an admin confirms. */
export interface ProposedInstitution {
  name: string;
  country: string;
  kind?: InstitutionKind;
}

export interface SetInstitutionStatusRequest {
  status: InstitutionStatus;
}

export interface MergeInstitutionsRequest {
  /** Institutions folded into the one in the path; each must differ from it and not be its ancestor. */
  duplicateIds: string[];
}

export interface MergeReport {
  survivor: InstitutionView;
  merged: string[];
  /** What moved, per kind of reference (`memberships`, `relationships`, and each domain's own). */
  moved: Record<string, number>;
}

/** Answer of a delete refused because others point at the institution (409). */
export interface InstitutionReferences {
  references: Record<string, number>;
}

// ---- CSV of institutions ----

/** Columns of the institutions file; `names` holds `value|lang|type` entries separated by `;`. */
export const INSTITUTION_CSV_COLUMNS = [
  'id',
  'official_name',
  'acronym',
  'other_names',
  'kind',
  'sector',
  'country',
  'region',
  'website',
  'established',
  'ror',
  'org_id',
  'wikidata',
  'parent_id',
  'status',
  'public',
] as const;
export const INSTITUTION_CSV_MAX_BYTES = 5 * 1024 * 1024;
export const INSTITUTION_CSV_MAX_ROWS = 20000;

export const DIRECTORY_CSV_OUTCOMES = ['created', 'updated', 'unchanged', 'failed'] as const;
export type DirectoryCsvOutcome = (typeof DIRECTORY_CSV_OUTCOMES)[number];

export interface DirectoryImportReport {
  rows: { line: number; name: string; outcome: DirectoryCsvOutcome; id?: string; message?: string }[];
  counts: Record<DirectoryCsvOutcome, number>;
}

// ---- people: memberships and network profiles ----

export interface MembershipInput {
  /** One of the two: an institution of the directory, or a proposed one. */
  institutionId?: string;
  proposedInstitution?: ProposedInstitution;
  position?: string | null;
  /** ISO dates. */
  startedOn?: string | null;
  endedOn?: string | null;
}
export type MembershipUpdate = Partial<Pick<MembershipInput, 'position' | 'startedOn' | 'endedOn'>>;

export interface MembershipView {
  id: string;
  userId: string;
  institution: InstitutionRef;
  position: string | null;
  startedOn: string | null;
  endedOn: string | null;
  current: boolean;
}

/**
 * A person's public face in the network. Nothing of it is public until `published` is true;
 * withdrawing hides it again at once.
 */
export interface NetworkProfileInput {
  published: boolean;
  bio?: string | null;
  /** Expertise topics from the shared topic list (the catalogue's course topics and those already in use). */
  topics?: string[];
  /** ISO 639-1 languages the person works in. */
  languages?: string[];
  /** Which of the person's current institutions the profile shows. */
  institutionId?: string | null;
  /** Show the photo uploaded with the profile. */
  showPhoto?: boolean;
  regionId?: string | null;
}

export interface MyNetworkProfile extends Required<Omit<NetworkProfileInput, 'institutionId' | 'regionId'>> {
  institutionId: string | null;
  regionId: string | null;
  hasPhoto: boolean;
  publishedAt: string | null;
}

/** What anyone may see of an opted-in person: exactly these fields. */
export interface PublicPersonView {
  id: string;
  displayName: string;
  bio: string | null;
  topics: string[];
  languages: string[];
  institution: InstitutionRef | null;
  region: RegionRef | null;
  country: string | null;
  /** Address of the photo, or null. */
  photoUrl: string | null;
}

export interface PeopleQuery {
  q?: string;
  country?: string;
  topic?: string;
  institutionId?: string;
  regionId?: string;
  limit?: number;
  cursor?: string;
}

/** A region's or institution's public page: the record and its opted-in people. */
export interface RegionPage {
  region: RegionView;
  institutions: InstitutionRef[];
  people: PublicPersonView[];
}
export interface InstitutionPage {
  institution: InstitutionView;
  people: PublicPersonView[];
}

// ---- moving off free text ----

export const FREE_TEXT_FIELDS = ['organisation', 'region'] as const;
export type FreeTextField = (typeof FREE_TEXT_FIELDS)[number];
export const FREE_TEXT_STATUSES = ['open', 'matched', 'resolved', 'ignored'] as const;
export type FreeTextStatus = (typeof FREE_TEXT_STATUSES)[number];

/** One spelling, as people typed it, with everyone who typed it (accents and case folded together). */
export interface FreeTextValueView {
  field: FreeTextField;
  /** The folded key the group is known by. */
  key: string;
  /** The spellings seen, most frequent first. */
  spellings: string[];
  people: number;
  status: FreeTextStatus;
  /** Records whose names are close, best first. */
  candidates: (InstitutionRef | RegionRef)[];
}

export interface FreeTextQuery {
  field?: FreeTextField;
  status?: FreeTextStatus;
  limit?: number;
  cursor?: string;
}

export const FREE_TEXT_ACTIONS = ['pick', 'create', 'ignore'] as const;
export type FreeTextAction = (typeof FREE_TEXT_ACTIONS)[number];

export interface ResolveFreeTextRequest {
  field: FreeTextField;
  key: string;
  action: FreeTextAction;
  /** For `pick`: the institution (organisation) or region (region) the value means. */
  targetId?: string;
  /** For `create` on organisation: the new institution. */
  institution?: InstitutionInput;
  /** For `create` on region: the new region. */
  region?: RegionInput;
}

export interface FreeTextMatchReport {
  matched: number;
  open: number;
}

/** Locales the directory's public pages are offered in. */
export type DirectoryLocale = Locale;
