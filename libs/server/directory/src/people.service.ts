import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { In, Repository } from 'typeorm';
import {
  directoryApi,
  PAGE_LIMIT_DEFAULT,
  routeUrl,
  type InstitutionPage,
  type Locale,
  type Page,
  type PeopleQuery,
  type PublicPersonView,
  type RegionPage,
} from '@aula/contracts';
import { searchKey } from '@aula/server/core';
import { decodeCursor, keysetPage } from '@aula/server/database';
import { CatalogReader } from '@aula/server/catalog';
import { DirectoryNotFoundError } from './directory.errors';
import { DirectoryPolicy, type DirectoryAudience } from './directory.policy';
import { escapeLike } from './directory-text';
import { toInstitutionRef, toPublicPersonView, toRegionRef } from './directory.views';
import { Institution } from './institution.entity';
import { InstitutionService } from './institution.service';
import { NetworkProfile } from './network-profile.entity';
import { Region } from './region.entity';
import { RegionService } from './region.service';

/** People shown on a region's or an institution's page; the people list pages through the rest. */
export const PAGE_PEOPLE = 50;
/** Institutions shown on a region's page. */
export const PAGE_INSTITUTIONS = 200;

interface PersonRow {
  id: string;
  displayName: string;
  bio: string | null;
  topics: string[];
  languages: string[];
  country: string | null;
  institutionId: string | null;
  regionId: string | null;
  photoKey: string | null;
}

/**
 * The display name as folded for search: users' search text is the folded name followed by the
 * email, and the email must never be searchable from a public page, so it is cut off (or, should
 * the two not line up, the name is only lower-cased).
 */
const FOLDED_NAME = `CASE WHEN right(u.search_text, length(u.email) + 1) = ' ' || u.email
  THEN left(u.search_text, length(u.search_text) - length(u.email) - 1) ELSE lower(u.display_name) END`;

/**
 * What anyone may see of people in the network: published profiles of active accounts, exactly
 * the fields of PublicPersonView, with institutions and regions only as far as the audience may
 * see them. A withdrawn profile is gone from every answer that follows. Also the region and
 * institution pages, and the shared list of expertise topics.
 */
@Injectable()
export class PeopleService {
  constructor(
    @InjectRepository(NetworkProfile) private readonly profiles: Repository<NetworkProfile>,
    private readonly regions: RegionService,
    private readonly institutions: InstitutionService,
    private readonly catalog: CatalogReader,
  ) {}

  /** Ordered by name. */
  async list(
    query: PeopleQuery,
    audience: DirectoryAudience,
    locale: Locale | null,
  ): Promise<Page<PublicPersonView>> {
    const limit = query.limit ?? PAGE_LIMIT_DEFAULT;
    const params: unknown[] = [];
    const p = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = ['p.published', 'u.active'];
    const q = query.q ? searchKey(query.q) : '';
    if (q) where.push(`${FOLDED_NAME} LIKE ${p(`%${escapeLike(q)}%`)}`);
    if (query.country) where.push(`u.country = ${p(query.country)}`);
    if (query.topic)
      where.push(`EXISTS (SELECT 1 FROM unnest(p.topics) t WHERE lower(t) = lower(${p(query.topic)}))`);
    if (query.institutionId)
      where.push(
        `p.institution_id = ${p(query.institutionId)} AND EXISTS (SELECT 1 FROM institutions i WHERE i.id = p.institution_id AND ${DirectoryPolicy.institutionCondition(audience === 'admin' ? 'member' : audience, 'i')})`,
      );
    if (query.regionId) {
      const region = p(query.regionId);
      where.push(
        // Through the shown institution only when the reader may see it: a hidden institution must
        // not place a person on a public region's page.
        `(p.region_id = ${region} OR EXISTS (SELECT 1 FROM institutions i WHERE i.id = p.institution_id AND i.region_id = ${region} AND ${DirectoryPolicy.institutionCondition(audience === 'admin' ? 'member' : audience, 'i')}))`,
      );
    }
    if (query.cursor) {
      const [name, id] = decodeCursor(query.cursor, 2);
      where.push(`(u.display_name, p.user_id) > (${p(name)}, ${p(id)})`);
    }
    const rows = (await this.profiles.query(
      `SELECT p.user_id AS id, u.display_name AS "displayName", p.bio, p.topics, p.languages, u.country,
              p.institution_id AS "institutionId", p.region_id AS "regionId",
              CASE WHEN p.show_photo THEN p.photo_key END AS "photoKey"
         FROM network_profiles p JOIN users u ON u.id = p.user_id
        WHERE ${where.join(' AND ')}
        ORDER BY u.display_name, p.user_id
        LIMIT ${p(limit + 1)}`,
      params,
    )) as PersonRow[];
    const views = await this.views(rows.slice(0, limit), audience, locale);
    return keysetPage(
      rows,
      limit,
      (row) => views.get(row.id) as PublicPersonView,
      (last) => [last.displayName, last.id],
    );
  }

