import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isURL } from 'class-validator';
import { EntityManager, In, Repository } from 'typeorm';
import {
  DIRECTORY_LIMITS,
  INSTITUTION_KINDS,
  INSTITUTION_NAME_TYPES,
  INSTITUTION_RELATIONSHIP_TYPES,
  INSTITUTION_STATUSES,
  PAGE_LIMIT_DEFAULT,
  STAKEHOLDER_SECTORS,
  type InstitutionInput,
  type InstitutionKind,
  type InstitutionName,
  type InstitutionQuery,
  type InstitutionRef,
  type InstitutionRelationshipInput,
  type InstitutionRelationshipType,
  type InstitutionStatus,
  type InstitutionSuggestQuery,
  type InstitutionUpdate,
  type InstitutionView,
  type Locale,
  type Page,
  type ProposedInstitution,
  type RegionRef,
} from '@aula/contracts';
import { searchKey } from '@aula/server/core';
import { decodeCursor, isPgError, keysetPage, PG, PreparedSql } from '@aula/server/database';
import { CODE_MESSAGES, isCountryCode, isLanguageCode, isOrgId, isRor, isWikidata } from './directory-codes';
import { DirectoryHooks } from './directory-hooks';
import {
  DirectoryFieldError,
  DirectoryNotFoundError,
  IdentifierTakenError,
  StillReferencedError,
} from './directory.errors';
import { DirectoryPolicy, type DirectoryAudience } from './directory.policy';
import { cleanLine, escapeLike, searchTextOf } from './directory-text';
import { toInstitutionRef, toInstitutionView, toRegionRef } from './directory.views';
import { DirectoryAudit } from './directory-audit.entity';
import { Institution } from './institution.entity';
import { InstitutionRelationship } from './institution-relationship.entity';
import { Region } from './region.entity';

type StoredRelationshipType = InstitutionRelationship['type'];

/** A relationship as stored: one row, whichever side it was entered from. */
export interface StoredRelationship {
  institutionId: string;
  relatedId: string;
  type: StoredRelationshipType;
}

/** The row that stores "`self` has `type` `other`" (see InstitutionRelationship). */
export function storedRelationship(
  self: string,
  type: InstitutionRelationshipType,
  other: string,
): StoredRelationship {
  switch (type) {
    case 'parent':
      return { institutionId: self, relatedId: other, type: 'parent' };
    case 'child':
      return { institutionId: other, relatedId: self, type: 'parent' };
    case 'successor':
      return { institutionId: self, relatedId: other, type: 'successor' };
    case 'related':
      return self < other
        ? { institutionId: self, relatedId: other, type: 'related' }
        : { institutionId: other, relatedId: self, type: 'related' };
  }
}

/** How a stored row reads from `self`'s side; null for a row `self` cannot state (what it succeeded). */
export function relationshipFrom(
  self: string,
  row: StoredRelationship,
): { type: InstitutionRelationshipType; other: string } | null {
  if (row.type === 'related')
    return { type: 'related', other: row.institutionId === self ? row.relatedId : row.institutionId };
  if (row.institutionId === self) return { type: row.type, other: row.relatedId };
  if (row.type === 'parent') return { type: 'child', other: row.institutionId };
  return null;
}

/** Rows `self` states: everything but the rows of institutions it succeeded. */
const OWN_ROWS = `(institution_id = $1 OR (related_id = $1 AND type IN ('parent', 'related')))`;

/**
 * Which graphs must stay acyclic. One statement per check: the ancestors (or successors) reachable
 * from the institution must not include it. UNION (not UNION ALL) ends the walk on a cycle.
 */
const CYCLE_SQL = `
WITH RECURSIVE up(node) AS (
  SELECT related_id FROM institution_relationships WHERE institution_id = ANY($1::uuid[]) AND type = $2
  UNION
  SELECT r.related_id FROM institution_relationships r JOIN up ON r.institution_id = up.node WHERE r.type = $2
)
SELECT EXISTS (SELECT 1 FROM up WHERE node = ANY($1::uuid[])) AS cycle`;

