import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { DIRECTORY_LIMITS, type InstitutionName, type MergeReport } from '@aula/contracts';
import { searchKey } from '@aula/server/core';
import { DirectoryHooks } from './directory-hooks';
import { DirectoryFieldError, DirectoryNotFoundError } from './directory.errors';
import { DirectoryAudit } from './directory-audit.entity';
import { Institution } from './institution.entity';
import { InstitutionService, refreshNames } from './institution.service';

/** Ancestors of $1 through parent links (UNION ends the walk should a cycle exist). */
const ANCESTORS_SQL = `
WITH RECURSIVE up(node) AS (
  SELECT related_id FROM institution_relationships WHERE institution_id = $1 AND type = 'parent'
  UNION
  SELECT r.related_id FROM institution_relationships r JOIN up ON r.institution_id = up.node WHERE r.type = 'parent'
)
SELECT node AS id FROM up`;

/** Fields a survivor takes from a duplicate when it has none of its own. */
const FILLED = ['sector', 'regionId', 'website', 'established', 'ror', 'orgId', 'wikidata'] as const;

/**
 * Folding duplicate institutions into one (the survivor): every reference moves to it in one
 * transaction — memberships, network profiles, free-text values, relationships, and each other
 * domain's references through its registered hook — the duplicates' names stay on as aliases,
 * the duplicates are deleted, and an audit row records what happened.
 */
@Injectable()
export class InstitutionMergeService {
  constructor(
    @InjectRepository(Institution) private readonly institutions: Repository<Institution>,
    private readonly service: InstitutionService,
    private readonly hooks: DirectoryHooks,
  ) {}

  /**
   * 400 naming `duplicateIds` for an empty or too long list, the survivor itself, an unknown
   * institution, or a duplicate the survivor descends from (the survivor would become its own
   * ancestor); 404 for an unknown survivor.
   */
  async merge(survivorId: string, duplicateIds: string[], actorId: string | null): Promise<MergeReport> {
    const duplicates = [...new Set(duplicateIds)];
    if (duplicates.length === 0)
      throw new DirectoryFieldError('duplicateIds', 'must name at least one institution');
    if (duplicates.length > DIRECTORY_LIMITS.mergeAtOnce)
      throw new DirectoryFieldError(
        'duplicateIds',
        `must name at most ${DIRECTORY_LIMITS.mergeAtOnce} institutions`,
      );
    if (duplicates.includes(survivorId))
      throw new DirectoryFieldError(
        'duplicateIds',
        'must not include the institution merged into',
        'An institution cannot be merged into itself.',
      );

    return this.institutions.manager.transaction(async (em) => {
      // Relationship changes are serialised (see InstitutionService.replaceRelationships); rows locked in id order.
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('aula:directory-relationships'))`);
      const locked = (await em.query(
        `SELECT id FROM institutions WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
        [[survivorId, ...duplicates]],
      )) as { id: string }[];
      const found = new Set(locked.map((r) => r.id));
      if (!found.has(survivorId)) throw new DirectoryNotFoundError('institution');
      const unknown = duplicates.findIndex((id) => !found.has(id));
      if (unknown >= 0)
        throw new DirectoryFieldError(`duplicateIds.${unknown}`, 'is not a known institution');
      const ancestors = new Set(
        ((await em.query(ANCESTORS_SQL, [survivorId])) as { id: string }[]).map((r) => r.id),
      );
      const ancestor = duplicates.findIndex((id) => ancestors.has(id));
      if (ancestor >= 0)
        throw new DirectoryFieldError(
          `duplicateIds.${ancestor}`,
          'is an ancestor of the institution merged into',
          'An institution cannot be merged into one of its own descendants.',
        );

      const survivor = await em.findOneOrFail(Institution, { where: { id: survivorId } });
      const merged = await em.find(Institution, {
        where: { id: In(duplicates) },
        order: { createdAt: 'ASC', id: 'ASC' },
      });
      const moved = await this.moveReferences(duplicates, survivorId, em);
      await this.service.assertAcyclic([survivorId], em, 'duplicateIds');

      // The duplicates go first: their identifiers are unique and may pass to the survivor.
      await em.delete(Institution, { id: In(duplicates) });
      this.absorb(survivor, merged);
      await em.save(survivor);

