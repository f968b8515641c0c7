import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isISO8601 } from 'class-validator';
import { EntityManager, Repository } from 'typeorm';
import {
  PAGE_LIMIT_DEFAULT,
  REGION_STATUSES,
  SLUG_PATTERN,
  WORLD_REGIONS,
  type Locale,
  type Page,
  type RegionInput,
  type RegionQuery,
  type RegionUpdate,
  type RegionView,
} from '@aula/contracts';
import { cleanPlainTranslations, searchKey } from '@aula/server/core';
import { decodeCursor, isPgError, keysetPage, PG } from '@aula/server/database';
import { CODE_MESSAGES, isCountryCode, isSubdivisionOf } from './directory-codes';
import {
  DirectoryFieldError,
  DirectoryNotFoundError,
  RegionSlugTakenError,
  StillReferencedError,
} from './directory.errors';
import { DirectoryPolicy, type DirectoryAudience } from './directory.policy';
import { cleanParagraphTranslations, escapeLike, searchTextOf } from './directory-text';
import { toRegionView } from './directory.views';
import { DirectoryAudit } from './directory-audit.entity';
import { Region } from './region.entity';

/**
 * The network's regions: a country's subdivision (ISO 3166-2) or a whole country. Administrators
 * write them (the API checks the role); everyone reads the ones their audience may see.
 */
@Injectable()
export class RegionService {
  constructor(@InjectRepository(Region) private readonly regions: Repository<Region>) {}

  // ---- reading ----

  /** Ordered by slug; `q` matches any name (accents and case ignored) or the slug. */
  async list(
    query: RegionQuery,
    audience: DirectoryAudience,
    locale: Locale | null,
  ): Promise<Page<RegionView>> {
    const limit = query.limit ?? PAGE_LIMIT_DEFAULT;
    const qb = this.regions
      .createQueryBuilder('r')
      .where(DirectoryPolicy.regionCondition(audience, 'r'))
      .orderBy('r.slug', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .limit(limit + 1);
    const q = query.q ? searchKey(query.q) : '';
    if (q)
      qb.andWhere('(r.search_text LIKE :pattern OR r.slug LIKE :pattern)', { pattern: `%${escapeLike(q)}%` });
    if (query.worldRegion) qb.andWhere('r.world_region = :worldRegion', { worldRegion: query.worldRegion });
    if (query.country) qb.andWhere('r.country = :country', { country: query.country });
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    if (query.cursor) {
      const [slug, id] = decodeCursor(query.cursor, 2);
      qb.andWhere('(r.slug, r.id) > (:slug, :id)', { slug, id });
    }
    const rows = await qb.getMany();
    const counts = await this.institutionCounts(
      rows.map((r) => r.id),
      audience,
    );
    return keysetPage(
      rows,
      limit,
      (r) => toRegionView(r, counts.get(r.id) ?? 0, locale),
      (last) => [last.slug, last.id],
    );
  }

  /** The region with this slug, if the audience may see it; 404 otherwise. */
  async getBySlug(slug: string, audience: DirectoryAudience, locale: Locale | null): Promise<RegionView> {
    const region = await this.regions.findOne({ where: { slug } });
    if (!region || !DirectoryPolicy.canSeeRegion(audience, region))
      throw new DirectoryNotFoundError('region');
    return this.view(region, audience, locale);
  }

  async get(id: string, audience: DirectoryAudience, locale: Locale | null): Promise<RegionView> {
    const region = await this.regions.findOne({ where: { id } });
    if (!region || !DirectoryPolicy.canSeeRegion(audience, region))
      throw new DirectoryNotFoundError('region');
    return this.view(region, audience, locale);
  }

  async view(region: Region, audience: DirectoryAudience, locale: Locale | null): Promise<RegionView> {
    const counts = await this.institutionCounts([region.id], audience);
    return toRegionView(region, counts.get(region.id) ?? 0, locale);
  }

  // ---- writing ----

  /** 400 naming the field for a bad code or missing name, 409 naming `slug` when taken. */
  async create(input: RegionInput, manager?: EntityManager): Promise<RegionView> {
    const em = manager ?? this.regions.manager;
    const region = em.create(Region, { public: true, description: {} });
    this.apply(region, input, true);
    const saved = await this.save(region, em);
    return this.view(saved, 'admin', null);
  }

  /** Changes what is sent; a translatable field sent replaces all its languages. */
  async update(id: string, change: RegionUpdate): Promise<RegionView> {
    const region = await this.regions.findOne({ where: { id } });
    if (!region) throw new DirectoryNotFoundError('region');
    this.apply(region, change, false);
    return this.view(await this.save(region), 'admin', null);
  }

  /**
   * Removes a region no institution belongs to (409 with the count otherwise). People's profiles
   * and free-text values that pointed at it simply lose the link.
   */
  async delete(id: string, actorId: string | null): Promise<void> {
    await this.regions.manager.transaction(async (em) => {
      const region = await em.findOne(Region, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!region) throw new DirectoryNotFoundError('region');
      const [row] = (await em.query(`SELECT count(*)::int AS n FROM institutions WHERE region_id = $1`, [
        id,
      ])) as { n: number }[];
      if (row.n > 0) throw new StillReferencedError('region', { institutions: row.n });
      await em.delete(Region, { id });
      await em.save(
        em.create(DirectoryAudit, {
          action: 'delete',
          actorId,
          subjectId: id,
          details: { kind: 'region', slug: region.slug, name: region.name },
        }),
      );
    });
  }

  // ---- helpers ----

  /** Active institutions per region, as the audience counts them. */
  private async institutionCounts(ids: string[], audience: DirectoryAudience): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const condition = DirectoryPolicy.institutionCondition(audience === 'admin' ? 'member' : audience, 'i');
    const rows = (await this.regions.query(
      `SELECT i.region_id AS id, count(*)::int AS n FROM institutions i WHERE i.region_id = ANY($1::uuid[]) AND ${condition} GROUP BY i.region_id`,
      [ids],
    )) as { id: string; n: number }[];
    return new Map(rows.map((r) => [r.id, r.n]));
  }