  /** One published person; 404 for everyone else (unpublished, withdrawn, deactivated, unknown alike). */
  async get(id: string, audience: DirectoryAudience, locale: Locale | null): Promise<PublicPersonView> {
    const rows = (await this.profiles.query(
      `SELECT p.user_id AS id, u.display_name AS "displayName", p.bio, p.topics, p.languages, u.country,
              p.institution_id AS "institutionId", p.region_id AS "regionId",
              CASE WHEN p.show_photo THEN p.photo_key END AS "photoKey"
         FROM network_profiles p JOIN users u ON u.id = p.user_id
        WHERE p.user_id = $1 AND p.published AND u.active`,
      [id],
    )) as PersonRow[];
    if (!rows.length) throw new DirectoryNotFoundError('person');
    return (await this.views(rows, audience, locale)).get(id) as PublicPersonView;
  }

  /** A region's page: the region, its institutions (by name) and its first published people. */
  async regionPage(slug: string, audience: DirectoryAudience, locale: Locale | null): Promise<RegionPage> {
    const region = await this.regions.getBySlug(slug, audience, locale);
    const institutions = await this.profiles.manager
      .createQueryBuilder(Institution, 'i')
      .where('i.region_id = :id', { id: region.id })
      .andWhere(DirectoryPolicy.institutionCondition(audience === 'admin' ? 'member' : audience, 'i'))
      .orderBy('i.primary_name', 'ASC')
      .addOrderBy('i.id', 'ASC')
      .limit(PAGE_INSTITUTIONS)
      .getMany();
    const people = await this.list({ regionId: region.id, limit: PAGE_PEOPLE }, audience, locale);
    return {
      region,
      institutions: institutions.map((i) => toInstitutionRef(i, locale)),
      people: people.items,
    };
  }

  /** An institution's page: the institution (an old id of a merged one opens the survivor) and its first published people. */
  async institutionPage(
    id: string,
    audience: DirectoryAudience,
    locale: Locale | null,
  ): Promise<InstitutionPage> {
    const institution = await this.institutions.get(id, audience, locale);
    const people = await this.list({ institutionId: institution.id, limit: PAGE_PEOPLE }, audience, locale);
    return { institution, people: people.items };
  }

  /**
   * The shared topic list: the catalogue's course topics and those already on published
   * profiles, each once (accents and case aside), alphabetical.
   */
  async topics(): Promise<string[]> {
    const [courseTopics, rows] = await Promise.all([
      this.catalog.publishedTopics(),
      this.profiles.query(
        `SELECT DISTINCT t.topic FROM network_profiles p JOIN users u ON u.id = p.user_id, unnest(p.topics) AS t(topic)
          WHERE p.published AND u.active`,
      ) as Promise<{ topic: string }[]>,
    ]);
    const byKey = new Map<string, string>();
    for (const topic of [...courseTopics, ...rows.map((r) => r.topic)]) {
      const key = searchKey(topic);
      if (key && !byKey.has(key)) byKey.set(key, topic);
    }
    return [...byKey.values()].sort((a, b) => searchKey(a).localeCompare(searchKey(b)));
  }

  private async views(
    rows: PersonRow[],
    audience: DirectoryAudience,
    locale: Locale | null,
  ): Promise<Map<string, PublicPersonView>> {
    const institutionIds = [...new Set(rows.map((r) => r.institutionId).filter((id): id is string => !!id))];
    const regionIds = [...new Set(rows.map((r) => r.regionId).filter((id): id is string => !!id))];
    const [institutions, regions] = await Promise.all([
      institutionIds.length
        ? this.profiles.manager.find(Institution, { where: { id: In(institutionIds) } })
        : Promise.resolve([]),
      regionIds.length
        ? this.profiles.manager.find(Region, { where: { id: In(regionIds) } })
        : Promise.resolve([]),
    ]);
    const institutionRefs = new Map(
      institutions
        .filter((i) => DirectoryPolicy.canSeeInstitution(audience === 'admin' ? 'member' : audience, i))
        .map((i) => [i.id, toInstitutionRef(i, locale)]),
    );
    const regionRefs = new Map(
      regions
        .filter((r) => DirectoryPolicy.canSeeRegion(audience, r))
        .map((r) => [r.id, toRegionRef(r, locale)]),
    );
    return new Map(
      rows.map((row) => [
        row.id,
        toPublicPersonView({
          id: row.id,
          displayName: row.displayName,
          bio: row.bio,
          topics: row.topics,
          languages: row.languages,
          institution: row.institutionId ? (institutionRefs.get(row.institutionId) ?? null) : null,
          region: row.regionId ? (regionRefs.get(row.regionId) ?? null) : null,
          country: row.country?.trim() || null,
          photoUrl: row.photoKey
            ? routeUrl(
                directoryApi.personPhoto,
                { id: row.id },
                { v: createHash('sha256').update(row.photoKey).digest('hex').slice(0, 12) },
              )
            : null,
        }),
      ]),
    );
  }
}