const SUGGEST_COLUMNS = `i.id, i.names, i.primary_name AS "primaryName", i.acronym, i.country, i.status`;
const SUGGEST_FILTER = `i.status = 'active' AND ($3::char(2) IS NULL OR i.country = $3::char(2)) AND (NOT $4::boolean OR i.public)`;
/** The first name, folded, in byte order: what institutions_search_prefix_idx holds (see its migration). */
const FIRST_NAME = `left(i.search_text, 200) COLLATE "C"`;

/**
 * The typeahead in one statement (the `directory` benchmark's bare baseline runs it too): $1 the
 * folded text, $2 it escaped for LIKE, $3 the country or null, $4 true when only public records
 * may show, $5 the limit. Three halves, each index-backed, in order of quality; the outer LIMIT
 * stops the append as soon as it has enough, so a later half runs only when the earlier ones leave
 * room:
 * 1. records whose first name starts with the text, in name order (institutions_search_prefix_idx,
 *    read in order: the scan stops after $5 rows — a range, not LIKE, so a generic plan uses it);
 * 2. records containing the text elsewhere (institutions_search_text_trgm_idx): the start of another
 *    name or acronym, then the start of a word, then anywhere;
 * 3. for texts of three characters or more, similar spellings (the same trigram index), closest first.
 */
export const INSTITUTION_SUGGEST_SQL = `
SELECT * FROM (
  (SELECT ${SUGGEST_COLUMNS}, 0 AS rank
     FROM institutions i
    WHERE ${FIRST_NAME} >= $1::text AND ${FIRST_NAME} < $1::text || chr(1114111) AND ${SUGGEST_FILTER}
    ORDER BY ${FIRST_NAME}, i.id
    LIMIT $5)
  UNION ALL
  (SELECT ${SUGGEST_COLUMNS},
          CASE WHEN i.search_text LIKE '%| ' || $2 || '%' THEN 0 WHEN i.search_text LIKE '% ' || $2 || '%' THEN 1 ELSE 2 END AS rank
     FROM institutions i
    WHERE i.search_text LIKE '%' || $2 || '%' AND i.search_text NOT LIKE $2 || '%' AND ${SUGGEST_FILTER}
    ORDER BY rank, i.primary_name, i.id
    LIMIT $5)
  UNION ALL
  (SELECT ${SUGGEST_COLUMNS}, 3 AS rank
     FROM institutions i
    WHERE length($1) >= 3 AND $1 <% i.search_text AND i.search_text NOT LIKE '%' || $2 || '%' AND ${SUGGEST_FILTER}
    ORDER BY strict_word_similarity($1, i.search_text) DESC, i.primary_name, i.id
    LIMIT $5)
) AS found
LIMIT $5`;
const SUGGEST = new PreparedSql(INSTITUTION_SUGGEST_SQL);

/** A name that says what kind of body it is: the kind a proposal gets when the person did not say. */
const KIND_HINTS: [RegExp, InstitutionKind][] = [
  [/\b(universi|faculdade|facultad|instituto tecnol|college|escuela superior)/, 'university'],
  [/\b(fundaci|fundaca|ong\b|ngo\b|asociaci|associac)/, 'ngo'],
  [/\b(s\.?a\.?s?\b|ltda|s\.?a\.?c\b|inc\b|empresa|company|corp)/, 'private-company'],
  [/\b(consejo de planeaci|planning board|conselho de planejamento|comite de planific)/, 'planning-board'],
  [/\b(comunidad|comunidade|community|junta de accion|cabildo|cooperativ)/, 'community-organisation'],
  [
    /\b(naciones unidas|nacoes unidas|united nations|banco interamericano|world bank|cepal|eclac|undp|pnud|oea\b)/,
    'international-organisation',
  ],
];

export function guessKind(name: string): InstitutionKind {
  const key = searchKey(name);
  return KIND_HINTS.find(([pattern]) => pattern.test(key))?.[1] ?? 'government';
}

const currentYear = () => new Date().getUTCFullYear();

/**
 * Institutions of the network, shaped like a Research Organization Registry record: names with
 * language and type, kind, sector, country and region, relationships, external identifiers.
 * Input is checked here whoever calls (API, CSV import, free-text resolution): codes exist, check
 * digits match, the parent and successor graphs stay acyclic.
 */
@Injectable()
export class InstitutionService {
  constructor(
    @InjectRepository(Institution) private readonly institutions: Repository<Institution>,
    private readonly hooks: DirectoryHooks,
  ) {}

