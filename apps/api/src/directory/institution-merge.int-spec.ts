import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, type EntityManager } from 'typeorm';
import {
  directoryApi,
  routeUrl,
  type InstitutionView,
  type MembershipView,
  type MergeReport,
} from '@aula/contracts';
import { DirectoryHooks } from '@aula/server/directory';
import { startTestApp, type TestApp } from '../testing/test-app';
import { caller, createInstitution, fieldsOf, signInAdmin, uniqueWord } from './testing/directory-fixtures';

/** A domain's references to institutions as the hook sees them: which record points where. */
class FakeDomainReferences {
  readonly pointsAt = new Map<string, string>();
  /** Whether each call ran inside a transaction (the merge's own). */
  readonly inTransaction: boolean[] = [];
  failNextMove = false;

  hook(name: string) {
    return {
      name,
      count: async (ids: string[]) => [...this.pointsAt.values()].filter((id) => ids.includes(id)).length,
      move: async (from: string[], to: string, em: EntityManager) => {
        this.inTransaction.push(!!em.queryRunner?.isTransactionActive);
        if (this.failNextMove) {
          this.failNextMove = false;
          throw new Error('the workshops domain could not move its references');
        }
        let moved = 0;
        for (const [record, id] of this.pointsAt)
          if (from.includes(id)) {
            this.pointsAt.set(record, to);
            moved++;
          }
        return moved;
      },
    };
  }
}

