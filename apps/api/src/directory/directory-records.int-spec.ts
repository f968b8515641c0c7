import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  directoryApi,
  routeUrl,
  type DirectoryImportReport,
  type InstitutionRef,
  type InstitutionView,
  type Page,
} from '@aula/contracts';
import { startTestApp, type TestApp } from '../testing/test-app';
import {
  caller,
  createInstitution,
  createRegion,
  fieldsOf,
  randomRor,
  signInAdmin,
  uniqueWord,
} from './testing/directory-fixtures';

const UNKNOWN_ID = '5b1e3a52-8f0c-4d59-9b6e-0c8a2f1d7e44';

describe('directory records over HTTP: codes, relationships, status, delete, CSV, search', () => {
  let t: TestApp;
  let dataDir: string;
  let admin: ReturnType<typeof caller>;
  let visitor: ReturnType<typeof caller>;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'aula-directory-records-'));
    t = await startTestApp({ DATA_DIR: dataDir });
    admin = caller(t, await signInAdmin(t));
    visitor = caller(t, null);
  });
  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  describe('codes', () => {
    it.each([
      ['a country that does not exist', { country: 'XQ' }, 'country'],
      ['a lower-case country', { country: 'co' }, 'country'],
      ['a subdivision of another country', { subdivision: 'BR-SP' }, 'subdivision'],
      ['a subdivision that does not exist', { subdivision: 'CO-XXX' }, 'subdivision'],
    ])('refuses a region with %s, naming the field', async (_, change, field) => {
      const res = await admin('POST', routeUrl(directoryApi.createRegion), {
        slug: `region-${uniqueWord()}`,
        name: { es: 'Región' },
        country: 'CO',
        subdivision: 'CO-ANT',
        worldRegion: 'latin-america-caribbean',
        status: 'participating',
        ...change,
      });
      expect(res.statusCode).toBe(400);
      expect(fieldsOf(res)).toContain(field);
    });

    it('checks a changed country against the subdivision already stored', async () => {
      const region = await createRegion(admin);
      const res = await admin('PATCH', routeUrl(directoryApi.updateRegion, { id: region.id }), {
        country: 'BR',
      });
      expect(res.statusCode).toBe(400);
      expect(fieldsOf(res)).toEqual(['subdivision']);
      const moved = await admin('PATCH', routeUrl(directoryApi.updateRegion, { id: region.id }), {
        country: 'BR',
        subdivision: 'BR-MG',
      });
      expect(moved.statusCode).toBe(200);
      expect(moved.json()).toMatchObject({ country: 'BR', subdivision: 'BR-MG' });
    });

    it.each([
      ['a ROR id whose check digits do not match', { identifiers: { ror: '05dxps056' } }, 'identifiers.ror'],
      [
        'a ROR id of the wrong shape',
        { identifiers: { ror: 'https://ror.org/05dxps055' } },
        'identifiers.ror',
      ],
      ['an org-id of the wrong shape', { identifiers: { orgId: 'not an id' } }, 'identifiers.orgId'],
      ['a Wikidata item of the wrong shape', { identifiers: { wikidata: 'P31' } }, 'identifiers.wikidata'],
      ['a country that does not exist', { country: 'ZZ' }, 'country'],
      [
        'a name language that does not exist',
        { names: [{ value: 'Gobernación', lang: 'xx', type: 'official' }] },
        'names.0.lang',
      ],
      ['no official name', { names: [{ value: 'GOB', lang: null, type: 'acronym' }] }, 'names'],
    ])('refuses an institution with %s, naming the field', async (_, change, field) => {
      const res = await admin('POST', routeUrl(directoryApi.createInstitution), {
        names: [{ value: `Gobernación ${uniqueWord()}`, lang: 'es', type: 'official' }],
        kind: 'government',
        country: 'CO',
        ...change,
      });
      expect(res.statusCode).toBe(400);
      expect(fieldsOf(res)).toContain(field);
    });

    it('keeps valid identifiers, and refuses one that another institution already has (409 naming it)', async () => {
      const wikidata = `Q${Date.now() % 1e9}${Math.floor(Math.random() * 90 + 10)}`;
      const ror = randomRor();
      const orgId = `CO-NIT-${Date.now()}`;
      const first = await createInstitution(admin, `Universidad ${uniqueWord()}`, {
        kind: 'university',
        identifiers: { ror: ror.toUpperCase(), orgId, wikidata: wikidata.toLowerCase() },
      });
      expect(first.identifiers).toEqual({ ror, orgId, wikidata });
      const res = await admin('POST', routeUrl(directoryApi.createInstitution), {
        names: [{ value: `Otra ${uniqueWord()}`, lang: 'es', type: 'official' }],
        kind: 'university',
        country: 'CO',
        identifiers: { wikidata },
      });
      expect(res.statusCode).toBe(409);
      expect(fieldsOf(res)).toEqual(['identifiers.wikidata']);
    });
  });

  describe('relationships', () => {
    it('reads one link from both sides', async () => {
      const parent = await createInstitution(admin, `Gobernación ${uniqueWord()}`);
      const child = await createInstitution(admin, `Secretaría ${uniqueWord()}`, {
        relationships: [{ type: 'parent', institutionId: parent.id }],
      });
      expect(child.relationships).toEqual([
        { type: 'parent', institution: expect.objectContaining({ id: parent.id }) },
      ]);
      const parentView = (
        await admin('GET', routeUrl(directoryApi.adminInstitution, { id: parent.id }))
      ).json() as InstitutionView;
      expect(parentView.relationships).toEqual([
        { type: 'child', institution: expect.objectContaining({ id: child.id }) },
      ]);
    });

    it('refuses a cycle of parents (400 naming relationships) and keeps the links as they were', async () => {
      const a = await createInstitution(admin, `A ${uniqueWord()}`);
      const b = await createInstitution(admin, `B ${uniqueWord()}`, {
        relationships: [{ type: 'parent', institutionId: a.id }],
      });
      const c = await createInstitution(admin, `C ${uniqueWord()}`, {
        relationships: [{ type: 'parent', institutionId: b.id }],
      });
      // The list sent replaces what A states: its child B stays, C becomes its parent, and A→C→B→A would close.
      const res = await admin('PATCH', routeUrl(directoryApi.updateInstitution, { id: a.id }), {
        relationships: [
          { type: 'child', institutionId: b.id },
          { type: 'parent', institutionId: c.id },
        ],
      });
      expect(res.statusCode).toBe(400);
      expect(fieldsOf(res)).toEqual(['relationships']);
      // The same cycle entered from C's side, as a child.
      const child = await admin('PATCH', routeUrl(directoryApi.updateInstitution, { id: c.id }), {
        relationships: [
          { type: 'parent', institutionId: b.id },
          { type: 'child', institutionId: a.id },
        ],
      });
      expect(child.statusCode).toBe(400);
      expect(fieldsOf(child)).toEqual(['relationships']);
      const after = (
        await admin('GET', routeUrl(directoryApi.adminInstitution, { id: a.id }))
      ).json() as InstitutionView;
      expect(after.relationships).toEqual([
        { type: 'child', institution: expect.objectContaining({ id: b.id }) },
      ]);
    });

    it('refuses a cycle of successors, a link to itself and an unknown institution', async () => {
      const old = await createInstitution(admin, `Antigua ${uniqueWord()}`);
      const successor = await createInstitution(admin, `Nueva ${uniqueWord()}`);
      expect(
        (
          await admin('PATCH', routeUrl(directoryApi.updateInstitution, { id: old.id }), {
            relationships: [{ type: 'successor', institutionId: successor.id }],
          })
        ).statusCode,
      ).toBe(200);
      const cycle = await admin('PATCH', routeUrl(directoryApi.updateInstitution, { id: successor.id }), {
        relationships: [{ type: 'successor', institutionId: old.id }],
      });
      expect(cycle.statusCode).toBe(400);
      expect(fieldsOf(cycle)).toEqual(['relationships']);
      const self = await admin('PATCH', routeUrl(directoryApi.updateInstitution, { id: old.id }), {
        relationships: [{ type: 'related', institutionId: old.id }],
      });
      expect(fieldsOf(self)).toEqual(['relationships.0.institutionId']);
      const unknown = await admin('PATCH', routeUrl(directoryApi.updateInstitution, { id: old.id }), {
        relationships: [{ type: 'related', institutionId: UNKNOWN_ID }],
      });
      expect(unknown.statusCode).toBe(400);
      expect(fieldsOf(unknown)).toEqual(['relationships.0.institutionId']);
    });
  });

  describe('status and delete', () => {
    it('refuses to delete an institution others refer to (409 listing them), and archiving it works', async () => {
      const parent = await createInstitution(admin, `Ministerio ${uniqueWord()}`);
      await createInstitution(admin, `Dirección ${uniqueWord()}`, {
        relationships: [{ type: 'parent', institutionId: parent.id }],
      });
      const person = await t.register();
      const membership = await caller(t, person.session.accessToken)(
        'POST',
        routeUrl(directoryApi.addMyMembership),
        { institutionId: parent.id },
      );
      expect(membership.statusCode).toBe(201);

      const refused = await admin('DELETE', routeUrl(directoryApi.deleteInstitution, { id: parent.id }));
      expect(refused.statusCode).toBe(409);
      expect(refused.json().references).toEqual({ memberships: 1, relationships: 1 });
      expect(refused.json().detail).toMatch(/archive/i);

      const archived = await admin('POST', routeUrl(directoryApi.setInstitutionStatus, { id: parent.id }), {
        status: 'archived',
      });
      expect(archived.statusCode).toBe(200);
      expect(archived.json().status).toBe('archived');
      // Gone from the public pages, still there for administrators.
      expect((await visitor('GET', routeUrl(directoryApi.institution, { id: parent.id }))).statusCode).toBe(
        404,
      );
      expect(
        (await admin('GET', routeUrl(directoryApi.adminInstitution, { id: parent.id }))).statusCode,
      ).toBe(200);
    });

    it('deletes an institution nothing refers to, and a region without institutions', async () => {
      const lonely = await createInstitution(admin, `Sola ${uniqueWord()}`);
      expect(
        (await admin('DELETE', routeUrl(directoryApi.deleteInstitution, { id: lonely.id }))).statusCode,
      ).toBe(204);
      expect(
        (await admin('GET', routeUrl(directoryApi.adminInstitution, { id: lonely.id }))).statusCode,
      ).toBe(404);

      const region = await createRegion(admin);
      await createInstitution(admin, `En región ${uniqueWord()}`, { regionId: region.id });
      const refused = await admin('DELETE', routeUrl(directoryApi.deleteRegion, { id: region.id }));
      expect(refused.statusCode).toBe(409);
      expect(refused.json().references).toEqual({ institutions: 1 });
    });

    it('confirms a proposed institution: pending for no one but administrators until then', async () => {
      const name = `Junta de Acción Comunal ${uniqueWord()}`;
      const person = await t.register();
      const me = caller(t, person.session.accessToken);
      const added = await me('POST', routeUrl(directoryApi.addMyMembership), {
        proposedInstitution: { name, country: 'CO' },
        position: 'Presidenta',
      });
      expect(added.statusCode).toBe(201);
      const institution = added.json().institution as InstitutionRef;
      expect(institution.status).toBe('pending');
      expect((await me('GET', routeUrl(directoryApi.institution, { id: institution.id }))).statusCode).toBe(
        404,
      );
      const list = (
        await admin('GET', routeUrl(directoryApi.adminInstitutions, { status: 'pending', q: name }))
      ).json() as Page<InstitutionView>;
      expect(list.items.map((i) => i.id)).toEqual([institution.id]);
      expect(list.items[0].kind).toBe('community-organisation');

      // A second person proposing the same name (other accents and case) joins the same record.
      const other = caller(t, (await t.register()).session.accessToken);
      const again = await other('POST', routeUrl(directoryApi.addMyMembership), {
        proposedInstitution: { name: name.toUpperCase().replace('Ó', 'O'), country: 'CO' },
      });
      expect(again.json().institution.id).toBe(institution.id);

      const confirmed = await admin(
        'POST',
        routeUrl(directoryApi.setInstitutionStatus, { id: institution.id }),
        { status: 'active' },
      );
      expect(confirmed.json().status).toBe('active');
      expect((await me('GET', routeUrl(directoryApi.institution, { id: institution.id }))).statusCode).toBe(
        200,
      );
    });
  });

  describe('search and typeahead', () => {
    it('finds institutions with accents and case ignored: "bogota" finds "Alcaldía de Bogotá"', async () => {
      const word = uniqueWord('k');
      const alcaldia = await createInstitution(admin, `Alcaldía de Bogotá ${word}`, { country: 'CO' });
      const res = await visitor(
        'GET',
        routeUrl(directoryApi.institutions, { q: `BOGOTA ${word}`, limit: 100 }),
      );
      expect(res.statusCode).toBe(200);
      expect((res.json() as Page<InstitutionView>).items.map((i) => i.id)).toEqual([alcaldia.id]);
      const plain = await visitor(
        'GET',
        routeUrl(directoryApi.institutions, { q: 'bogota', country: 'CO', limit: 100 }),
      );
      expect((plain.json() as Page<InstitutionView>).items.map((i) => i.id)).toContain(alcaldia.id);
    });

    it('suggests names and acronyms that start with the text first, then those containing it, then similar spellings', async () => {
      const word = uniqueWord('q');
      const contains = await createInstitution(admin, `Consejo ${word}nal de Planeación`, {
        kind: 'planning-board',
      });
      const acronym = await createInstitution(admin, `Universidad Nacional ${uniqueWord()}`, {
        kind: 'university',
        names: [
          { value: `Universidad Nacional ${uniqueWord()}`, lang: 'es', type: 'official' },
          { value: `${word.toUpperCase()}NAL`, lang: null, type: 'acronym' },
        ],
      });
      const res = await visitor('GET', routeUrl(directoryApi.suggestInstitutions, { q: `${word}na` }));
      expect(res.statusCode).toBe(200);
      expect((res.json() as InstitutionRef[]).map((r) => r.id)).toEqual([acronym.id, contains.id]);

      const place = uniqueWord('z');
      const bogota = await createInstitution(admin, `Alcaldía de Bogotá ${place}`);
      const typo = (
        await visitor('GET', routeUrl(directoryApi.suggestInstitutions, { q: `alcadia bogta ${place}` }))
      ).json() as InstitutionRef[];
      expect(typo.map((r) => r.id)).toContain(bogota.id);
      expect(typo[0]).toEqual({
        id: bogota.id,
        displayName: `Alcaldía de Bogotá ${place}`,
        acronym: null,
        country: 'CO',
        status: 'active',
      });
    });

    it('keeps the typeahead within its limit and to active records', async () => {
      const word = uniqueWord('l');
      for (let i = 0; i < 3; i++) await createInstitution(admin, `${word} ${i}`);
      const archived = await createInstitution(admin, `${word} archived`);
      await admin('POST', routeUrl(directoryApi.setInstitutionStatus, { id: archived.id }), {
        status: 'archived',
      });
      const two = (
        await visitor('GET', routeUrl(directoryApi.suggestInstitutions, { q: word, limit: 2 }))
      ).json() as InstitutionRef[];
      expect(two).toHaveLength(2);
      const all = (
        await visitor('GET', routeUrl(directoryApi.suggestInstitutions, { q: word }))
      ).json() as InstitutionRef[];
      expect(all.map((r) => r.displayName).sort()).toEqual([`${word} 0`, `${word} 1`, `${word} 2`]);
      expect(
        (await visitor('GET', routeUrl(directoryApi.suggestInstitutions, { q: word, limit: 21 }))).statusCode,
      ).toBe(400);
    });
  });

  describe('CSV', () => {
    const exportCsv = async () => {
      const res = await admin('GET', routeUrl(directoryApi.exportInstitutions));
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toMatch(/^attachment/);
      return res.body;
    };
    let adminToken = '';
    beforeAll(async () => {
      adminToken = await signInAdmin(t);
    });
    const importCsv = (csv: string, dryRun?: boolean) =>
      t.request({
        method: 'POST',
        url: dryRun
          ? routeUrl(directoryApi.importInstitutions, { dryRun: 'true' })
          : routeUrl(directoryApi.importInstitutions),
        headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'text/csv' },
        payload: csv,
      });

    /** The header and the rows of the export that mention `word`. */
    const rowsWith = (csv: string, word: string) => {
      const lines = csv.replace(/^\ufeff/, '').split('\r\n');
      return [lines[0], ...lines.filter((l) => l.includes(word))].join('\r\n') + '\r\n';
    };

    it('exports formula cells inert and reads the export back unchanged', async () => {
      const word = uniqueWord('csv');
      const region = await createRegion(admin, { slug: `csv-${word}` });
      const parent = await createInstitution(admin, `Gobernación ${word}`, {
        regionId: region.id,
        website: 'https://example.org/gob',
      });
      const formula = await createInstitution(admin, `=HYPERLINK("http://evil.example","${word}")`, {
        names: [
          { value: `=HYPERLINK("http://evil.example","${word}")`, lang: 'es', type: 'official' },
          { value: `+${word}`, lang: null, type: 'acronym' },
          { value: `Alias; with | separators ${word}`, lang: 'en', type: 'alias' },
        ],
        sector: 'government',
        established: 1991,
        relationships: [{ type: 'parent', institutionId: parent.id }],
        public: false,
      });
      const csv = await exportCsv();
      expect(csv.startsWith('\ufeff')).toBe(true);
      const line = csv.split('\r\n').find((l) => l.startsWith(formula.id)) ?? '';
      expect(line).toContain(`"'=HYPERLINK(""http://evil.example"",""${word}"")"`);
      expect(line).toContain(`'+${word}`);
      expect(line).toContain(parent.id);

      const before = (
        await admin('GET', routeUrl(directoryApi.adminInstitution, { id: formula.id }))
      ).json() as InstitutionView;
      const report = (await importCsv(rowsWith(csv, word))).json() as DirectoryImportReport;
      expect(report.counts).toEqual({ created: 0, updated: 0, unchanged: 2, failed: 0 });
      const after = (
        await admin('GET', routeUrl(directoryApi.adminInstitution, { id: formula.id }))
      ).json() as InstitutionView;
      expect(after).toEqual(before);
    });

    it('creates rows without an id, updates rows with one, reports bad rows alone, and saves nothing on a dry run', async () => {
      const word = uniqueWord('imp');
      const existing = await createInstitution(admin, `Existente ${word}`);
      const csv = [
        'id,official_name,acronym,kind,country,ror,status',
        `,Nueva ${word},NV${word},ngo,CO,,`,
        `${existing.id},Existente ${word} (renombrada),,government,CO,,archived`,
        `,Mala ${word},,ngo,XX,,`,
        `,Peor ${word},,ngo,CO,05dxps056,`,
        `${UNKNOWN_ID},Nadie ${word},,ngo,CO,,`,
      ].join('\n');
      const dry = (await importCsv(csv, true)).json() as DirectoryImportReport;
      expect(dry.counts).toEqual({ created: 1, updated: 1, unchanged: 0, failed: 3 });
      expect(
        (await admin('GET', routeUrl(directoryApi.adminInstitution, { id: existing.id }))).json().status,
      ).toBe('active');

      const res = await importCsv(csv);
      expect(res.statusCode).toBe(200);
      const report = res.json() as DirectoryImportReport;
      expect(report.rows.map((r) => [r.line, r.outcome, r.message ?? ''])).toEqual([
        [2, 'created', ''],
        [3, 'updated', ''],
        [4, 'failed', expect.stringMatching(/^country /)],
        [5, 'failed', expect.stringMatching(/^ror /)],
        [6, 'failed', 'id is not a known institution'],
      ]);
      const updated = (
        await admin('GET', routeUrl(directoryApi.adminInstitution, { id: existing.id }))
      ).json() as InstitutionView;
      expect(updated).toMatchObject({ displayName: `Existente ${word} (renombrada)`, status: 'archived' });
      const created = (
        await admin('GET', routeUrl(directoryApi.adminInstitution, { id: report.rows[0].id as string }))
      ).json() as InstitutionView;
      expect(created).toMatchObject({ acronym: `NV${word}`, kind: 'ngo', status: 'active' });
    });

    it('refuses a file it cannot read as a whole: unknown columns, no header, the wrong type', async () => {
      expect(fieldsOf(await importCsv('official_name,kind,country,colour\nA,ngo,CO,blue\n'))).toEqual([
        'body',
      ]);
      expect((await importCsv('')).statusCode).toBe(400);
      expect((await importCsv('name\nA\n')).statusCode).toBe(400);
      const json = await admin('POST', routeUrl(directoryApi.importInstitutions), { csv: 'a' });
      expect(json.statusCode).toBe(415);
    });
  });
});
