import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
  type TestRequest,
} from '@angular/common/http/testing';
import { Component, signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { ReactiveFormsModule } from '@angular/forms';
import { directoryApi, type InstitutionRef } from '@aula/contracts';
import { TranslocoService, provideTransloco, type TranslocoLoader } from '@jsverse/transloco';
import { of } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthService } from '../core/auth/auth.service';
import {
  institutionChoice,
  institutionErrorControl,
  institutionFieldGroup,
  institutionLabel,
  resetInstitutionField,
  setNotListed,
  type InstitutionFieldGroup,
} from './institution-field';
import {
  InstitutionFieldComponent,
  NOT_LISTED,
  SUGGEST_DELAY_MS,
  SUGGEST_LIMIT,
} from './institution-field.component';

const UNAL: InstitutionRef = {
  id: '0b0e5f7e-5d2a-4a57-9d51-2f8f2d9c0001',
  displayName: 'Universidad Nacional de Colombia',
  acronym: 'UNAL',
  country: 'CO',
  status: 'active',
};
const UNAM: InstitutionRef = {
  id: '0b0e5f7e-5d2a-4a57-9d51-2f8f2d9c0002',
  displayName: 'Universidad Nacional Autónoma de México',
  acronym: 'UNAM',
  country: 'MX',
  status: 'active',
};

describe('the institution field’s value', () => {
  let group: InstitutionFieldGroup;
  beforeEach(() => (group = institutionFieldGroup({ required: true, country: 'CO' })));

  it('is empty until an institution is picked, and typed text alone is an error', () => {
    expect(institutionChoice(group)).toBeNull();
    expect(group.controls.search.hasError('required')).toBe(true);
    group.controls.search.setValue('Universidad Naci');
    expect(institutionChoice(group)).toBeNull();
    expect(group.controls.search.errors).toEqual({ institutionPick: true });
  });

  it('is the picked institution’s id, and the field reads its name and acronym', () => {
    group.controls.search.setValue(UNAL);
    expect(group.valid).toBe(true);
    expect(institutionChoice(group)).toEqual({ institutionId: UNAL.id });
    expect(institutionLabel(UNAL)).toBe('Universidad Nacional de Colombia (UNAL)');
    expect(institutionLabel({ ...UNAL, acronym: null })).toBe('Universidad Nacional de Colombia');
  });

  it('is not required unless asked', () => {
    const optional = institutionFieldGroup();
    expect(optional.valid).toBe(true);
    expect(institutionChoice(optional)).toBeNull();
  });

  it('is a proposed institution once "not listed", with only the proposal validated and sent', () => {
    group.controls.search.setValue('Gobernación del Cauca');
    setNotListed(group, true, 'Gobernación del Cauca');
    expect(group.controls.search.disabled).toBe(true);
    expect(group.controls.proposedInstitution.controls.name.value).toBe('Gobernación del Cauca');
    expect(group.controls.proposedInstitution.controls.country.value).toBe('CO');
    expect(group.valid).toBe(true);
    expect(institutionChoice(group)).toEqual({
      proposedInstitution: { name: 'Gobernación del Cauca', country: 'CO' },
    });

    group.controls.proposedInstitution.controls.kind.setValue('government');
    expect(institutionChoice(group)).toEqual({
      proposedInstitution: { name: 'Gobernación del Cauca', country: 'CO', kind: 'government' },
    });

    group.controls.proposedInstitution.controls.name.setValue('  ');
    expect(group.controls.proposedInstitution.controls.name.hasError('required')).toBe(true);
    expect(group.invalid).toBe(true);
    expect(institutionChoice(group)).toBeNull();
  });

  it('goes back to searching, and resets to an empty search', () => {
    setNotListed(group, true, 'Something');
    setNotListed(group, false);
    expect(group.controls.proposedInstitution.disabled).toBe(true);
    expect(group.controls.search.enabled).toBe(true);

    group.controls.search.setValue(UNAL);
    setNotListed(group, true, 'Typed');
    resetInstitutionField(group, 'BR');
    expect(group.controls.notListed.value).toBe(false);
    expect(group.controls.search.value).toBe('');
    expect(group.controls.proposedInstitution.getRawValue()).toEqual({ name: '', country: 'BR', kind: '' });
  });

  it('puts the API’s field errors on the field that caused them', () => {
    expect(institutionErrorControl(group, 'institutionId')).toBe(group.controls.search);
    expect(institutionErrorControl(group, 'email')).toBeNull();
    setNotListed(group, true, 'X');
    const proposal = group.controls.proposedInstitution.controls;
    expect(institutionErrorControl(group, 'proposedInstitution.country')).toBe(proposal.country);
    expect(institutionErrorControl(group, 'proposedInstitution.kind')).toBe(proposal.kind);
    expect(institutionErrorControl(group, 'proposedInstitution.name')).toBe(proposal.name);
    expect(institutionErrorControl(group, 'institutionId')).toBe(proposal.name);
  });
});