  // ---- reading ----

  /** Ordered by primary name; filters combine. Non-admin audiences see active records only. */
  async list(
    query: InstitutionQuery,
    audience: DirectoryAudience,
    locale: Locale | null,
  ): Promise<Page<InstitutionView>> {
    const limit = query.limit ?? PAGE_LIMIT_DEFAULT;
    const qb = this.institutions
      .createQueryBuilder('i')
      .where(DirectoryPolicy.institutionCondition(audience, 'i'))
      .orderBy('i.primary_name', 'ASC')
      .addOrderBy('i.id', 'ASC')
      .limit(limit + 1);
    const q = query.q ? searchKey(query.q) : '';
    if (q) qb.andWhere('i.search_text LIKE :pattern', { pattern: `%${escapeLike(q)}%` });
    if (query.country) qb.andWhere('i.country = :country', { country: query.country });
    if (query.regionId) qb.andWhere('i.region_id = :regionId', { regionId: query.regionId });
    if (query.worldRegion)
      qb.andWhere(
        `EXISTS (SELECT 1 FROM regions r WHERE r.id = i.region_id AND r.world_region = :worldRegion AND ${DirectoryPolicy.regionCondition(audience, 'r')})`,
        { worldRegion: query.worldRegion },
      );
    if (query.kind) qb.andWhere('i.kind = :kind', { kind: query.kind });
    if (query.sector) qb.andWhere('i.sector = :sector', { sector: query.sector });
    if (query.topic)
      qb.andWhere(
        `EXISTS (SELECT 1 FROM network_profiles p WHERE p.institution_id = i.id AND p.published AND EXISTS (SELECT 1 FROM unnest(p.topics) t WHERE lower(t) = lower(:topic)))`,
        { topic: query.topic },
      );
    if (query.status && audience === 'admin') qb.andWhere('i.status = :status', { status: query.status });
    if (query.cursor) {
      const [name, id] = decodeCursor(query.cursor, 2);
      qb.andWhere('(i.primary_name, i.id) > (:name, :id)', { name, id });
    }
    const rows = await qb.getMany();
    const views = await this.views(rows.slice(0, limit), audience, locale);
    return keysetPage(
      rows,
      limit,
      (i) => views.get(i.id) as InstitutionView,
      (last) => [last.primaryName, last.id],
    );
  }

  /**
   * The institution, if the audience may see it; 404 otherwise. The id of an institution merged
   * into another opens the survivor.
   */
  async get(
    id: string,
    audience: DirectoryAudience,
    locale: Locale | null,
    em?: EntityManager,
  ): Promise<InstitutionView> {
    const manager = em ?? this.institutions.manager;
    let institution = await manager.findOne(Institution, { where: { id } });
    if (!institution) {
      const survivor = await this.survivorOf(id, manager);
      institution = survivor ? await manager.findOne(Institution, { where: { id: survivor } }) : null;
    }
    if (!institution || !DirectoryPolicy.canSeeInstitution(audience, institution))
      throw new DirectoryNotFoundError('institution');
    return (await this.views([institution], audience, locale, manager)).get(
      institution.id,
    ) as InstitutionView;
  }

  /** Where an institution merged away went (following later merges too); null when it was never merged. */
  async survivorOf(id: string, em: EntityManager = this.institutions.manager): Promise<string | null> {
    let current = id;
    for (let hop = 0; hop < 10; hop++) {
      const [row] = (await em.query(
        `SELECT subject_id AS id FROM directory_audit WHERE action = 'merge' AND details -> 'merged' ? $1 ORDER BY at DESC LIMIT 1`,
        [current],
      )) as { id: string }[];
      if (!row) break;
      current = row.id;
    }
    if (current === id) return null;
    return (await em.exists(Institution, { where: { id: current } })) ? current : null;
  }

  /** The typeahead: at most DIRECTORY_LIMITS.suggestions, best first. */
  async suggest(
    query: InstitutionSuggestQuery,
    audience: DirectoryAudience,
    locale: Locale | null,
  ): Promise<InstitutionRef[]> {
    const q = searchKey(query.q).replace(/\|/g, ' ').trim();
    if (!q) return [];
    const limit = Math.min(query.limit ?? 10, DIRECTORY_LIMITS.suggestions);
    const rows = await SUGGEST.run<
      Pick<Institution, 'id' | 'names' | 'primaryName' | 'acronym' | 'country' | 'status'>
    >(this.institutions.manager, [q, escapeLike(q), query.country ?? null, audience === 'public', limit]);
    return rows.map((r) => toInstitutionRef(r, locale));
  }

