import { describe, expect, it } from 'vitest';
import type { InstitutionRef, WorkshopQuestionPublicView } from '@aula/contracts';
import { setNotListed } from '../shared/institution-field';
import { applicationControlFor, applicationForm, applicationRequest } from './application-form';

const QUESTIONS: WorkshopQuestionPublicView[] = [
  { id: 'team-role', kind: 'text', prompt: 'Your role', required: true, options: [] },
  {
    id: 'language',
    kind: 'choice',
    prompt: 'Language',
    required: false,
    options: [
      { id: 'es', label: 'Spanish' },
      { id: 'pt', label: 'Portuguese' },
    ],
  },
];
const INSTITUTION: InstitutionRef = {
  id: 'i-1',
  displayName: 'Instituto',
  acronym: null,
  country: 'CO',
  status: 'active',
};

describe('workshop application form', () => {
  it('sends every filled field trimmed, the picked institution by id and the answers by question id', () => {
    const form = applicationForm(QUESTIONS, 'CO');
    form.patchValue({
      position: ' Coordinadora ',
      sector: 'government',
      regionId: 'r-1',
      motivation: '  Compartir  ',
      accessibilityNeeds: ' Subtítulos ',
      answers: { 'team-role': ' Lidero ', language: 'pt' },
    });
    form.controls.institution.controls.search.setValue(INSTITUTION);
    expect(applicationRequest(form)).toEqual({
      country: 'CO',
      institutionId: 'i-1',
      position: 'Coordinadora',
      sector: 'government',
      regionId: 'r-1',
      motivation: 'Compartir',
      accessibilityNeeds: 'Subtítulos',
      answers: { 'team-role': 'Lidero', language: 'pt' },
    });
  });

  it('leaves out what was not filled and sends a proposed institution when it is not listed', () => {
    const form = applicationForm(QUESTIONS, null);
    form.patchValue({ motivation: 'Aprender', answers: { 'team-role': 'x', language: '' } });
    setNotListed(form.controls.institution, true, 'Secretaría nueva');
    form.controls.institution.controls.proposedInstitution.controls.country.setValue('AR');
    expect(applicationRequest(form)).toEqual({
      proposedInstitution: { name: 'Secretaría nueva', country: 'AR' },
      motivation: 'Aprender',
      answers: { 'team-role': 'x' },
    });
  });

  it('requires the required questions only, and places the API’s field errors on their controls', () => {
    const form = applicationForm(QUESTIONS, null);
    form.patchValue({ motivation: 'Aprender' });
    expect(form.controls.answers.controls['team-role'].hasError('required')).toBe(true);
    expect(form.controls.answers.controls['language'].valid).toBe(true);
    expect(applicationControlFor(form, 'answers.team-role')).toBe(
      form.controls.answers.controls['team-role'],
    );
    expect(applicationControlFor(form, 'institutionId')).toBe(form.controls.institution.controls.search);
    expect(applicationControlFor(form, 'proposedInstitution.country')).toBe(
      form.controls.institution.controls.proposedInstitution.controls.country,
    );
    expect(applicationControlFor(form, 'sector')).toBe(form.controls.sector);
    expect(applicationControlFor(form, 'answers.unknown')).toBeNull();
  });
});
