import {
  FormControl,
  FormGroup,
  Validators,
  type AbstractControl,
  type ValidationErrors,
  type ValidatorFn,
} from '@angular/forms';
import {
  DIRECTORY_LIMITS,
  type InstitutionKind,
  type InstitutionRef,
  type ProposedInstitution,
} from '@aula/contracts';

/**
 * The form behind the institution field: what the person typed or picked from the directory,
 * or, once they say their institution is not listed, the institution they propose. Parents put
 * it in their own form and read `institutionChoice(group)` when they send.
 */
export interface ProposedInstitutionControls {
  name: FormControl<string>;
  country: FormControl<string>;
  kind: FormControl<InstitutionKind | ''>;
}

export interface InstitutionFieldControls {
  /** The text typed so far, or the institution picked from the suggestions. */
  search: FormControl<InstitutionRef | string>;
  notListed: FormControl<boolean>;
  proposedInstitution: FormGroup<ProposedInstitutionControls>;
}

export type InstitutionFieldGroup = FormGroup<InstitutionFieldControls>;

/** The field's value: an institution of the directory, a proposed one, or nothing. */
export type InstitutionChoice =
  { institutionId: string } | { proposedInstitution: ProposedInstitution } | null;

export function isInstitutionRef(value: unknown): value is InstitutionRef {
  return typeof value === 'object' && value !== null && typeof (value as InstitutionRef).id === 'string';
}

/** Typed text that was never turned into a choice is an error: the person may think they answered. */
export function pickedInstitution(required: boolean): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const value: unknown = control.value;
    if (isInstitutionRef(value)) return null;
    const text = typeof value === 'string' ? value.trim() : '';
    if (text) return { institutionPick: true };
    return required ? { required: true } : null;
  };
}

/** Spaces alone are no name. */
const notBlank: ValidatorFn = (control) =>
  typeof control.value === 'string' && !control.value.trim() ? { required: true } : null;

export function institutionFieldGroup(
  options: { required?: boolean; country?: string | null } = {},
): InstitutionFieldGroup {
  const group = new FormGroup<InstitutionFieldControls>({
    search: new FormControl<InstitutionRef | string>('', {
      nonNullable: true,
      validators: [pickedInstitution(options.required ?? false)],
    }),
    notListed: new FormControl(false, { nonNullable: true }),
    proposedInstitution: new FormGroup<ProposedInstitutionControls>({
      name: new FormControl('', {
        nonNullable: true,
        validators: [notBlank, Validators.maxLength(DIRECTORY_LIMITS.name)],
      }),
      country: new FormControl(options.country ?? '', {
        nonNullable: true,
        validators: [Validators.required],
      }),
      kind: new FormControl<InstitutionKind | ''>('', { nonNullable: true }),
    }),
  });
  group.controls.proposedInstitution.disable({ emitEvent: false });
  return group;
}

/**
 * Switches between searching the directory and proposing an institution. Only the visible part
 * is enabled, so only it is validated and sent. `name` starts the proposal with what was typed.
 */
export function setNotListed(group: InstitutionFieldGroup, notListed: boolean, name?: string): void {
  const { search, proposedInstitution } = group.controls;
  if (notListed) {
    // Quietly: the search must not look the text up again as it hides.
    search.disable({ emitEvent: false });
    proposedInstitution.enable();
    if (name !== undefined && !proposedInstitution.controls.name.value.trim())
      proposedInstitution.controls.name.setValue(name.trim());
  } else {
    proposedInstitution.disable();
    search.enable({ emitEvent: false });
  }
  group.controls.notListed.setValue(notListed);
}

/** Back to an empty search (after the choice was saved). */
export function resetInstitutionField(group: InstitutionFieldGroup, country?: string | null): void {
  setNotListed(group, false);
  group.controls.search.reset('');
  group.controls.proposedInstitution.reset({ name: '', country: country ?? '', kind: '' });
}

export function institutionChoice(group: InstitutionFieldGroup): InstitutionChoice {
  const { search, notListed, proposedInstitution } = group.getRawValue();
  if (notListed) {
    const name = proposedInstitution.name.trim();
    if (!name || !proposedInstitution.country) return null;
    return {
      proposedInstitution: {
        name,
        country: proposedInstitution.country,
        ...(proposedInstitution.kind ? { kind: proposedInstitution.kind } : {}),
      },
    };
  }
  return isInstitutionRef(search) ? { institutionId: search.id } : null;
}

/**
 * Where an API field error about the institution belongs: `institutionId` on the search,
 * `proposedInstitution.*` on the proposal's own fields. Null for any other path.
 */
export function institutionErrorControl(group: InstitutionFieldGroup, path: string): AbstractControl | null {
  if (path === 'institutionId')
    return group.controls.notListed.value
      ? group.controls.proposedInstitution.controls.name
      : group.controls.search;
  if (path === 'proposedInstitution') return group.controls.proposedInstitution.controls.name;
  if (path.startsWith('proposedInstitution.')) {
    const field = path.slice('proposedInstitution.'.length);
    return group.controls.proposedInstitution.get(field) ?? group.controls.proposedInstitution.controls.name;
  }
  return null;
}

/** "Universidad Nacional de Colombia (UNAL)": how a picked institution reads in the field. */
export function institutionLabel(value: InstitutionRef | string | null | undefined): string {
  if (typeof value === 'string') return value;
  if (!value) return '';
  return value.acronym && value.acronym !== value.displayName
    ? `${value.displayName} (${value.acronym})`
    : value.displayName;
}