      await em.save(
        em.create(DirectoryAudit, {
          action: 'merge',
          actorId,
          subjectId: survivorId,
          details: {
            merged: duplicates,
            names: Object.fromEntries(merged.map((m) => [m.id, m.names])),
            moved,
          },
        }),
      );
      return { survivor: await this.service.get(survivorId, 'admin', null, em), merged: duplicates, moved };
    });
  }

  /** Every reference to `from` now points at `to`; counts per kind. */
  private async moveReferences(
    from: string[],
    to: string,
    em: EntityManager,
  ): Promise<Record<string, number>> {
    const count = async (sql: string, params: unknown[]): Promise<number> => {
      const [, affected] = (await em.query(sql, params)) as [unknown, number];
      return affected ?? 0;
    };
    // A person already at the survivor (or at two duplicates) keeps one membership: the survivor's, else the oldest.
    const droppedMemberships = await count(
      `DELETE FROM memberships m USING (
         SELECT id, row_number() OVER (PARTITION BY user_id ORDER BY (institution_id = $2) DESC, created_at, id) AS n
           FROM memberships WHERE institution_id = ANY($1::uuid[]) OR institution_id = $2
       ) ranked
       WHERE m.id = ranked.id AND ranked.n > 1 AND m.institution_id = ANY($1::uuid[])`,
      [from, to],
    );
    const memberships = await count(
      `UPDATE memberships SET institution_id = $2 WHERE institution_id = ANY($1::uuid[])`,
      [from, to],
    );
    const networkProfiles = await count(
      `UPDATE network_profiles SET institution_id = $2, updated_at = now() WHERE institution_id = ANY($1::uuid[])`,
      [from, to],
    );
    const freeTextValues = await count(
      `UPDATE free_text_values SET institution_id = $2 WHERE institution_id = ANY($1::uuid[])`,
      [from, to],
    );

    // Relationships: each row touching a duplicate, re-pointed; links to itself and repeats dropped.
    const rows = (await em.query(
      `DELETE FROM institution_relationships WHERE institution_id = ANY($1::uuid[]) OR related_id = ANY($1::uuid[])
       RETURNING institution_id AS "institutionId", related_id AS "relatedId", type`,
      [from],
    )) as [{ institutionId: string; relatedId: string; type: string }[], number];
    const gone = new Set(from);
    const repointed = new Map<string, { a: string; b: string; type: string }>();
    for (const row of rows[0]) {
      let a = gone.has(row.institutionId) ? to : row.institutionId;
      let b = gone.has(row.relatedId) ? to : row.relatedId;
      if (a === b) continue;
      if (row.type === 'related' && b < a) [a, b] = [b, a];
      repointed.set(`${a}:${b}:${row.type}`, { a, b, type: row.type });
    }
    const list = [...repointed.values()];
    let relationships = 0;
    if (list.length) {
      const inserted = (await em.query(
        `INSERT INTO institution_relationships (institution_id, related_id, type)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::varchar[]) ON CONFLICT DO NOTHING RETURNING 1`,
        [list.map((r) => r.a), list.map((r) => r.b), list.map((r) => r.type)],
      )) as unknown[];
      relationships = inserted.length;
    }

    const moved: Record<string, number> = {
      memberships,
      droppedMemberships,
      networkProfiles,
      freeTextValues,
      relationships,
    };
    for (const hook of this.hooks.all()) moved[hook.name] = await hook.move(from, to, em);
    return moved;
  }

  /** The duplicates' names become aliases (each once, within the limit); empty fields are filled from them. */
  private absorb(survivor: Institution, merged: Institution[]): void {
    const names: InstitutionName[] = [...survivor.names];
    const known = new Set(names.map((n) => searchKey(n.value)));
    for (const duplicate of merged) {
      for (const name of duplicate.names) {
        const key = searchKey(name.value);
        if (known.has(key) || names.length >= DIRECTORY_LIMITS.names) continue;
        known.add(key);
        names.push({ value: name.value, lang: name.lang, type: 'alias' });
      }
      for (const field of FILLED) {
        // A region belongs to one country: only a duplicate of the survivor's country lends its own.
        if (field === 'regionId' && duplicate.country.trim() !== survivor.country.trim()) continue;
        if (survivor[field] === null && duplicate[field] !== null)
          (survivor as unknown as Record<string, unknown>)[field] = duplicate[field];
      }
    }
    survivor.names = names;
    refreshNames(survivor);
  }
}
