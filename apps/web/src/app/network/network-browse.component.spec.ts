import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
  type TestRequest,
} from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { ActivatedRoute, convertToParamMap, provideRouter, type ParamMap } from '@angular/router';
import type { InstitutionView, Page, PublicPersonView, RegionView } from '@aula/contracts';
import { provideTransloco, type TranslocoLoader } from '@jsverse/transloco';
import { BehaviorSubject, of } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuthService } from '../core/auth/auth.service';
import { LanguageService } from '../core/i18n/language.service';
import { NoticeService } from '../shared/notice.service';
import NetworkBrowseComponent from './network-browse.component';

class KeysLoader implements TranslocoLoader {
  getTranslation() {
    return of({});
  }
}

const institution = (id: string, name: string): InstitutionView =>
  ({
    id,
    displayName: name,
    acronym: null,
    country: 'CO',
    status: 'active',
    names: [{ value: name, lang: 'es', type: 'official' }],
    kind: 'ngo',
    sector: 'community',
    region: null,
    website: null,
    established: null,
    relationships: [],
    identifiers: { ror: null, orgId: null, wikidata: null },
    public: true,
    memberCount: 0,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  }) satisfies InstitutionView;

const region = (
  slug: string,
  worldRegion: RegionView['worldRegion'],
  institutionCount: number,
): RegionView => ({
  id: slug,
  slug,
  displayName: slug,
  name: { en: slug },
  country: 'CO',
  subdivision: null,
  worldRegion,
  description: {},
  location: null,
  status: 'participating',
  joinedOn: null,
  public: true,
  institutionCount,
});

describe('NetworkBrowseComponent', () => {
  let address: BehaviorSubject<ParamMap>;
  let http: HttpTestingController;
  let fixture: ComponentFixture<NetworkBrowseComponent>;
  const notices = { show: vi.fn() };

  beforeEach(() => {
    address = new BehaviorSubject(convertToParamMap({}));
    notices.show.mockClear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideTransloco({ config: { availableLangs: ['en', 'pt'], defaultLang: 'en' }, loader: KeysLoader }),
        { provide: ActivatedRoute, useValue: { queryParamMap: address } },
        { provide: AuthService, useValue: { user: signal(null) } },
        { provide: LanguageService, useValue: { active: signal('pt'), tag: signal('pt-BR') } },
        { provide: NoticeService, useValue: notices },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  /** Lets answers arrive and the screen catch up, without waiting for requests still open. */
  async function settle(): Promise<void> {
    for (let round = 0; round < 3; round++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      TestBed.tick();
      fixture.detectChanges();
    }
  }

  async function open(query: Record<string, string>): Promise<void> {
    address.next(convertToParamMap(query));
    fixture = TestBed.createComponent(NetworkBrowseComponent);
    fixture.detectChanges();
    await settle();
  }

  const list = (path: string): TestRequest =>
    http.expectOne((request) => request.url === path && !request.params.has('cursor'));
  const overview = () =>
    http.expectOne(
      (request) => request.url === '/api/directory/regions' && request.params.get('limit') === '100',
    );
  const text = () => (fixture.nativeElement as HTMLElement).textContent ?? '';
  const rowNames = () =>
    [...(fixture.nativeElement as HTMLElement).querySelectorAll('tbody th a')].map((a) =>
      a.textContent?.trim(),
    );

  it('asks the list for the filters in the address that it takes, and pages on with "show more"', async () => {
    await open({ view: 'institutions', q: 'agua', kind: 'ngo', status: 'partner', country: 'zz' });
    http.expectOne('/api/directory/topics').flush(['Agua']);
    overview().flush({
      items: [
        region('a', 'latin-america-caribbean', 5),
        region('b', 'asia', 2),
        region('c', 'latin-america-caribbean', 1),
      ],
      nextCursor: null,
    } satisfies Page<RegionView>);

    const first = list('/api/directory/institutions');
    expect(
      Object.fromEntries(first.request.params.keys().map((key) => [key, first.request.params.get(key)])),
    ).toEqual({
      limit: '20',
      q: 'agua',
      kind: 'ngo',
      locale: 'pt',
    });
    first.flush({
      items: [institution('i1', 'Agua Viva')],
      nextCursor: 'next-1',
    } satisfies Page<InstitutionView>);
    await settle();
    expect(rowNames()).toEqual(['Agua Viva']);

    // The chart adds up the regions' counts per world region.
    const chart = [...(fixture.nativeElement as HTMLElement).querySelectorAll('aula-bar-chart tbody tr')].map(
      (row) =>
        [row.querySelector('th')?.textContent?.trim(), row.querySelector('.value')?.textContent?.trim()].join(
          ' ',
        ),
    );
    expect(chart).toEqual([
      'network.worldRegions.latin-america-caribbean 6',
      'network.worldRegions.asia 2',
      'network.worldRegions.africa 0',
      'network.worldRegions.other 0',
    ]);

    const more = [...(fixture.nativeElement as HTMLElement).querySelectorAll('button')].find((button) =>
      button.textContent?.includes('network.showMore'),
    );
    more?.click();
    const next = http.expectOne((request) => request.params.get('cursor') === 'next-1');
    expect(next.request.url).toBe('/api/directory/institutions');
    expect(next.request.params.get('q')).toBe('agua');
    next.flush({
      items: [institution('i2', 'Agua Clara')],
      nextCursor: null,
    } satisfies Page<InstitutionView>);
    await settle();
    expect(rowNames()).toEqual(['Agua Viva', 'Agua Clara']);
    expect(text()).not.toContain('network.showMore');
  });

  it('shows nothing of the old list under the new one while the new one loads', async () => {
    await open({ view: 'institutions' });
    http.expectOne('/api/directory/topics').flush([]);
    overview().flush({ items: [], nextCursor: null });
    list('/api/directory/institutions').flush({ items: [institution('i1', 'Agua Viva')], nextCursor: null });
    await settle();
    expect(rowNames()).toEqual(['Agua Viva']);

    address.next(convertToParamMap({ view: 'people', kind: 'ngo' }));
    await settle();
    expect(rowNames()).toEqual([]);
    const people = list('/api/directory/people');
    expect(people.request.params.has('kind')).toBe(false);
    people.flush({
      items: [
        {
          id: 'p1',
          displayName: 'Ana Souza',
          bio: null,
          topics: [],
          languages: [],
          institution: null,
          region: null,
          country: 'BR',
          photoUrl: null,
        },
      ],
      nextCursor: null,
    } satisfies Page<PublicPersonView>);
    await settle();
    const names = [...(fixture.nativeElement as HTMLElement).querySelectorAll('aula-person-list .name')].map(
      (a) => a.textContent?.trim(),
    );
    expect(names).toEqual(['Ana Souza']);
    expect(text()).toContain('Brasil');
  });

  it('says when the list could not be loaded and offers to try again', async () => {
    await open({ view: 'people' });
    http.expectOne('/api/directory/topics').flush([]);
    list('/api/directory/people').flush(
      { title: 'Unavailable', status: 503 },
      { status: 503, statusText: 'Unavailable' },
    );
    await settle();
    expect(text()).toContain('network.loadFailed');
    const retry = [...(fixture.nativeElement as HTMLElement).querySelectorAll('button')].find((button) =>
      button.textContent?.includes('actions.retry'),
    );
    expect(retry).toBeTruthy();
    retry?.click();
    await settle();
    list('/api/directory/people').flush({ items: [], nextCursor: null });
    await settle();
    expect(text()).not.toContain('network.loadFailed');
    expect(text()).toContain('network.emptyTitle');
  });
});
