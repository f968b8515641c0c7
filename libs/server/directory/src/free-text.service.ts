import { BadRequestException, HttpException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import {
  FREE_TEXT_ACTIONS,
  FREE_TEXT_FIELDS,
  PAGE_LIMIT_DEFAULT,
  type FreeTextField,
  type FreeTextMatchReport,
  type FreeTextQuery,
  type FreeTextStatus,
  type FreeTextValueView,
  type InstitutionRef,
  type Locale,
  type Page,
  type RegionRef,
  type ResolveFreeTextRequest,
} from '@aula/contracts';
import { searchKey } from '@aula/server/core';
import { decodeCursor, keysetPage } from '@aula/server/database';
import { IdentityReader } from '@aula/server/identity';
import { DirectoryFieldError } from './directory.errors';
import { DirectoryReader } from './directory.reader';
import { toInstitutionRef, toRegionRef } from './directory.views';
import { DirectoryAudit } from './directory-audit.entity';
import { FreeTextValue } from './free-text-value.entity';
import { Institution } from './institution.entity';
import { InstitutionService } from './institution.service';
import { MembershipService } from './membership.service';
import { NetworkProfileService } from './network-profile.service';
import { Region } from './region.entity';
import { RegionService } from './region.service';

/** The longest text kept (the column's width). */
const VALUE_MAX = 200;
/** Candidates offered per group in the administrator's list. */
const CANDIDATES = 5;
/** People whose country is read to tell which country a group's candidates should come from first. */
const COUNTRY_SAMPLE = 50;
/** Open values read per round of `matchAll`. */
const MATCH_BATCH = 500;

/** Text as typed, in canonical form with its spacing tidied; null when nothing is left. */
export function typedText(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const tidy = value.normalize('NFC').replace(/\s+/g, ' ').trim().slice(0, VALUE_MAX);
  return tidy || null;
}

/** The key spellings are grouped by: accents, case and spacing folded ("Gobernación" and "GOBERNACION" meet). */
export function freeTextKey(value: string): string {
  return searchKey(value).slice(0, VALUE_MAX);
}

export class FreeTextNotFoundError extends NotFoundException {
  constructor() {
    super('No value waiting for a home has this field and key.');
  }
}

/** One row to match, with the country of the person who typed it. */
interface OpenValue {
  id: string;
  userId: string;
  field: FreeTextField;
  key: string;
}

/** A group of the administrator's list as read from the database. */
interface GroupRow {
  field: FreeTextField;
  key: string;
  status: FreeTextStatus;
  people: number;
  anchor: string;
  sample: string[];
}

/** A record the text turned out to mean. */
type Home = { field: 'organisation'; institution: Institution } | { field: 'region'; region: Region };

/**
 * What people typed as their organisation or region before the directory existed (and what older
 * clients and CSV files still send), kept as typed until it has a home. A value whose folded text
 * equals the name or acronym of exactly one active institution (of the person's country, when
 * they gave one), or the name of exactly one region, is matched at once: the person becomes a
 * member of that institution, or that region becomes theirs. The rest wait for an administrator
 * to pick a record, create one, or ignore the value. The text itself is never removed by any of
 * this: it stays in free_text_values whatever becomes of it.
 */
@Injectable()
export class FreeTextService {
  constructor(
    @InjectRepository(FreeTextValue) private readonly values: Repository<FreeTextValue>,
    private readonly reader: DirectoryReader,
    private readonly people: IdentityReader,
    private readonly institutions: InstitutionService,
    private readonly regions: RegionService,
    private readonly memberships: MembershipService,
    private readonly profiles: NetworkProfileService,
  ) {}

  // ---- recording what people type ----

  /**
   * Keeps what the person typed as their organisation or region (one value per field: a new
   * spelling of the same text changes nothing, other text replaces a value waiting for a home)
   * and matches it at once when it can. Empty text withdraws a value that has no home yet; one
   * that found a home stays as the record of where it came from. Resolves the value's status
   * (null when there is none).
   */
  async record(
    userId: string,
    field: FreeTextField,
    typed: string | null | undefined,
    manager?: EntityManager,
  ): Promise<FreeTextStatus | null> {
    const work = async (em: EntityManager): Promise<FreeTextStatus | null> => {
      const value = typedText(typed);
      const key = value ? freeTextKey(value) : '';
      if (!value || !key) {
        await em.query(
          `DELETE FROM free_text_values WHERE user_id = $1 AND field = $2 AND status IN ('open', 'ignored')`,
          [userId, field],
        );
        const [kept] = (await em.query(
          `SELECT status FROM free_text_values WHERE user_id = $1 AND field = $2`,
          [userId, field],
        )) as { status: FreeTextStatus }[];
        return kept?.status ?? null;
      }
      // Different text starts over; the home an earlier value found (a membership, a region) stays.
      const [row] = (await em.query(
        `INSERT INTO free_text_values (user_id, field, value, key) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id, field) DO UPDATE
           SET value = EXCLUDED.value, key = EXCLUDED.key, status = 'open', institution_id = NULL,
               region_id = NULL, resolved_by = NULL, resolved_at = NULL, created_at = now()
           WHERE free_text_values.key <> EXCLUDED.key
         RETURNING id`,
        [userId, field, value, key],
      )) as { id: string }[];
      const [current] = (await em.query(
        `SELECT id, status FROM free_text_values WHERE user_id = $1 AND field = $2`,
        [userId, field],
      )) as { id: string; status: FreeTextStatus }[];
      if (!row && current.status !== 'open') return current.status;
      const matched = await this.matchValues([{ id: current.id, userId, field, key }], em);
      return matched > 0 ? 'matched' : 'open';
    };
    return manager ? work(manager) : this.values.manager.transaction(work);
  }

  // ---- matching ----

  /** Matches every value waiting for a home that now has an unambiguous one (administrators' "match now"). */
  async matchAll(): Promise<FreeTextMatchReport> {
    let matched = 0;
    const homes = new Map<string, Home | null>();
    for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
      const batch = (await this.values.query(
        `SELECT id, user_id AS "userId", field, key FROM free_text_values
          WHERE status = 'open' AND id > $1 ORDER BY id LIMIT $2`,
        [after, MATCH_BATCH],
      )) as OpenValue[];
      if (batch.length === 0) break;
      matched += await this.values.manager.transaction((em) => this.matchValues(batch, em, homes));
      after = batch[batch.length - 1].id;
    }
    const [{ open }] = (await this.values.query(
      `SELECT count(*)::int AS open FROM free_text_values WHERE status = 'open'`,
    )) as { open: number }[];
    return { matched, open };
  }

  /**
   * Matches the values waiting for a home that one of these institutions' names may now give
   * one: runs after an institution is created, imported, confirmed or renamed (see
   * FreeTextSubscriber), inside that change's transaction. Resolves how many were matched.
   */
  async matchInstitutions(ids: string[], manager?: EntityManager): Promise<number> {
    const em = manager ?? this.values.manager;
    if (ids.length === 0) return 0;
    const rows = await em.find(Institution, {
      select: { id: true, names: true, status: true },
      where: { id: In(ids) },
    });
    const keys = rows
      .filter((i) => i.status === 'active')
      .flatMap((i) => i.names.map((n) => freeTextKey(n.value)));
    return this.matchKeys('organisation', keys, em);
  }

  /** As matchInstitutions, for regions (their names in every language, slug and subdivision code). */
  async matchRegions(ids: string[], manager?: EntityManager): Promise<number> {
    const em = manager ?? this.values.manager;
    if (ids.length === 0) return 0;
    const rows = await em.find(Region, { where: { id: In(ids) } });
    const keys = rows.flatMap((r) =>
      [...Object.values(r.name), r.slug, r.subdivision].filter((v): v is string => !!v).map(freeTextKey),
    );
    return this.matchKeys('region', keys, em);
  }

  private async matchKeys(field: FreeTextField, keys: string[], em: EntityManager): Promise<number> {
    const unique = [...new Set(keys.filter(Boolean))];
    if (unique.length === 0) return 0;
    const open = (await em.query(
      `SELECT id, user_id AS "userId", field, key FROM free_text_values
        WHERE field = $1 AND key = ANY($2::text[]) AND status = 'open'`,
      [field, unique],
    )) as OpenValue[];
    return this.matchValues(open, em);
  }

  /**
   * Gives each value the home its text names unambiguously, if any, looking once per text and
   * country (`homes` remembers across calls of one run). Resolves how many were matched.
   */
  private async matchValues(
    values: OpenValue[],
    em: EntityManager,
    homes = new Map<string, Home | null>(),
  ): Promise<number> {
    if (values.length === 0) return 0;
    const countries = await this.people.countries(
      values.map((v) => v.userId),
      em,
    );
    let matched = 0;
    for (const value of values) {
      const country = countries.get(value.userId) ?? null;
      const memo = `${value.field}|${country ?? ''}|${value.key}`;
      let home = homes.get(memo);
      if (home === undefined) {
        home = await this.findHome(value.field, value.key, country, em);
        homes.set(memo, home);
      }
      if (!home) continue;
      // Locked and checked again: an administrator may have resolved it meanwhile.
      const [still] = (await em.query(
        `SELECT id FROM free_text_values WHERE id = $1 AND status = 'open' FOR UPDATE`,
        [value.id],
      )) as { id: string }[];
      if (!still) continue;
      await this.giveHome(value.userId, home, em);
      await em.update(
        FreeTextValue,
        { id: value.id },
        home.field === 'organisation'
          ? { status: 'matched', institutionId: home.institution.id }
          : { status: 'matched', regionId: home.region.id },
      );
      matched++;
    }
    return matched;
  }

  private async findHome(
    field: FreeTextField,
    key: string,
    country: string | null,
    em: EntityManager,
  ): Promise<Home | null> {
    if (field === 'organisation') {
      const institution = await this.reader.findInstitutionByName(key, country, em);
      return institution ? { field, institution } : null;
    }
    const region = await this.reader.findRegionByName(key, country, em);
    return region ? { field, region } : null;
  }

  /** The person at the institution (a membership they may already have stays as it is), or in the region. */
  private async giveHome(userId: string, home: Home, em: EntityManager): Promise<void> {
    if (home.field === 'organisation')
      await this.memberships.add(userId, { institutionId: home.institution.id }, em);
    else await this.profiles.setRegion(userId, home.region.id, em);
  }

  // ---- the administrator's list ----

  /**
   * Values grouped by field, folded key and status, the largest groups first (`status` open
   * unless asked otherwise), with the spellings seen and the records whose names are closest:
   * the home of a matched or resolved group, or similar spellings (pg_trgm) for the others,
   * those of the group's most common country first.
   */
  async list(query: FreeTextQuery, locale: Locale | null): Promise<Page<FreeTextValueView>> {
    const limit = query.limit ?? PAGE_LIMIT_DEFAULT;
    const params: unknown[] = [query.field ?? null, query.status ?? 'open', COUNTRY_SAMPLE, limit + 1];
    let after = '';
    if (query.cursor) {
      const [people, field, key, status] = decodeCursor(query.cursor, 5);
      if (!/^\d+$/.test(people))
        throw new BadRequestException({
          message: 'The cursor is not valid.',
          errors: [{ path: 'cursor', message: 'is not a valid cursor' }],
        });
      params.push(Number(people), field, key, status);
      after = `WHERE g.people < $5 OR (g.people = $5 AND (g.field::text, g.key, g.status::text) > ($6, $7, $8))`;
    }
    const groups = (await this.values.query(
      `WITH g AS (
         SELECT field, key, status, count(*)::int AS people, min(id::text) AS anchor,
                (array_agg(user_id ORDER BY created_at))[1:$3] AS sample
           FROM free_text_values
          WHERE ($1::free_text_field IS NULL OR field = $1::free_text_field) AND status = $2::free_text_status
          GROUP BY field, key, status
       )
       SELECT * FROM g ${after}
        ORDER BY g.people DESC, g.field::text, g.key, g.status::text
        LIMIT $4`,
      params,
    )) as GroupRow[];
    const views = await this.views(groups.slice(0, limit), locale);
    return keysetPage(
      groups,
      limit,
      (g) => views.get(groupId(g)) as FreeTextValueView,
      (last) => [String(last.people), last.field, last.key, last.status, last.anchor],
    );
  }

  private async views(
    groups: GroupRow[],
    locale: Locale | null,
    em: EntityManager = this.values.manager,
  ): Promise<Map<string, FreeTextValueView>> {
    const result = new Map<string, FreeTextValueView>();
    if (groups.length === 0) return result;
    const triples = [groups.map((g) => g.field), groups.map((g) => g.key), groups.map((g) => g.status)];
    const spellings = (await em.query(
      `SELECT v.field, v.key, v.status, v.value, count(*)::int AS n
         FROM free_text_values v
         JOIN unnest($1::free_text_field[], $2::text[], $3::free_text_status[]) AS g(field, key, status)
           ON v.field = g.field AND v.key = g.key AND v.status = g.status
        GROUP BY v.field, v.key, v.status, v.value
        ORDER BY n DESC, v.value`,
      triples,
    )) as { field: FreeTextField; key: string; status: FreeTextStatus; value: string }[];
    const candidates = await this.candidates(groups, locale, em);
    for (const g of groups) {
      const id = groupId(g);
      result.set(id, {
        field: g.field,
        key: g.key,
        spellings: spellings.filter((s) => groupId(s) === id).map((s) => s.value),
        people: g.people,
        status: g.status,
        candidates: candidates.get(id) ?? [],
      });
    }
    return result;
  }

  private async candidates(
    groups: GroupRow[],
    locale: Locale | null,
    em: EntityManager,
  ): Promise<Map<string, (InstitutionRef | RegionRef)[]>> {
    const result = new Map<string, (InstitutionRef | RegionRef)[]>();
    const settled = groups.filter((g) => g.status === 'matched' || g.status === 'resolved');
    if (settled.length) {
      // A settled group's candidates are the homes its people were given.
      const homes = (await em.query(
        `SELECT DISTINCT v.field, v.key, v.status, v.institution_id AS "institutionId", v.region_id AS "regionId"
           FROM free_text_values v
           JOIN unnest($1::free_text_field[], $2::text[], $3::free_text_status[]) AS g(field, key, status)
             ON v.field = g.field AND v.key = g.key AND v.status = g.status`,
        [settled.map((g) => g.field), settled.map((g) => g.key), settled.map((g) => g.status)],
      )) as {
        field: FreeTextField;
        key: string;
        status: FreeTextStatus;
        institutionId: string | null;
        regionId: string | null;
      }[];
      const institutions = await this.reader.institutionRefs(
        homes.flatMap((h) => (h.institutionId ? [h.institutionId] : [])),
        locale,
        em,
      );
      const regions = await this.reader.regionRefs(
        homes.flatMap((h) => (h.regionId ? [h.regionId] : [])),
        locale,
        em,
      );
      for (const h of homes) {
        const ref = h.institutionId
          ? institutions.get(h.institutionId)
          : h.regionId
            ? regions.get(h.regionId)
            : undefined;
        if (!ref) continue;
        const list = result.get(groupId(h)) ?? [];
        list.push(ref);
        result.set(groupId(h), list);
      }
    }
    const waiting = groups.filter((g) => g.status === 'open' || g.status === 'ignored');
    if (waiting.length === 0) return result;
    const countries = await this.people.countries(
      waiting.flatMap((g) => g.sample),
      em,
    );
    const countryOf = (g: GroupRow): string | null => {
      const tally = new Map<string, number>();
      for (const id of g.sample) {
        const c = countries.get(id);
        if (c) tally.set(c, (tally.get(c) ?? 0) + 1);
      }
      return [...tally.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
    };
    for (const field of FREE_TEXT_FIELDS) {
      const of = waiting.filter((g) => g.field === field);
      if (of.length === 0) continue;
      const params = [of.map((g) => g.key), of.map(countryOf), CANDIDATES];
      // The trigram index serves `%` (similar as a whole) and `<%` (similar to a part, e.g. one of the names).
      if (field === 'organisation') {
        const rows = (await em.query(
          `SELECT k.key, c.id, c.names, c.primary_name AS "primaryName", c.acronym, c.country, c.status
             FROM unnest($1::text[], $2::text[]) AS k(key, country)
             CROSS JOIN LATERAL (
               SELECT i.* FROM institutions i
                WHERE i.status <> 'archived' AND (i.search_text % k.key OR k.key <% i.search_text)
                ORDER BY greatest(similarity(i.search_text, k.key), word_similarity(k.key, i.search_text))
                           + CASE WHEN i.country = k.country THEN 0.1 ELSE 0 END DESC,
                         i.primary_name, i.id
                LIMIT $3
             ) c`,
          params,
        )) as (Pick<Institution, 'id' | 'names' | 'primaryName' | 'acronym' | 'country' | 'status'> & {
          key: string;
        })[];
        for (const g of of)
          result.set(
            groupId(g),
            rows.filter((r) => r.key === g.key).map((r) => toInstitutionRef(r, locale)),
          );
      } else {
        const rows = (await em.query(
          `SELECT k.key, c.id, c.slug, c.name
             FROM unnest($1::text[], $2::text[]) AS k(key, country)
             CROSS JOIN LATERAL (
               SELECT r.* FROM regions r
                WHERE r.search_text % k.key OR k.key <% r.search_text OR r.slug = k.key
                ORDER BY greatest(similarity(r.search_text, k.key), word_similarity(k.key, r.search_text))
                           + CASE WHEN r.country = k.country THEN 0.1 ELSE 0 END DESC,
                         r.slug, r.id
                LIMIT $3
             ) c`,
          params,
        )) as (Pick<Region, 'id' | 'slug' | 'name'> & { key: string })[];
        for (const g of of)
          result.set(
            groupId(g),
            rows.filter((r) => r.key === g.key).map((r) => toRegionRef(r, locale)),
          );
      }
    }
    return result;
  }

  // ---- resolving ----

  /**
   * An administrator gives a group its home, for every person in it whose value has none yet
   * (open, or ignored before): `pick` an existing record, `create` one from the request and pick
   * it, or `ignore` the text. One transaction, with an audit row; the text stays as typed.
   */
  async resolve(
    request: ResolveFreeTextRequest,
    actorId: string | null,
    locale: Locale | null,
  ): Promise<FreeTextValueView> {
    const { field, action } = request;
    if (!(FREE_TEXT_FIELDS as readonly string[]).includes(field))
      throw new DirectoryFieldError('field', `must be one of ${FREE_TEXT_FIELDS.join(', ')}`);
    if (!(FREE_TEXT_ACTIONS as readonly string[]).includes(action))
      throw new DirectoryFieldError('action', `must be one of ${FREE_TEXT_ACTIONS.join(', ')}`);
    const key = typeof request.key === 'string' ? request.key : '';
    return this.values.manager.transaction(async (em) => {
      const rows = (await em.query(
        `SELECT id, user_id AS "userId", value FROM free_text_values
          WHERE field = $1 AND key = $2 AND status IN ('open', 'ignored') ORDER BY id FOR UPDATE`,
        [field, key],
      )) as { id: string; userId: string; value: string }[];
      if (rows.length === 0) throw new FreeTextNotFoundError();
      const ids = rows.map((r) => r.id);
      const spellings = [...new Set(rows.map((r) => r.value))];
      const resolvedAt = new Date();
      let home: Home | null = null;
      let created = false;
      if (action === 'pick') home = await this.pickedHome(field, request.targetId, em);
      if (action === 'create') {
        home = await this.createdHome(request, actorId, em);
        created = true;
      }
      if (home) {
        for (const row of rows) await this.giveHome(row.userId, home, em);
        await em.update(
          FreeTextValue,
          { id: In(ids) },
          {
            status: 'resolved',
            institutionId: home.field === 'organisation' ? home.institution.id : null,
            regionId: home.field === 'region' ? home.region.id : null,
            resolvedBy: actorId,
            resolvedAt,
          },
        );
      } else {
        await em.update(
          FreeTextValue,
          { id: In(ids) },
          { status: 'ignored', resolvedBy: actorId, resolvedAt },
        );
      }
      const targetId = home ? (home.field === 'organisation' ? home.institution.id : home.region.id) : null;
      await em.save(
        em.create(DirectoryAudit, {
          action: 'resolve-free-text',
          actorId,
          subjectId: targetId,
          details: { field, key, action, created, spellings, people: rows.length, valueIds: ids },
        }),
      );
      const candidate: InstitutionRef | RegionRef | null = home
        ? home.field === 'organisation'
          ? toInstitutionRef(home.institution, locale)
          : toRegionRef(home.region, locale)
        : null;
      return {
        field,
        key,
        spellings,
        people: rows.length,
        status: home ? 'resolved' : 'ignored',
        candidates: candidate ? [candidate] : [],
      };
    });
  }

  private async pickedHome(
    field: FreeTextField,
    targetId: string | undefined,
    em: EntityManager,
  ): Promise<Home> {
    if (!targetId)
      throw new DirectoryFieldError(
        'targetId',
        `is needed to pick ${field === 'organisation' ? 'an institution' : 'a region'}`,
      );
    if (field === 'organisation') {
      const institution = await this.reader.findInstitution(targetId, em);
      if (!institution || institution.status === 'archived')
        throw new DirectoryFieldError(
          'targetId',
          institution ? 'is an archived institution' : 'is not a known institution',
        );
      return { field, institution };
    }
    const region = await this.reader.findRegion(targetId, em);
    if (!region) throw new DirectoryFieldError('targetId', 'is not a known region');
    return { field, region };
  }

  /** The record the request describes, created in the resolution's transaction; its field errors are named under `institution.` or `region.`. */
  private async createdHome(
    request: ResolveFreeTextRequest,
    actorId: string | null,
    em: EntityManager,
  ): Promise<Home> {
    const field = request.field;
    const part = field === 'organisation' ? 'institution' : 'region';
    const input = field === 'organisation' ? request.institution : request.region;
    if (!input || typeof input !== 'object')
      throw new DirectoryFieldError(
        part,
        `is needed to create ${field === 'organisation' ? 'an institution' : 'a region'}`,
      );
    try {
      if (field === 'organisation') {
        const view = await this.institutions.create(
          request.institution as NonNullable<ResolveFreeTextRequest['institution']>,
          actorId,
          em,
        );
        return { field, institution: (await this.reader.findInstitution(view.id, em)) as Institution };
      }
      const view = await this.regions.create(
        request.region as NonNullable<ResolveFreeTextRequest['region']>,
        em,
      );
      return { field, region: (await this.reader.findRegion(view.id, em)) as Region };
    } catch (e) {
      throw prefixed(e, part);
    }
  }
}

const groupId = (g: { field: string; key: string; status: string }): string =>
  `${g.field}\u0000${g.status}\u0000${g.key}`;

/** The same refusal with its field paths under `part` (`names.0.value` → `institution.names.0.value`). */
function prefixed(error: unknown, part: string): unknown {
  if (!(error instanceof HttpException)) return error;
  const body = error.getResponse();
  if (typeof body !== 'object' || body === null) return error;
  const errors = (body as { errors?: { path: string; message: string }[] }).errors;
  if (!Array.isArray(errors)) return error;
  return new HttpException(
    { ...body, errors: errors.map((e) => ({ ...e, path: `${part}.${e.path}` })) },
    error.getStatus(),
  );
}