  /** Views of many institutions at once: their regions, relationships and member counts in three queries. */
  async views(
    rows: Institution[],
    audience: DirectoryAudience,
    locale: Locale | null,
    em: EntityManager = this.institutions.manager,
  ): Promise<Map<string, InstitutionView>> {
    const result = new Map<string, InstitutionView>();
    if (rows.length === 0) return result;
    const ids = rows.map((r) => r.id);
    const regionIds = [...new Set(rows.map((r) => r.regionId).filter((r): r is string => !!r))];
    const regions = regionIds.length ? await em.find(Region, { where: { id: In(regionIds) } }) : [];
    const regionRefs = new Map<string, RegionRef>(
      regions
        .filter((r) => DirectoryPolicy.canSeeRegion(audience, r))
        .map((r) => [r.id, toRegionRef(r, locale)]),
    );
    const links = (await em.query(
      `SELECT institution_id AS "institutionId", related_id AS "relatedId", type FROM institution_relationships
        WHERE institution_id = ANY($1::uuid[]) OR related_id = ANY($1::uuid[])`,
      [ids],
    )) as StoredRelationship[];
    const otherIds = [...new Set(links.flatMap((l) => [l.institutionId, l.relatedId]))];
    const others = otherIds.length ? await em.find(Institution, { where: { id: In(otherIds) } }) : [];
    const otherRefs = new Map(
      others
        .filter((o) => DirectoryPolicy.canSeeInstitution(audience, o))
        .map((o) => [o.id, toInstitutionRef(o, locale)]),
    );
    const counts = new Map(
      (
        (await em.query(
          `SELECT institution_id AS id, count(*)::int AS n FROM memberships
            WHERE institution_id = ANY($1::uuid[]) AND (started_on IS NULL OR started_on <= CURRENT_DATE) AND (ended_on IS NULL OR ended_on >= CURRENT_DATE)
            GROUP BY institution_id`,
          [ids],
        )) as { id: string; n: number }[]
      ).map((r) => [r.id, r.n]),
    );
    for (const row of rows) {
      const relationships: InstitutionView['relationships'] = [];
      for (const link of links) {
        if (link.institutionId !== row.id && link.relatedId !== row.id) continue;
        const read = relationshipFrom(row.id, link);
        const other = read && otherRefs.get(read.other);
        if (read && other) relationships.push({ type: read.type, institution: other });
      }
      relationships.sort(
        (a, b) =>
          INSTITUTION_RELATIONSHIP_TYPES.indexOf(a.type) - INSTITUTION_RELATIONSHIP_TYPES.indexOf(b.type) ||
          a.institution.displayName.localeCompare(b.institution.displayName),
      );
      result.set(
        row.id,
        toInstitutionView(
          row,
          {
            region: row.regionId ? (regionRefs.get(row.regionId) ?? null) : null,
            relationships,
            memberCount: counts.get(row.id) ?? 0,
          },
          locale,
        ),
      );
    }
    return result;
  }

  // ---- writing ----

  /**
   * A new active institution (an administrator's, or one made while resolving free text). 400
   * naming the field for bad names, codes, identifiers or relationships; 409 naming the
   * identifier another institution already has.
   */
  async create(
    input: InstitutionInput,
    actorId: string | null,
    manager?: EntityManager,
  ): Promise<InstitutionView> {
    void actorId;
    const work = async (em: EntityManager) => {
      const institution = em.create(Institution, { status: 'active', public: true, proposedBy: null });
      await this.apply(institution, input, true, em);
      const saved = await this.save(institution, em);
      if (input.relationships) await this.replaceRelationships(saved.id, input.relationships, em);
      return this.get(saved.id, 'admin', null, em);
    };
    return manager ? work(manager) : this.institutions.manager.transaction(work);
  }

