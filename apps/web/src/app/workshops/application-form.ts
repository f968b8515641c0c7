import { FormControl, FormGroup, Validators, type AbstractControl } from '@angular/forms';
import {
  DIRECTORY_LIMITS,
  WORKSHOP_LIMITS,
  type StakeholderSector,
  type WorkshopQuestionPublicView,
  type WorkshopRegistrationRequest,
} from '@aula/contracts';
import {
  institutionChoice,
  institutionFieldGroup,
  type InstitutionFieldGroup,
} from '../shared/institution-field';

/**
 * The workshop application form: the person's country, institution (from the directory, or
 * proposed), position, stakeholder sector, region, motivation, accessibility needs, and one
 * control per organiser question under `answers` (keyed by question id, as the API names them).
 */
export interface ApplicationControls {
  country: FormControl<string>;
  institution: InstitutionFieldGroup;
  position: FormControl<string>;
  sector: FormControl<StakeholderSector | ''>;
  regionId: FormControl<string>;
  motivation: FormControl<string>;
  accessibilityNeeds: FormControl<string>;
  answers: FormGroup<Record<string, FormControl<string>>>;
}

export type ApplicationForm = FormGroup<ApplicationControls>;

export function applicationForm(
  questions: readonly WorkshopQuestionPublicView[],
  country: string | null,
): ApplicationForm {
  const answers: Record<string, FormControl<string>> = {};
  for (const q of questions)
    answers[q.id] = new FormControl('', {
      nonNullable: true,
      validators: [
        ...(q.required ? [Validators.required] : []),
        ...(q.kind === 'text' ? [Validators.maxLength(WORKSHOP_LIMITS.answer)] : []),
      ],
    });
  return new FormGroup<ApplicationControls>({
    country: new FormControl(country ?? '', { nonNullable: true }),
    institution: institutionFieldGroup({ country }),
    position: new FormControl('', {
      nonNullable: true,
      validators: [Validators.maxLength(DIRECTORY_LIMITS.position)],
    }),
    sector: new FormControl<StakeholderSector | ''>('', { nonNullable: true }),
    regionId: new FormControl('', { nonNullable: true }),
    motivation: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(WORKSHOP_LIMITS.motivation)],
    }),
    accessibilityNeeds: new FormControl('', {
      nonNullable: true,
      validators: [Validators.maxLength(WORKSHOP_LIMITS.accessibilityNeeds)],
    }),
    answers: new FormGroup(answers),
  });
}

/** What is sent: only what was filled in, trimmed; blank answers left out. */
export function applicationRequest(form: ApplicationForm): WorkshopRegistrationRequest {
  const value = form.getRawValue();
  const institution = institutionChoice(form.controls.institution);
  const answers = Object.fromEntries(
    Object.entries(value.answers).flatMap(([id, text]) => (text.trim() ? [[id, text.trim()]] : [])),
  );
  return {
    ...(value.country ? { country: value.country } : {}),
    ...(institution ?? {}),
    ...(value.position.trim() ? { position: value.position.trim() } : {}),
    ...(value.sector ? { sector: value.sector } : {}),
    ...(value.regionId ? { regionId: value.regionId } : {}),
    motivation: value.motivation.trim(),
    ...(value.accessibilityNeeds.trim() ? { accessibilityNeeds: value.accessibilityNeeds.trim() } : {}),
    ...(Object.keys(answers).length ? { answers } : {}),
  };
}

/** Where a field the API names goes in the form (`institutionId` is the institution's search). */
export function applicationControlFor(form: ApplicationForm, path: string): AbstractControl | null {
  if (path === 'institutionId') return form.controls.institution.controls.search;
  if (path.startsWith('proposedInstitution.'))
    return form.controls.institution.controls.proposedInstitution.get(
      path.slice('proposedInstitution.'.length),
    );
  if (path.startsWith('answers.')) return form.controls.answers.get([path.slice('answers.'.length)]);
  return form.get(path) ?? null;
}
