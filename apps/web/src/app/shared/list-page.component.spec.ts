import { httpResource, provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
  type TestRequest,
} from '@angular/common/http/testing';
import { Component, signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { Page } from '@aula/contracts';
import { TranslocoService, provideTransloco, type TranslocoLoader } from '@jsverse/transloco';
import { of } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CursorPages } from './cursor-pages';
import { LIST_PAGE, SEARCH_DELAY_MS, type ListSpec } from './list-page.component';

interface Person {
  id: string;
  name: string;
  city: string;
}

const TEXTS = {
  common: { loading: 'Loading', pager: { previous: 'Previous', next: 'Next', page: 'Page {{page}}' } },
  actions: { retry: 'Try again' },
  people: {
    caption: 'People',
    loadFailed: 'The people could not be loaded.',
    empty: 'Nobody yet.',
    pageStatus: '{{count}} people on page {{page}}',
    pages: 'Pages of people',
    search: 'Search people',
    name: 'Name',
    city: 'City',
    actions: 'Actions',
  },
};

class InlineLoader implements TranslocoLoader {
  getTranslation() {
    return of(TEXTS);
  }
}

@Component({
  imports: [LIST_PAGE],
  template: `
    <aula-list-page
      [list]="people"
      [pages]="pages"
      [spec]="spec"
      [query]="query()"
      (search)="query.set($event)"
    >
      <ng-template [aulaListRow]="people" let-person>
        <th scope="row">{{ person.name }}</th>
        <td>{{ person.city }}</td>
        <td><button type="button">Write</button></td>
      </ng-template>
    </aula-list-page>
  `,
})
class PeopleComponent {
  readonly query = signal('');
  readonly pages = new CursorPages();
  readonly people = httpResource<Page<Person>>(() => {
    const params: Record<string, string> = {};
    if (this.query().trim()) params['q'] = this.query().trim();
    if (this.pages.cursor()) params['cursor'] = this.pages.cursor() ?? '';
    return { url: '/api/people', params };
  });
  readonly spec: ListSpec<Person> = {
    key: (person) => person.id,
    texts: {
      caption: 'people.caption',
      loadFailed: 'people.loadFailed',
      empty: 'people.empty',
      pageStatus: 'people.pageStatus',
      pager: 'people.pages',
      search: 'people.search',
    },
    columns: [{ key: 'people.name' }, { key: 'people.city' }, { key: 'people.actions', hidden: true }],
  };
}

const ANA: Person = { id: 'p1', name: 'Ana Quispe', city: 'Cusco' };
const LUIS: Person = { id: 'p2', name: 'Luis Pérez', city: 'Medellín' };
const RUTH: Person = { id: 'p3', name: 'Ruth Mendoza', city: 'Quetzaltenango' };

describe('ListPageComponent', () => {
  let fixture: ComponentFixture<PeopleComponent>;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTransloco({ config: { availableLangs: ['en'], defaultLang: 'en' }, loader: InlineLoader }),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(TranslocoService).setActiveLang('en');
    fixture = TestBed.createComponent(PeopleComponent);
    TestBed.tick();
  });

  afterEach(() => http.verify());

  const element = () => fixture.nativeElement as HTMLElement;
  const text = (selector: string) => element().querySelector(selector)?.textContent?.trim() ?? null;
  const rows = () =>
    [...element().querySelectorAll('tbody tr')].map((row) => row.querySelector('th')?.textContent?.trim());
  const button = (name: string) =>
    [...element().querySelectorAll('button')].find(
      (b) => b.textContent?.trim() === name,
    ) as HTMLButtonElement;

  function submit(): void {
    element().querySelector('form')?.dispatchEvent(new Event('submit'));
    TestBed.tick();
  }

  /** Longer than the search waits for a pause in typing. */
  async function pause(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, SEARCH_DELAY_MS + 50));
    TestBed.tick();
  }

  function request(): TestRequest {
    return http.expectOne((req) => req.url === '/api/people');
  }

  async function answer(items: Person[], nextCursor: string | null = null): Promise<TestRequest> {
    const req = request();
    req.flush({ items, nextCursor } satisfies Page<Person>);
    await fixture.whenStable();
    return req;
  }

  function typeSearch(value: string): void {
    const field = element().querySelector<HTMLInputElement>('input[type="search"]');
    if (!field) throw new Error('no search field');
    field.value = value;
    field.dispatchEvent(new Event('input'));
    TestBed.tick();
  }

  it('shows the page’s rows under the screen’s column headings, and how many there are', async () => {
    await answer([ANA, LUIS]);
    expect(text('caption')).toBe('People');
    const headings = [...element().querySelectorAll('thead th')].map((th) => th.textContent?.trim());
    expect(headings).toEqual(['Name', 'City', 'Actions']);
    expect(element().querySelector('thead th:last-child span')?.className).toBe('cdk-visually-hidden');
    expect(rows()).toEqual(['Ana Quispe', 'Luis Pérez']);
    expect(text('tbody tr td')).toBe('Cusco');
    expect(text('.status')).toBe('2 people on page 1');
    expect(element().querySelector('.pager')).toBeNull();
  });

  it('says so when there is nobody, without an empty table', async () => {
    await answer([]);
    expect(text('.status')).toBe('Nobody yet.');
    expect(element().querySelector('table')).toBeNull();
  });

  it('offers to try again after a failed load, and shows the rows once it works', async () => {
    request().flush({ title: 'Bad gateway' }, { status: 502, statusText: 'Bad Gateway' });
    await fixture.whenStable();
    expect(text('.status')).toBe('The people could not be loaded.');
    button('Try again').click();
    TestBed.tick();
    await answer([RUTH]);
    expect(button('Try again')).toBeUndefined();
    expect(rows()).toEqual(['Ruth Mendoza']);
  });

  it('pages forward with the cursor the API gave, and back to the first page', async () => {
    await answer([ANA, LUIS], 'after-luis');
    expect(text('.pager > span')).toBe('Page 1');
    button('Next').click();
    TestBed.tick();
    const second = await answer([RUTH]);
    expect(second.request.params.get('cursor')).toBe('after-luis');
    expect(rows()).toEqual(['Ruth Mendoza']);
    expect(text('.status')).toBe('1 people on page 2');
    expect(button('Next').disabled).toBe(true);

    button('Previous').click();
    TestBed.tick();
    const first = await answer([ANA, LUIS], 'after-luis');
    expect(first.request.params.has('cursor')).toBe(false);
    expect(text('.pager > span')).toBe('Page 1');
  });

  it('searches after a pause in typing, from the first page', async () => {
    await answer([ANA, LUIS], 'after-luis');
    button('Next').click();
    TestBed.tick();
    await answer([RUTH]);

    typeSearch('ruth');
    http.expectNone((req) => req.url === '/api/people');
    await pause();
    const searched = await answer([RUTH]);
    expect(searched.request.params.get('q')).toBe('ruth');
    expect(searched.request.params.has('cursor')).toBe(false);
    expect(text('.status')).toBe('1 people on page 1');
  });

  it('searches at once on Enter, and not again for the same words', async () => {
    await answer([ANA, LUIS]);
    typeSearch('ana');
    submit();
    expect((await answer([ANA])).request.params.get('q')).toBe('ana');

    typeSearch(' ana ');
    submit();
    await pause();
    http.expectNone((req) => req.url === '/api/people');
  });
});