  /**
   * "My institution is not listed": a pending institution an administrator confirms, or the
   * existing active or pending one of that country whose official name or acronym is the same
   * (accents, case and spacing aside).
   */
  async propose(
    proposed: ProposedInstitution,
    proposedBy: string | null,
    manager?: EntityManager,
  ): Promise<Institution> {
    const name = cleanLine(proposed.name);
    if (!name || name.length > DIRECTORY_LIMITS.name)
      throw new DirectoryFieldError(
        'proposedInstitution.name',
        `must be 1 to ${DIRECTORY_LIMITS.name} characters`,
      );
    if (typeof proposed.country !== 'string' || !isCountryCode(proposed.country))
      throw new DirectoryFieldError('proposedInstitution.country', CODE_MESSAGES.country);
    if (proposed.kind !== undefined && !(INSTITUTION_KINDS as readonly string[]).includes(proposed.kind))
      throw new DirectoryFieldError(
        'proposedInstitution.kind',
        `must be one of ${INSTITUTION_KINDS.join(', ')}`,
      );
    const key = searchKey(name);
    const work = async (em: EntityManager) => {
      // Two people proposing the same name at once get one record.
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('aula:directory-proposal'), hashtext($1))`, [
        `${proposed.country}:${key}`,
      ]);
      const existing = await this.findByExactName(key, proposed.country, ['active', 'pending'], em);
      if (existing) return existing;
      const institution = em.create(Institution, {
        names: [{ value: name, lang: null, type: 'official' }],
        primaryName: name,
        acronym: null,
        kind: proposed.kind ?? guessKind(name),
        sector: null,
        country: proposed.country,
        regionId: null,
        website: null,
        established: null,
        ror: null,
        orgId: null,
        wikidata: null,
        status: 'pending',
        public: true,
        proposedBy,
        searchText: searchTextOf([name]),
      });
      return em.save(institution);
    };
    return manager ? work(manager) : this.institutions.manager.transaction(work);
  }

  /**
   * The institution of `country` among `statuses` whose official name or acronym folds to `key`;
   * the oldest when several do.
   */
  async findByExactName(
    key: string,
    country: string | null,
    statuses: InstitutionStatus[],
    em: EntityManager = this.institutions.manager,
  ): Promise<Institution | null> {
    const candidates = await this.candidatesNamed(key, country, statuses, em);
    return candidates[0] ?? null;
  }

  /** Every institution among `statuses` (of `country` when given) whose official name or acronym folds to `key`, oldest first. */
  async candidatesNamed(
    key: string,
    country: string | null,
    statuses: InstitutionStatus[],
    em: EntityManager = this.institutions.manager,
  ): Promise<Institution[]> {
    if (!key) return [];
    const qb = em
      .createQueryBuilder(Institution, 'i')
      .where('i.search_text LIKE :pattern', { pattern: `%${escapeLike(key)}%` })
      .andWhere('i.status IN (:...statuses)', { statuses })
      .orderBy('i.created_at', 'ASC')
      .addOrderBy('i.id', 'ASC')
      .limit(200);
    if (country) qb.andWhere('i.country = :country', { country });
    const rows = await qb.getMany();
    return rows.filter((i) =>
      i.names.some((n) => (n.type === 'official' || n.type === 'acronym') && searchKey(n.value) === key),
    );
  }

  /** Changes only what is sent; `names` and `relationships` sent replace the lists. */
  async update(
    id: string,
    change: InstitutionUpdate,
    actorId: string | null,
    manager?: EntityManager,
  ): Promise<InstitutionView> {
    void actorId;
    const work = async (em: EntityManager) => {
      const institution = await em.findOne(Institution, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!institution) throw new DirectoryNotFoundError('institution');
      await this.apply(institution, change, false, em);
      await this.save(institution, em);
      if (change.relationships !== undefined) await this.replaceRelationships(id, change.relationships, em);
      return this.get(id, 'admin', null, em);
    };
    return manager ? work(manager) : this.institutions.manager.transaction(work);
  }

  /** Confirm a pending institution (`active`), archive one, or bring one back; audited. */
  async setStatus(id: string, status: InstitutionStatus, actorId: string | null): Promise<InstitutionView> {
    if (!(INSTITUTION_STATUSES as readonly string[]).includes(status))
      throw new DirectoryFieldError('status', `must be one of ${INSTITUTION_STATUSES.join(', ')}`);
    return this.institutions.manager.transaction(async (em) => {
      const institution = await em.findOne(Institution, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!institution) throw new DirectoryNotFoundError('institution');
      if (institution.status !== status) {
        const from = institution.status;
        institution.status = status;
        await em.save(institution);
        await em.save(
          em.create(DirectoryAudit, {
            action: 'status',
            actorId,
            subjectId: id,
            details: { from, to: status },
          }),
        );
      }
      return this.get(id, 'admin', null, em);
    });
  }

  /**
   * Removes an institution nothing refers to; otherwise 409 with what refers to it and how many
   * (archive it instead, or merge it into another). Audited.
   */
  async delete(id: string, actorId: string | null): Promise<void> {
    await this.institutions.manager.transaction(async (em) => {
      const institution = await em.findOne(Institution, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!institution) throw new DirectoryNotFoundError('institution');
      const references = await this.references([id], em);
      if (Object.keys(references).length > 0) throw new StillReferencedError('institution', references);
      await em.delete(Institution, { id });
      await em.save(
        em.create(DirectoryAudit, {
          action: 'delete',
          actorId,
          subjectId: id,
          details: { kind: 'institution', names: institution.names, country: institution.country.trim() },
        }),
      );
    });
  }

  /** What refers to these institutions, per kind of reference, leaving out kinds with none. */
  async references(
    ids: string[],
    em: EntityManager = this.institutions.manager,
  ): Promise<Record<string, number>> {
    const [row] = (await em.query(
      `SELECT (SELECT count(*) FROM memberships WHERE institution_id = ANY($1::uuid[]))::int AS memberships,
              (SELECT count(*) FROM network_profiles WHERE institution_id = ANY($1::uuid[]))::int AS "networkProfiles",
              (SELECT count(*) FROM free_text_values WHERE institution_id = ANY($1::uuid[]))::int AS "freeTextValues",
              (SELECT count(*) FROM institution_relationships WHERE institution_id = ANY($1::uuid[]) OR related_id = ANY($1::uuid[]))::int AS relationships`,
      [ids],
    )) as Record<string, number>[];
    const references: Record<string, number> = {};
    for (const [kind, n] of Object.entries(row)) if (n > 0) references[kind] = n;
    for (const hook of this.hooks.all()) {
      const n = await hook.count(ids, em);
      if (n > 0) references[hook.name] = n;
    }
    return references;
  }

  /**
   * Replaces the relationships `id` states (all but those of institutions it succeeded) with
   * `input`. 400 naming `relationships` for a link to itself, an unknown institution or a cycle.
   */
  async replaceRelationships(
    id: string,
    input: InstitutionRelationshipInput[],
    em: EntityManager,
  ): Promise<void> {
    if (input.length > DIRECTORY_LIMITS.relationships)
      throw new DirectoryFieldError(
        'relationships',
        `must list at most ${DIRECTORY_LIMITS.relationships} relationships`,
      );
    const rows = new Map<string, StoredRelationship>();
    input.forEach((link, index) => {
      if (!(INSTITUTION_RELATIONSHIP_TYPES as readonly string[]).includes(link?.type))
        throw new DirectoryFieldError(
          `relationships.${index}.type`,
          `must be one of ${INSTITUTION_RELATIONSHIP_TYPES.join(', ')}`,
        );
      if (link.institutionId === id)
        throw new DirectoryFieldError(
          `relationships.${index}.institutionId`,
          'must be another institution than this one',
        );
      const row = storedRelationship(id, link.type, link.institutionId);
      rows.set(`${row.institutionId}:${row.relatedId}:${row.type}`, row);
    });
    const otherIds = [...new Set(input.map((l) => l.institutionId))];
    if (otherIds.length) {
      const found = new Set(
        (await em.find(Institution, { select: { id: true }, where: { id: In(otherIds) } })).map((i) => i.id),
      );
      const missing = input.findIndex((l) => !found.has(l.institutionId));
      if (missing >= 0)
        throw new DirectoryFieldError(`relationships.${missing}.institutionId`, 'is not a known institution');
    }
    // Relationship changes one at a time, so two edits cannot close a cycle together.
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('aula:directory-relationships'))`);
    await em.query(`DELETE FROM institution_relationships WHERE ${OWN_ROWS}`, [id]);
    const list = [...rows.values()];
    if (list.length)
      await em.query(
        `INSERT INTO institution_relationships (institution_id, related_id, type)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::varchar[]) ON CONFLICT DO NOTHING`,
        [list.map((r) => r.institutionId), list.map((r) => r.relatedId), list.map((r) => r.type)],
      );
    await this.assertAcyclic([id], em, 'relationships');
  }

  /** Replaces only the parents of `id` (CSV import's `parent_id`). */
  async replaceParents(
    id: string,
    parentIds: string[],
    em: EntityManager,
    path = 'parent_id',
  ): Promise<void> {
    if (parentIds.includes(id))
      throw new DirectoryFieldError(path, 'must be another institution than this one');
    if (parentIds.length) {
      const found = await em.count(Institution, { where: { id: In(parentIds) } });
      if (found !== new Set(parentIds).size)
        throw new DirectoryFieldError(path, 'is not a known institution');
    }
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('aula:directory-relationships'))`);
    await em.query(`DELETE FROM institution_relationships WHERE institution_id = $1 AND type = 'parent'`, [
      id,
    ]);
    if (parentIds.length)
      await em.query(
        `INSERT INTO institution_relationships (institution_id, related_id, type) SELECT $1, unnest($2::uuid[]), 'parent' ON CONFLICT DO NOTHING`,
        [id, parentIds],
      );
    await this.assertAcyclic([id], em, path);
  }

  /** 400 naming `path` when the parent or the successor graph has a cycle through one of `ids`. */
  async assertAcyclic(ids: string[], em: EntityManager, path: string): Promise<void> {
    for (const type of ['parent', 'successor'] as const) {
      const [row] = (await em.query(CYCLE_SQL, [ids, type])) as { cycle: boolean }[];
      if (row.cycle)
        throw new DirectoryFieldError(
          path,
          type === 'parent'
            ? 'would make an institution its own ancestor'
            : 'would make an institution its own successor',
          `The ${type === 'parent' ? 'parent' : 'successor'} links would form a cycle.`,
        );
    }
  }

  // ---- helpers ----

  /** Checks and applies `input` onto `institution` (all fields when creating). */
  private async apply(
    institution: Institution,
    input: InstitutionUpdate,
    creating: boolean,
    em: EntityManager,
  ): Promise<void> {
    const need = (key: keyof InstitutionInput): boolean => creating || input[key] !== undefined;
    if (need('names')) institution.names = cleanNames(input.names);
    if (need('kind')) {
      if (!(INSTITUTION_KINDS as readonly string[]).includes(input.kind as string))
        throw new DirectoryFieldError('kind', `must be one of ${INSTITUTION_KINDS.join(', ')}`);
      institution.kind = input.kind as InstitutionKind;
    }
    if (creating || input.sector !== undefined) {
      const sector = input.sector ?? null;
      if (sector !== null && !(STAKEHOLDER_SECTORS as readonly string[]).includes(sector))
        throw new DirectoryFieldError('sector', `must be one of ${STAKEHOLDER_SECTORS.join(', ')}`);
      institution.sector = sector;
    }
    if (need('country')) {
      if (typeof input.country !== 'string' || !isCountryCode(input.country))
        throw new DirectoryFieldError('country', CODE_MESSAGES.country);
      institution.country = input.country;
    }
    if (creating || input.regionId !== undefined) institution.regionId = input.regionId ?? null;
    if (institution.regionId && (creating || input.regionId !== undefined || input.country !== undefined)) {
      const region = await em.findOne(Region, {
        select: { id: true, country: true },
        where: { id: institution.regionId },
      });
      if (!region) throw new DirectoryFieldError('regionId', 'is not a known region');
      if (region.country.trim() !== institution.country.trim())
        throw new DirectoryFieldError(
          'regionId',
          `is a region of ${region.country.trim()}, not of the institution's country`,
        );
    }
    if (creating || input.website !== undefined) {
      const website = cleanLine(input.website ?? null);
      if (
        website !== null &&
        !(
          website.length <= DIRECTORY_LIMITS.website &&
          isURL(website, {
            protocols: ['http', 'https'],
            require_protocol: true,
            require_valid_protocol: true,
          })
        )
      )
        throw new DirectoryFieldError('website', 'must be an http or https address');
      institution.website = website;
    }
    if (creating || input.established !== undefined) {
      const year = input.established ?? null;
      if (year !== null && !(Number.isInteger(year) && year >= 1000 && year <= currentYear()))
        throw new DirectoryFieldError('established', `must be a year from 1000 to ${currentYear()}`);
      institution.established = year;
    }
    if (creating || input.identifiers !== undefined) {
      const ids = input.identifiers ?? {};
      const pick = (field: 'ror' | 'orgId' | 'wikidata'): string | null =>
        ids[field] === undefined ? (creating ? null : institution[field]) : (cleanLine(ids[field]) ?? null);
      const ror = pick('ror')?.toLowerCase() ?? null;
      if (ror !== null && !isRor(ror)) throw new DirectoryFieldError('identifiers.ror', CODE_MESSAGES.ror);
      const orgId = pick('orgId');
      if (orgId !== null && !isOrgId(orgId))
        throw new DirectoryFieldError('identifiers.orgId', CODE_MESSAGES.orgId);
      const wikidata = pick('wikidata')?.toUpperCase() ?? null;
      if (wikidata !== null && !isWikidata(wikidata))
        throw new DirectoryFieldError('identifiers.wikidata', CODE_MESSAGES.wikidata);
      Object.assign(institution, { ror, orgId, wikidata });
    }
    if (input.public !== undefined) institution.public = input.public;
    refreshNames(institution);
  }

  private async save(institution: Institution, em: EntityManager): Promise<Institution> {
    try {
      return await em.save(institution);
    } catch (e) {
      if (isPgError(e, PG.uniqueViolation, 'institutions_ror_key')) throw new IdentifierTakenError('ror');
      if (isPgError(e, PG.uniqueViolation, 'institutions_org_id_key'))
        throw new IdentifierTakenError('orgId');
      if (isPgError(e, PG.uniqueViolation, 'institutions_wikidata_key'))
        throw new IdentifierTakenError('wikidata');
      if (isPgError(e, PG.foreignKeyViolation, 'institutions_region_id_fkey'))
        throw new DirectoryFieldError('regionId', 'is not a known region');
      throw e;
    }
  }
}

