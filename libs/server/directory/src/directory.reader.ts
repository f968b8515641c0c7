import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import type { InstitutionRef, Locale, RegionRef } from '@aula/contracts';
import { searchKey } from '@aula/server/core';
import { escapeLike } from './directory-text';
import { toInstitutionRef, toRegionRef } from './directory.views';
import { Institution } from './institution.entity';
import { Region } from './region.entity';

/**
 * Read-only access to the directory for other domains (a workshop's host, a plan's lead
 * institution, the free-text reconciliation): no access checks here, the caller decides who may
 * see what. Every method takes an optional EntityManager to run inside the caller's transaction.
 */
@Injectable()
export class DirectoryReader {
  constructor(@InjectRepository(Institution) private readonly institutions: Repository<Institution>) {}

  private em(em?: EntityManager): EntityManager {
    return em ?? this.institutions.manager;
  }

  /** Links to these institutions, in the reader's language, keyed by id; unknown ids are left out. */
  async institutionRefs(
    ids: string[],
    locale: Locale | null,
    em?: EntityManager,
  ): Promise<Map<string, InstitutionRef>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.em(em).find(Institution, {
      select: { id: true, names: true, primaryName: true, acronym: true, country: true, status: true },
      where: { id: In(unique) },
    });
    return new Map(rows.map((r) => [r.id, toInstitutionRef(r, locale)]));
  }

  /** Links to these regions, in the reader's language, keyed by id; unknown ids are left out. */
  async regionRefs(
    ids: string[],
    locale: Locale | null,
    em?: EntityManager,
  ): Promise<Map<string, RegionRef>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.em(em).find(Region, {
      select: { id: true, slug: true, name: true },
      where: { id: In(unique) },
    });
    return new Map(rows.map((r) => [r.id, toRegionRef(r, locale)]));
  }

  /**
   * The one active institution (of `country` when given) with a name or acronym equal to `name`,
   * accents, case and spacing aside; null when none or several have it.
   */
  async findInstitutionByName(
    name: string,
    country?: string | null,
    em?: EntityManager,
  ): Promise<Institution | null> {
    const key = searchKey(name);
    if (!key) return null;
    const qb = this.em(em)
      .createQueryBuilder(Institution, 'i')
      .where('i.search_text LIKE :pattern', { pattern: `%${escapeLike(key)}%` })
      .andWhere(`i.status = 'active'`)
      .limit(200);
    if (country) qb.andWhere('i.country = :country', { country });
    const matches = (await qb.getMany()).filter((i) => i.names.some((n) => searchKey(n.value) === key));
    return matches.length === 1 ? matches[0] : null;
  }

  /**
   * The one region (of `country` when given) with a name in any language, slug or subdivision
   * code equal to `name`, accents, case and spacing aside; null when none or several have it.
   */
  async findRegionByName(name: string, country?: string | null, em?: EntityManager): Promise<Region | null> {
    const key = searchKey(name);
    if (!key) return null;
    const qb = this.em(em)
      .createQueryBuilder(Region, 'r')
      .where('(r.search_text LIKE :pattern OR r.slug = :slug)', {
        pattern: `%${escapeLike(key)}%`,
        slug: key,
      })
      .limit(200);
    if (country) qb.andWhere('r.country = :country', { country });
    const matches = (await qb.getMany()).filter(
      (r) =>
        r.slug === key ||
        searchKey(r.subdivision) === key ||
        Object.values(r.name).some((n) => searchKey(n) === key),
    );
    return matches.length === 1 ? matches[0] : null;
  }

  /** An institution by id, whatever its status; null when absent. */
  findInstitution(id: string, em?: EntityManager): Promise<Institution | null> {
    return this.em(em).findOne(Institution, { where: { id } });
  }

  /** A region by id; null when absent. */
  findRegion(id: string, em?: EntityManager): Promise<Region | null> {
    return this.em(em).findOne(Region, { where: { id } });
  }
}