  private apply(region: Region, input: RegionUpdate, creating: boolean): void {
    const need = <K extends keyof RegionInput>(key: K): boolean => creating || input[key] !== undefined;
    if (need('slug')) {
      if (typeof input.slug !== 'string' || !SLUG_PATTERN.test(input.slug))
        throw new DirectoryFieldError(
          'slug',
          'must be 3–80 lower-case letters, digits and hyphens, not starting or ending with a hyphen',
        );
      region.slug = input.slug;
    }
    if (need('name')) {
      const name = cleanPlainTranslations(input.name);
      if (Object.keys(name).length === 0)
        throw new DirectoryFieldError('name', 'needs a name in at least one language');
      region.name = name;
    }
    if (need('country')) {
      if (typeof input.country !== 'string' || !isCountryCode(input.country))
        throw new DirectoryFieldError('country', CODE_MESSAGES.country);
      region.country = input.country;
    }
    if (creating || input.subdivision !== undefined || input.country !== undefined) {
      const subdivision = input.subdivision === undefined ? (region.subdivision ?? null) : input.subdivision;
      if (
        subdivision !== null &&
        !(typeof subdivision === 'string' && isSubdivisionOf(region.country, subdivision))
      )
        throw new DirectoryFieldError('subdivision', CODE_MESSAGES.subdivision);
      region.subdivision = subdivision;
    }
    if (need('worldRegion')) {
      if (!(WORLD_REGIONS as readonly string[]).includes(input.worldRegion as string))
        throw new DirectoryFieldError('worldRegion', `must be one of ${WORLD_REGIONS.join(', ')}`);
      region.worldRegion = input.worldRegion as Region['worldRegion'];
    }
    if (need('status')) {
      if (!(REGION_STATUSES as readonly string[]).includes(input.status as string))
        throw new DirectoryFieldError('status', `must be one of ${REGION_STATUSES.join(', ')}`);
      region.status = input.status as Region['status'];
    }
    if (input.description !== undefined) region.description = cleanParagraphTranslations(input.description);
    if (input.location !== undefined) {
      const location = input.location;
      if (location === null) {
        region.latitude = null;
        region.longitude = null;
      } else {
        if (!(Number.isFinite(location.lat) && Math.abs(location.lat) <= 90))
          throw new DirectoryFieldError('location.lat', 'must be a latitude from -90 to 90');
        if (!(Number.isFinite(location.lon) && Math.abs(location.lon) <= 180))
          throw new DirectoryFieldError('location.lon', 'must be a longitude from -180 to 180');
        region.latitude = location.lat;
        region.longitude = location.lon;
      }
    }
    if (input.joinedOn !== undefined) {
      if (
        input.joinedOn !== null &&
        !(/^\d{4}-\d{2}-\d{2}$/.test(input.joinedOn) && isISO8601(input.joinedOn, { strict: true }))
      )
        throw new DirectoryFieldError('joinedOn', 'must be a date (YYYY-MM-DD)');
      region.joinedOn = input.joinedOn;
    }
    if (input.public !== undefined) region.public = input.public;
    region.searchText = searchTextOf([...Object.values(region.name), region.subdivision]);
  }

  private async save(region: Region, em: EntityManager = this.regions.manager): Promise<Region> {
    try {
      return await em.save(region);
    } catch (e) {
      if (isPgError(e, PG.uniqueViolation, 'regions_slug_key')) throw new RegionSlugTakenError();
      throw e;
    }
  }
}