/** The primary name, acronym and search text follow the names. */
export function refreshNames(institution: Institution): void {
  const names = institution.names;
  institution.primaryName = names.find((n) => n.type === 'official')?.value ?? names[0]?.value ?? '';
  institution.acronym = names.find((n) => n.type === 'acronym')?.value ?? null;
  institution.searchText = searchTextOf(names.map((n) => n.value));
}

/**
 * Names tidied, each (value, language, type) once, at least one official, at most
 * DIRECTORY_LIMITS.names; 400 naming `names` (or the entry) otherwise.
 */
export function cleanNames(input: InstitutionName[] | undefined | null, path = 'names'): InstitutionName[] {
  if (!Array.isArray(input) || input.length === 0)
    throw new DirectoryFieldError(path, 'needs at least one official name');
  if (input.length > DIRECTORY_LIMITS.names)
    throw new DirectoryFieldError(path, `must hold at most ${DIRECTORY_LIMITS.names} names`);
  const seen = new Set<string>();
  const names: InstitutionName[] = [];
  input.forEach((raw, index) => {
    const value = cleanLine(raw?.value);
    if (!value || value.length > DIRECTORY_LIMITS.name)
      throw new DirectoryFieldError(
        `${path}.${index}.value`,
        `must be 1 to ${DIRECTORY_LIMITS.name} characters`,
      );
    const lang = raw.lang ?? null;
    if (lang !== null && !(typeof lang === 'string' && isLanguageCode(lang)))
      throw new DirectoryFieldError(`${path}.${index}.lang`, CODE_MESSAGES.language);
    if (!(INSTITUTION_NAME_TYPES as readonly string[]).includes(raw.type))
      throw new DirectoryFieldError(
        `${path}.${index}.type`,
        `must be one of ${INSTITUTION_NAME_TYPES.join(', ')}`,
      );
    const key = `${searchKey(value)}|${lang ?? ''}|${raw.type}`;
    if (seen.has(key)) return;
    seen.add(key);
    names.push({ value, lang, type: raw.type });
  });
  if (!names.some((n) => n.type === 'official'))
    throw new DirectoryFieldError(path, 'needs at least one official name');
  return names;
}
