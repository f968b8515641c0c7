import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { FormArray, FormControl, FormGroup } from '@angular/forms';
import type { InstitutionView } from '@aula/contracts';
import { describe, expect, it } from 'vitest';
import {
  applyDirectoryErrors,
  freeTextControlFor,
  freeTextCreateRequest,
  identifierValidator,
  institutionControlFor,
  institutionFormValue,
  institutionRequest,
  mergeProblem,
  officialNameValidator,
  outcomeShares,
  refusedReferences,
  regionRequest,
  slugFrom,
  subdivisionValidator,
  yearValidator,
  type InstitutionFormValue,
} from './directory-rules';

const problem = (status: number, body: Record<string, unknown>) =>
  new HttpErrorResponse({
    status,
    error: { type: 'about:blank', title: 'Problem', status, ...body },
    headers: new HttpHeaders({ 'Content-Type': 'application/problem+json' }),
  });

const ref = (id: string, displayName: string) => ({
  id,
  displayName,
  acronym: null,
  country: 'CO',
  status: 'active' as const,
});

const form = (change: Partial<InstitutionFormValue> = {}): InstitutionFormValue => ({
  names: [{ value: '  Alcaldía de Medellín ', lang: 'ES', type: 'official' }],
  kind: 'government',
  sector: '',
  country: 'CO',
  regionId: '',
  website: ' ',
  established: '',
  identifiers: { ror: '', orgId: '', wikidata: '' },
  relationships: [],
  public: true,
  ...change,
});

describe('the institution request built from the form', () => {
  it('trims names, lowers their language and sends empty fields as null', () => {
    const body = institutionRequest(
      form({
        names: [
          { value: '  Alcaldía de Medellín ', lang: 'ES', type: 'official' },
          { value: '   ', lang: '', type: 'alias' },
          { value: 'AM', lang: '', type: 'acronym' },
        ],
      }),
    );
    expect(body.names).toEqual([
      { value: 'Alcaldía de Medellín', lang: 'es', type: 'official' },
      { value: 'AM', lang: null, type: 'acronym' },
    ]);
    expect(body.sector).toBeNull();
    expect(body.regionId).toBeNull();
    expect(body.website).toBeNull();
    expect(body.established).toBeNull();
    expect(body.identifiers).toEqual({ ror: null, orgId: null, wikidata: null });
  });

  it('writes identifiers in the case the API checks and the year as a number', () => {
    const body = institutionRequest(
      form({
        established: ' 1968 ',
        identifiers: { ror: ' 05DXPS055 ', orgId: 'CO-NIT-8999990902', wikidata: 'q1124591' },
      }),
    );
    expect(body.established).toBe(1968);
    expect(body.identifiers).toEqual({ ror: '05dxps055', orgId: 'CO-NIT-8999990902', wikidata: 'Q1124591' });
  });

  it('sends each relationship once, by id, and leaves out rows without an institution', () => {
    const a = ref('a1', 'Gobernación de Antioquia');
    const body = institutionRequest(
      form({
        relationships: [
          { type: 'parent', institution: a },
          { type: 'parent', institution: a },
          { type: 'related', institution: a },
          { type: 'related', institution: null },
        ],
      }),
    );
    expect(body.relationships).toEqual([
      { type: 'parent', institutionId: 'a1' },
      { type: 'related', institutionId: 'a1' },
    ]);
  });

  it('comes back unchanged from an institution the API shows', () => {
    const view: InstitutionView = {
      ...ref('i1', 'Universidad de Antioquia'),
      acronym: 'UdeA',
      names: [
        { value: 'Universidad de Antioquia', lang: 'es', type: 'official' },
        { value: 'UdeA', lang: null, type: 'acronym' },
      ],
      kind: 'university',
      sector: 'academia',
      region: { id: 'r1', slug: 'antioquia', displayName: 'Antioquia' },
      website: 'https://www.udea.edu.co',
      established: 1803,
      relationships: [{ type: 'related', institution: ref('i2', 'Alcaldía de Medellín') }],
      identifiers: { ror: '03bp5hc83', orgId: null, wikidata: 'Q1258413' },
      public: true,
      memberCount: 3,
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-02T00:00:00Z',
    };
    expect(institutionRequest(institutionFormValue(view))).toEqual({
      names: view.names,
      kind: 'university',
      sector: 'academia',
      country: 'CO',
      regionId: 'r1',
      website: 'https://www.udea.edu.co',
      established: 1803,
      identifiers: { ror: '03bp5hc83', orgId: null, wikidata: 'Q1258413' },
      relationships: [{ type: 'related', institutionId: 'i2' }],
      public: true,
    });
  });
});

