import type {
  GeoPoint,
  InstitutionRef,
  InstitutionRelationshipType,
  InstitutionView,
  Locale,
  MembershipView,
  MyNetworkProfile,
  PublicPersonView,
  RegionRef,
  RegionView,
} from '@aula/contracts';
import { pickText } from '@aula/server/core';
import type { Institution } from './institution.entity';
import type { Membership } from './membership.entity';
import type { NetworkProfile } from './network-profile.entity';
import type { Region } from './region.entity';

/** The language a reader's view falls back to when the record has nothing in theirs. */
export const DIRECTORY_FALLBACK_LOCALE: Locale = 'en';

type NamedInstitution = Pick<Institution, 'id' | 'names' | 'primaryName' | 'acronym' | 'country' | 'status'>;
type NamedRegion = Pick<Region, 'id' | 'slug' | 'name'>;

/** An official name in the reader's language, else in English, else the first official name. */
export function institutionDisplayName(
  i: Pick<Institution, 'names' | 'primaryName'>,
  locale: Locale | null,
): string {
  const official = i.names.filter((n) => n.type === 'official');
  return (
    official.find((n) => n.lang === locale)?.value ??
    official.find((n) => n.lang === DIRECTORY_FALLBACK_LOCALE)?.value ??
    i.primaryName
  );
}

export function regionDisplayName(r: Pick<Region, 'name' | 'slug'>, locale: Locale | null): string {
  return pickText(r.name, locale, DIRECTORY_FALLBACK_LOCALE).text || r.slug;
}

export function toInstitutionRef(i: NamedInstitution, locale: Locale | null): InstitutionRef {
  return {
    id: i.id,
    displayName: institutionDisplayName(i, locale),
    acronym: i.acronym,
    country: i.country.trim(),
    status: i.status,
  };
}

export function toRegionRef(r: NamedRegion, locale: Locale | null): RegionRef {
  return { id: r.id, slug: r.slug, displayName: regionDisplayName(r, locale) };
}

export function toRegionView(r: Region, institutionCount: number, locale: Locale | null): RegionView {
  const location: GeoPoint | null =
    r.latitude !== null && r.longitude !== null ? { lat: r.latitude, lon: r.longitude } : null;
  return {
    id: r.id,
    slug: r.slug,
    displayName: regionDisplayName(r, locale),
    name: r.name,
    country: r.country.trim(),
    subdivision: r.subdivision,
    worldRegion: r.worldRegion,
    description: r.description,
    location,
    status: r.status,
    joinedOn: r.joinedOn,
    public: r.public,
    institutionCount,
  };
}

export interface InstitutionViewParts {
  region: RegionRef | null;
  relationships: { type: InstitutionRelationshipType; institution: InstitutionRef }[];
  memberCount: number;
}

export function toInstitutionView(
  i: Institution,
  parts: InstitutionViewParts,
  locale: Locale | null,
): InstitutionView {
  return {
    ...toInstitutionRef(i, locale),
    names: i.names,
    kind: i.kind,
    sector: i.sector,
    region: parts.region,
    website: i.website,
    established: i.established,
    relationships: parts.relationships,
    identifiers: { ror: i.ror, orgId: i.orgId, wikidata: i.wikidata },
    public: i.public,
    memberCount: parts.memberCount,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
  };
}

/** Current: started (or no start date) and not yet ended, on `today` (YYYY-MM-DD). */
export function isCurrentMembership(m: Pick<Membership, 'startedOn' | 'endedOn'>, today: string): boolean {
  return (m.startedOn === null || m.startedOn <= today) && (m.endedOn === null || m.endedOn >= today);
}

export const todayIso = (): string => new Date().toISOString().slice(0, 10);

export function toMembershipView(
  m: Membership,
  institution: InstitutionRef,
  today = todayIso(),
): MembershipView {
  return {
    id: m.id,
    userId: m.userId,
    institution,
    position: m.position,
    startedOn: m.startedOn,
    endedOn: m.endedOn,
    current: isCurrentMembership(m, today),
  };
}

export function toMyNetworkProfile(p: NetworkProfile | null): MyNetworkProfile {
  return {
    published: p?.published ?? false,
    bio: p?.bio ?? null,
    topics: p?.topics ?? [],
    languages: p?.languages ?? [],
    institutionId: p?.institutionId ?? null,
    showPhoto: p?.showPhoto ?? false,
    regionId: p?.regionId ?? null,
    hasPhoto: !!p?.photoKey,
    publishedAt: p?.publishedAt?.toISOString() ?? null,
  };
}

/** Exactly the fields of PublicPersonView, so nothing else of a person can slip into a public answer. */
export function toPublicPersonView(p: {
  id: string;
  displayName: string;
  bio: string | null;
  topics: string[];
  languages: string[];
  institution: InstitutionRef | null;
  region: RegionRef | null;
  country: string | null;
  photoUrl: string | null;
}): PublicPersonView {
  return {
    id: p.id,
    displayName: p.displayName,
    bio: p.bio,
    topics: p.topics,
    languages: p.languages,
    institution: p.institution,
    region: p.region,
    country: p.country,
    photoUrl: p.photoUrl,
  };
}