describe('merging duplicate institutions', () => {
  let t: TestApp;
  let dataDir: string;
  let admin: ReturnType<typeof caller>;
  let db: DataSource;
  const workshops = new FakeDomainReferences();
  const hookName = `workshops${uniqueWord()}`;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'aula-directory-merge-'));
    t = await startTestApp({ DATA_DIR: dataDir });
    admin = caller(t, await signInAdmin(t));
    db = t.app.get(DataSource);
    t.app.get(DirectoryHooks).register(workshops.hook(hookName));
  });
  afterAll(async () => {
    t.app.get(DirectoryHooks).unregister(hookName);
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const merge = (survivorId: string, duplicateIds: string[]) =>
    admin('POST', routeUrl(directoryApi.mergeInstitutions, { id: survivorId }), { duplicateIds });

  async function member(
    institutionId: string,
    position?: string,
  ): Promise<{ token: string; userId: string; membership: MembershipView }> {
    const person = await t.register();
    const res = await caller(t, person.session.accessToken)('POST', routeUrl(directoryApi.addMyMembership), {
      institutionId,
      position,
    });
    expect(res.statusCode).toBe(201);
    return { token: person.session.accessToken, userId: person.session.user.id, membership: res.json() };
  }

  it('refuses to merge an institution into itself or into a descendant of a duplicate (400 naming duplicateIds)', async () => {
    const ministry = await createInstitution(admin, `Ministerio ${uniqueWord()}`);
    const office = await createInstitution(admin, `Oficina ${uniqueWord()}`, {
      relationships: [{ type: 'parent', institutionId: ministry.id }],
    });
    const desk = await createInstitution(admin, `Mesa ${uniqueWord()}`, {
      relationships: [{ type: 'parent', institutionId: office.id }],
    });

    const self = await merge(ministry.id, [ministry.id]);
    expect(self.statusCode).toBe(400);
    expect(fieldsOf(self)).toEqual(['duplicateIds']);
    const intoGrandchild = await merge(desk.id, [ministry.id]);
    expect(intoGrandchild.statusCode).toBe(400);
    expect(fieldsOf(intoGrandchild)).toEqual(['duplicateIds.0']);
    const unknown = await merge(ministry.id, ['5b1e3a52-8f0c-4d59-9b6e-0c8a2f1d7e44']);
    expect(fieldsOf(unknown)).toEqual(['duplicateIds.0']);
    expect(fieldsOf(await merge(ministry.id, []))).toEqual(['duplicateIds']);
    // Nothing happened: all three are still there.
    for (const i of [ministry, office, desk])
      expect((await admin('GET', routeUrl(directoryApi.adminInstitution, { id: i.id }))).statusCode).toBe(
        200,
      );
  });

  it('moves every reference to the survivor in one transaction, keeps the names as aliases and audits it', async () => {
    const word = uniqueWord('m');
    const survivor = await createInstitution(admin, `Gobernación de Antioquia ${word}`, {
      names: [
        { value: `Gobernación de Antioquia ${word}`, lang: 'es', type: 'official' },
        { value: `GOBANT${word}`, lang: null, type: 'acronym' },
      ],
    });
    const duplicate = await createInstitution(admin, `Gobernacion Antioquia ${word}`, {
      website: 'https://antioquia.example.gov.co',
      names: [
        { value: `Gobernacion Antioquia ${word}`, lang: 'es', type: 'official' },
        { value: `Government of Antioquia ${word}`, lang: 'en', type: 'official' },
      ],
    });
    const other = await createInstitution(admin, `gobernación de antioquia ${word}`);
    const parent = await createInstitution(admin, `Nación ${word}`);
    const partner = await createInstitution(admin, `Socio ${word}`, {
      relationships: [{ type: 'related', institutionId: duplicate.id }],
    });
    await admin('PATCH', routeUrl(directoryApi.updateInstitution, { id: duplicate.id }), {
      relationships: [
        { type: 'parent', institutionId: parent.id },
        { type: 'related', institutionId: partner.id },
        { type: 'related', institutionId: survivor.id },
      ],
    });

    const atSurvivor = await member(survivor.id, 'Secretaria');
    const atDuplicate = await member(duplicate.id, 'Analista');
    const atBoth = await member(survivor.id, 'Directora');
    await caller(t, atBoth.token)('POST', routeUrl(directoryApi.addMyMembership), {
      institutionId: duplicate.id,
    });
    await caller(t, atBoth.token)('POST', routeUrl(directoryApi.addMyMembership), {
      institutionId: other.id,
    });
    const profile = await caller(t, atDuplicate.token)('PUT', routeUrl(directoryApi.saveMyProfile), {
      published: true,
      institutionId: duplicate.id,
    });
    expect(profile.statusCode).toBe(200);
    await db.query(
      `INSERT INTO free_text_values (user_id, field, value, key, status, institution_id) VALUES ($1, 'organisation', $2, $3, 'resolved', $4)`,
      [atDuplicate.userId, `Gobernacion Antioquia ${word}`, `gobernacion antioquia ${word}`, other.id],
    );
    workshops.pointsAt.set(`workshop-${word}`, duplicate.id);
    workshops.pointsAt.set(`workshop-${word}-2`, other.id);

    const res = await merge(survivor.id, [duplicate.id, other.id]);
    expect(res.statusCode).toBe(200);
    const report = res.json() as MergeReport;
    expect(report.merged).toEqual([duplicate.id, other.id]);
    expect(report.moved).toEqual({
      memberships: 1,
      droppedMemberships: 2,
      networkProfiles: 1,
      freeTextValues: 1,
      relationships: 2,
      [hookName]: 2,
      // the workshops domain's own hook (host institutions), with nothing to move here
      workshops: 0,
    });
    expect(workshops.inTransaction.at(-1)).toBe(true);

    // The survivor: its own names first, the duplicates' as aliases, empty fields filled in, relationships re-pointed.
    const view = report.survivor;
    expect(view.names.map((n) => [n.value, n.type])).toEqual([
      [`Gobernación de Antioquia ${word}`, 'official'],
      [`GOBANT${word}`, 'acronym'],
      [`Gobernacion Antioquia ${word}`, 'alias'],
      [`Government of Antioquia ${word}`, 'alias'],
    ]);
    expect(view.website).toBe('https://antioquia.example.gov.co');
    expect(view.relationships.map((r) => [r.type, r.institution.id])).toEqual([
      ['parent', parent.id],
      ['related', partner.id],
    ]);
    expect(view.memberCount).toBe(3);

    // Every person is at the survivor once; the profile and the free-text value point at it.
    const memberships = (await db.query(
      `SELECT user_id AS "userId", institution_id AS "institutionId", position FROM memberships WHERE user_id = ANY($1::uuid[])`,
      [[atSurvivor.userId, atDuplicate.userId, atBoth.userId]],
    )) as { userId: string; institutionId: string; position: string | null }[];
    expect(memberships).toHaveLength(3);
    expect(new Set(memberships.map((m) => m.institutionId))).toEqual(new Set([survivor.id]));
    expect(memberships.find((m) => m.userId === atBoth.userId)?.position).toBe('Directora');
    expect(
      (await caller(t, atDuplicate.token)('GET', routeUrl(directoryApi.myProfile))).json().institutionId,
    ).toBe(survivor.id);
    const [value] = (await db.query(`SELECT institution_id AS id FROM free_text_values WHERE user_id = $1`, [
      atDuplicate.userId,
    ])) as { id: string }[];
    expect(value.id).toBe(survivor.id);
    expect(workshops.pointsAt.get(`workshop-${word}`)).toBe(survivor.id);

    // The duplicates are gone; their old ids open the survivor; one audit row says what happened.
    const old = await caller(t, null)('GET', routeUrl(directoryApi.institution, { id: duplicate.id }));
    expect(old.statusCode).toBe(200);
    expect((old.json() as { institution: InstitutionView }).institution.id).toBe(survivor.id);
    const audit = (await db.query(
      `SELECT actor_id AS "actorId", details FROM directory_audit WHERE action = 'merge' AND subject_id = $1`,
      [survivor.id],
    )) as {
      actorId: string | null;
      details: { merged: string[]; names: Record<string, unknown>; moved: Record<string, number> };
    }[];
    expect(audit).toHaveLength(1);
    expect(audit[0].actorId).not.toBeNull();
    expect(audit[0].details.merged).toEqual([duplicate.id, other.id]);
    expect(Object.keys(audit[0].details.names).sort()).toEqual([duplicate.id, other.id].sort());
    expect(audit[0].details.moved).toEqual(report.moved);
  });

  it('moves nothing at all when one part of the merge fails', async () => {
    const survivor = await createInstitution(admin, `Alcaldía ${uniqueWord()}`);
    const duplicate = await createInstitution(admin, `Alcaldia ${uniqueWord()}`);
    const person = await member(duplicate.id);
    workshops.failNextMove = true;
    const res = await merge(survivor.id, [duplicate.id]);
    expect(res.statusCode).toBe(500);
    expect(
      (await admin('GET', routeUrl(directoryApi.adminInstitution, { id: duplicate.id }))).statusCode,
    ).toBe(200);
    const [row] = (await db.query(`SELECT institution_id AS id FROM memberships WHERE user_id = $1`, [
      person.userId,
    ])) as { id: string }[];
    expect(row.id).toBe(duplicate.id);
    expect(
      await db.query(`SELECT 1 FROM directory_audit WHERE action = 'merge' AND subject_id = $1`, [
        survivor.id,
      ]),
    ).toHaveLength(0);
  });

  it('counts the references of each registered hook when a delete is refused', async () => {
    const host = await createInstitution(admin, `Anfitriona ${uniqueWord()}`);
    workshops.pointsAt.set(`workshop-host-${host.id}`, host.id);
    const res = await admin('DELETE', routeUrl(directoryApi.deleteInstitution, { id: host.id }));
    expect(res.statusCode).toBe(409);
    expect(res.json().references).toEqual({ [hookName]: 1 });
    workshops.pointsAt.delete(`workshop-host-${host.id}`);
    expect(
      (await admin('DELETE', routeUrl(directoryApi.deleteInstitution, { id: host.id }))).statusCode,
    ).toBe(204);
  });
});