describe('the institution form rules', () => {
  it('checks identifier shapes as the API reads them', () => {
    const ror = identifierValidator('ror');
    expect(ror(new FormControl('05DXPS055'))).toBeNull();
    expect(ror(new FormControl('5dxps055'))).toEqual({ identifier: 'ror' });
    expect(ror(new FormControl(''))).toBeNull();
    const wikidata = identifierValidator('wikidata');
    expect(wikidata(new FormControl('q42'))).toBeNull();
    expect(wikidata(new FormControl('Q042'))).toEqual({ identifier: 'wikidata' });
    const orgId = identifierValidator('orgId');
    expect(orgId(new FormControl('XM-DAC-41114'))).toBeNull();
    expect(orgId(new FormControl('colombia 123'))).toEqual({ identifier: 'orgId' });
  });

  it('wants an official name with text', () => {
    const names = (rows: { value: string; type: string }[]) =>
      officialNameValidator(new FormControl(rows.map((row) => ({ ...row, lang: '' }))));
    expect(names([{ value: 'EPM', type: 'acronym' }])).toEqual({ officialName: true });
    expect(names([{ value: '  ', type: 'official' }])).toEqual({ officialName: true });
    expect(names([{ value: 'Empresas Públicas de Medellín', type: 'official' }])).toBeNull();
  });

  it('takes years from 1000 to this one', () => {
    expect(yearValidator(new FormControl('999'))).toEqual({ min: { min: 1000 } });
    expect(yearValidator(new FormControl(String(new Date().getFullYear() + 1)))).toEqual({
      max: { max: new Date().getFullYear() },
    });
    expect(yearValidator(new FormControl('19.5'))).toEqual({ integer: true });
    expect(yearValidator(new FormControl('1968'))).toBeNull();
  });

  it('puts API errors on the field they name, a cycle on the relationships', () => {
    const group = new FormGroup({
      names: new FormArray([new FormGroup({ value: new FormControl(''), lang: new FormControl('') })]),
      identifiers: new FormGroup({ ror: new FormControl('') }),
      relationships: new FormArray<FormControl>([]),
      country: new FormControl(''),
    });
    const controlFor = institutionControlFor(group);
    expect(controlFor('names.0.lang')).toBe(group.get('names.0.lang'));
    expect(controlFor('names')).toBe(group.get('names'));
    expect(controlFor('identifiers.ror')).toBe(group.get('identifiers.ror'));
    expect(controlFor('relationships')).toBe(group.get('relationships'));
    expect(controlFor('relationships.2.institutionId')).toBe(group.get('relationships'));
    expect(controlFor('country')).toBe(group.get('country'));
  });
});

describe('a refused delete', () => {
  it('reads what refers to the record, largest first, each kind translated', () => {
    const error = problem(409, {
      references: { relationships: 1, memberships: 4, workshops: 2, networkProfiles: 0 },
    });
    expect(refusedReferences(error)).toEqual([
      { kind: 'memberships', count: 4, key: 'adminDirectory.references.kinds.memberships' },
      { kind: 'workshops', count: 2, key: 'adminDirectory.references.kinds.other' },
      { kind: 'relationships', count: 1, key: 'adminDirectory.references.kinds.relationships' },
    ]);
  });

  it('is not a references answer when the API said something else', () => {
    expect(refusedReferences(problem(409, { detail: 'Another region already uses this slug.' }))).toBeNull();
    expect(refusedReferences(problem(404, { references: { memberships: 1 } }))).toBeNull();
    expect(refusedReferences(new Error('offline'))).toBeNull();
  });
});

describe('a refused merge', () => {
  it('says whether it was into itself, into a descendant or of an unknown institution, and which', () => {
    expect(
      mergeProblem(
        problem(400, {
          errors: [{ path: 'duplicateIds', message: 'must not include the institution merged into' }],
        }),
      ),
    ).toEqual({ problem: 'self', index: null });
    expect(
      mergeProblem(
        problem(400, {
          errors: [{ path: 'duplicateIds.1', message: 'is an ancestor of the institution merged into' }],
        }),
      ),
    ).toEqual({ problem: 'descendant', index: 1 });
    expect(
      mergeProblem(
        problem(400, { errors: [{ path: 'duplicateIds.0', message: 'is not a known institution' }] }),
      ),
    ).toEqual({ problem: 'unknown', index: 0 });
    expect(mergeProblem(problem(404, {}))).toEqual({ problem: 'survivorGone', index: null });
    expect(mergeProblem(problem(500, {}))).toBeNull();
  });
});

describe('the import summary', () => {
  it('gives each outcome with rows its share, in the API order', () => {
    expect(outcomeShares({ created: 3, updated: 0, unchanged: 0, failed: 1 })).toEqual([
      { outcome: 'created', count: 3, percent: 75 },
      { outcome: 'failed', count: 1, percent: 25 },
    ]);
    expect(outcomeShares({ created: 0, updated: 0, unchanged: 0, failed: 0 })).toEqual([]);
  });
});