const TEXTS = {
  fields: { countryProgramme: 'Programme countries', countryOthers: 'All countries' },
  validation: { required: 'This field is required.', invalid: 'Check this field.' },
  directoryFields: {
    institution: 'Institution',
    hint: 'Type part of its name',
    searching: 'Searching…',
    failed: 'The suggestions could not be loaded.',
    noMatch: 'No institution matches.',
    found: '{{count}} institutions found.',
    notListed: 'My institution is not listed',
    pickFromList: 'Choose from the list.',
    proposeTitle: 'Propose your institution',
    proposeLead: 'An administrator checks it.',
    proposedName: 'Name of the institution',
    proposedCountry: 'Country of the institution',
    proposedKind: 'Kind',
    kindUnknown: 'Not sure',
    kinds: { government: 'Government' },
    searchAgain: 'Search again',
  },
};

class InlineLoader implements TranslocoLoader {
  getTranslation() {
    return of(TEXTS);
  }
}

@Component({
  imports: [ReactiveFormsModule, InstitutionFieldComponent],
  template: `<aula-institution-field [group]="group" [country]="country()" />`,
})
class HostComponent {
  readonly group = institutionFieldGroup({ country: 'CO' });
  readonly country = signal<string | null>(null);
}

describe('InstitutionFieldComponent', () => {
  let fixture: ComponentFixture<HostComponent>;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTransloco({ config: { availableLangs: ['en'], defaultLang: 'en' }, loader: InlineLoader }),
        { provide: AuthService, useValue: { user: signal(null) } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(TranslocoService).setActiveLang('en');
    fixture = TestBed.createComponent(HostComponent);
    await fixture.whenStable();
  });

  afterEach(() => {
    http.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((node) => node.remove());
  });

  const host = () => fixture.nativeElement as HTMLElement;
  const input = () => host().querySelector<HTMLInputElement>('input') as HTMLInputElement;
  const options = () =>
    [...document.querySelectorAll<HTMLElement>('mat-option')].map((option) =>
      option.textContent?.replace(/\s+/g, ' ').trim(),
    );
  const status = () => host().querySelector('.status')?.textContent?.trim();
  const suggestions = (): TestRequest[] =>
    http.match((req) => req.url === directoryApi.suggestInstitutions.path);

  function type(text: string): void {
    const field = input();
    field.focus();
    field.dispatchEvent(new Event('focusin'));
    field.value = text;
    field.dispatchEvent(new Event('input'));
    fixture.detectChanges();
  }

  async function pause(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, SUGGEST_DELAY_MS + 30));
    fixture.detectChanges();
  }

  it('asks the directory once the person pauses, not at every keystroke', async () => {
    type('U');
    type('Un');
    type('Unal');
    expect(suggestions()).toEqual([]);
    await pause();
    const [request, ...more] = suggestions();
    expect(more).toEqual([]);
    expect(request?.request.params.get('q')).toBe('Unal');
    expect(request?.request.params.get('limit')).toBe(String(SUGGEST_LIMIT));
    expect(request?.request.params.has('country')).toBe(false);
    expect(host().querySelector('mat-progress-spinner')).not.toBeNull();
    expect(status()).toBe('Searching…');

    request?.flush([UNAL]);
    await fixture.whenStable();
    expect(host().querySelector('mat-progress-spinner')).toBeNull();
    expect(status()).toBe('1 institutions found.');
    expect(options()).toHaveLength(2);
    const option = document.querySelector('mat-option');
    expect(option?.querySelector('.name')?.textContent).toBe('Universidad Nacional de Colombia');
    expect(option?.querySelector('.name')?.getAttribute('dir')).toBe('auto');
    expect(option?.querySelector('.acronym')?.textContent).toBe('UNAL');
    expect(option?.querySelector('.country')?.textContent).toBe('Colombia');
    expect(options()[1]).toBe('My institution is not listed');
  });

  it('drops a slow answer once the person has typed on, so it never replaces the newer one', async () => {
    type('Universidad');
    await pause();
    const [stale] = suggestions();
    type('Universidad Nacional Aut');
    await pause();
    const [fresh] = suggestions();
    expect(stale?.cancelled).toBe(true);
    expect(fresh?.request.params.get('q')).toBe('Universidad Nacional Aut');
    fresh?.flush([UNAM]);
    await fixture.whenStable();
    expect(options()[0]).toContain('Universidad Nacional Autónoma de México');
    expect(options().join(' ')).not.toContain('UNAL');
  });

  it('narrows the suggestions to a country when given one', async () => {
    fixture.componentInstance.country.set('MX');
    fixture.detectChanges();
    type('Uni');
    await pause();
    const [request] = suggestions();
    expect(request?.request.params.get('country')).toBe('MX');
    request?.flush([UNAM]);
  });

  it('says so when the suggestions fail, and still offers "not listed"', async () => {
    type('Gobernación');
    await pause();
    suggestions()[0]?.flush({ title: 'Bad gateway' }, { status: 502, statusText: 'Bad Gateway' });
    await fixture.whenStable();
    expect(status()).toBe('The suggestions could not be loaded.');
    expect(options()).toEqual(['The suggestions could not be loaded.', 'My institution is not listed']);
  });

  it('picks a suggestion as the field’s value', async () => {
    type('Unal');
    await pause();
    suggestions()[0]?.flush([UNAL]);
    await fixture.whenStable();
    document.querySelectorAll<HTMLElement>('mat-option')[0]?.click();
    fixture.detectChanges();
    expect(institutionChoice(fixture.componentInstance.group)).toEqual({ institutionId: UNAL.id });
    expect(input().value).toBe('Universidad Nacional de Colombia (UNAL)');
    await pause();
    expect(suggestions()).toEqual([]);
  });

  it('"not listed" opens the proposal with what was typed, and "search again" comes back', async () => {
    type('Gobernación del Cauca');
    await pause();
    suggestions()[0]?.flush([]);
    await fixture.whenStable();
    expect(options()).toEqual(['No institution matches.', 'My institution is not listed']);
    const notListed = [...document.querySelectorAll<HTMLElement>('mat-option')].find((o) =>
      o.textContent?.includes('not listed'),
    );
    notListed?.click();
    fixture.detectChanges();
    await fixture.whenStable();

    const group = fixture.componentInstance.group;
    expect(group.controls.search.value).not.toBe(NOT_LISTED);
    expect(host().querySelector('legend')?.textContent?.trim()).toBe('Propose your institution');
    expect(host().querySelector<HTMLInputElement>('input[formcontrolname="name"]')?.value).toBe(
      'Gobernación del Cauca',
    );
    expect(institutionChoice(group)).toEqual({
      proposedInstitution: { name: 'Gobernación del Cauca', country: 'CO' },
    });
    await pause();
    expect(suggestions()).toEqual([]);

    [...host().querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Search again')?.click();
    fixture.detectChanges();
    await fixture.whenStable();
    await Promise.resolve();
    expect(host().querySelector('legend')).toBeNull();
    expect(input().value).toBe('Gobernación del Cauca');
    expect(institutionChoice(group)).toBeNull();
  });
});