describe('regions', () => {
  it('sends names per language with text, the subdivision in capitals and a location only with both coordinates', () => {
    const base = {
      slug: ' antioquia ',
      name: { en: 'Antioquia', es: ' Antioquia ', pt: '' },
      description: { en: '', es: '', pt: '' },
      country: 'CO',
      subdivision: 'co-ant',
      worldRegion: 'latin-america-caribbean' as const,
      status: 'participating' as const,
      lat: '6.25',
      lon: '-75.56',
      joinedOn: '',
      public: true,
    };
    expect(regionRequest(base)).toEqual({
      slug: 'antioquia',
      name: { en: 'Antioquia', es: 'Antioquia' },
      description: {},
      country: 'CO',
      subdivision: 'CO-ANT',
      worldRegion: 'latin-america-caribbean',
      status: 'participating',
      location: { lat: 6.25, lon: -75.56 },
      joinedOn: null,
      public: true,
    });
    expect(regionRequest({ ...base, lon: '', subdivision: ' ' })).toMatchObject({
      location: null,
      subdivision: null,
    });
  });

  it('checks a subdivision belongs to the chosen country', () => {
    const validator = subdivisionValidator(() => 'CO');
    expect(validator(new FormControl('CO-ANT'))).toBeNull();
    expect(validator(new FormControl('AR-B'))).toEqual({ subdivision: true });
    expect(validator(new FormControl('Antioquia'))).toEqual({ subdivision: true });
  });
});

describe('a new home for a typed value', () => {
  it('guesses a region address from its name', () => {
    expect(slugFrom('  Región de Ñuble – Chile ')).toBe('region-de-nuble-chile');
  });

  it('creates an institution with the typed name as its official name', () => {
    const form = {
      name: ' Alcaldia de Medellin ',
      country: 'CO',
      kind: 'government' as const,
      slug: '',
      worldRegion: 'latin-america-caribbean' as const,
      status: 'participating' as const,
    };
    expect(freeTextCreateRequest({ field: 'organisation', key: 'alcaldia de medellin' }, form, 'es')).toEqual(
      {
        field: 'organisation',
        key: 'alcaldia de medellin',
        action: 'create',
        institution: {
          names: [{ value: 'Alcaldia de Medellin', lang: null, type: 'official' }],
          kind: 'government',
          country: 'CO',
        },
      },
    );
    expect(
      freeTextCreateRequest(
        { field: 'region', key: 'nuble' },
        { ...form, name: 'Ñuble', slug: 'nuble', country: 'CL' },
        'es',
      ),
    ).toMatchObject({ action: 'create', region: { slug: 'nuble', name: { es: 'Ñuble' }, country: 'CL' } });
  });

  it('puts the API errors of the new record on the dialog fields', () => {
    const group = new FormGroup({
      name: new FormControl(''),
      country: new FormControl(''),
      slug: new FormControl(''),
    });
    const controlFor = freeTextControlFor(group);
    expect(controlFor('institution.names.0.value')).toBe(group.get('name'));
    expect(controlFor('region.name.es')).toBe(group.get('name'));
    expect(controlFor('region.slug')).toBe(group.get('slug'));
    expect(controlFor('institution.country')).toBe(group.get('country'));
  });
});

describe('the API field errors in the reader words', () => {
  it('puts a relationship cycle on the relationships list, translated', () => {
    const group = new FormGroup({
      relationships: new FormArray<FormControl>([]),
      identifiers: new FormGroup({ ror: new FormControl('') }),
      website: new FormControl(''),
    });
    const error = problem(400, {
      detail: 'The parent links would form a cycle.',
      errors: [
        { path: 'relationships', message: 'would make an institution its own ancestor' },
        { path: 'website', message: 'must be an http or https address' },
      ],
    });
    const left = applyDirectoryErrors(group, error, 'es', institutionControlFor(group));
    expect(left).toEqual({ unclaimed: 0, messages: [] });
    expect(group.controls.relationships.errors).toEqual({
      directory: 'adminDirectory.validation.parentCycle',
    });
    // A rule this screen has no words for keeps the shared "check this field".
    expect(group.controls.website.errors).toEqual({ serverInvalid: true });
  });

  it('says a taken identifier is taken', () => {
    const group = new FormGroup({ identifiers: new FormGroup({ ror: new FormControl('05dxps055') }) });
    const error = problem(409, {
      errors: [{ path: 'identifiers.ror', message: 'belongs to another institution' }],
    });
    applyDirectoryErrors(group, error, 'en', institutionControlFor(group));
    expect(group.get('identifiers.ror')?.errors).toEqual({
      directory: 'adminDirectory.validation.identifierTaken',
    });
  });
});
