import { FormArray, FormControl, FormGroup } from '@angular/forms';
import {
  LOCALES,
  type Locale,
  type Translations,
  type WorkshopQuestion,
  type WorkshopQuestionKind,
} from '@aula/contracts';

/** Text per language, one control each (en, es, pt). */
export type TranslationsGroup = FormGroup<Record<Locale, FormControl<string>>>;

export interface OptionControls {
  id: FormControl<string>;
  label: TranslationsGroup;
}

export interface QuestionControls {
  id: FormControl<string>;
  kind: FormControl<WorkshopQuestionKind>;
  prompt: TranslationsGroup;
  required: FormControl<boolean>;
  options: FormArray<FormGroup<OptionControls>>;
}

export type QuestionGroup = FormGroup<QuestionControls>;

const translationsGroup = (value: Translations = {}): TranslationsGroup =>
  new FormGroup(
    Object.fromEntries(
      LOCALES.map((l) => [l, new FormControl(value[l] ?? '', { nonNullable: true })]),
    ) as Record<Locale, FormControl<string>>,
  );

/** A fresh id not yet used among `taken` (q1, q2, …): answers are kept by it. */
export function freshId(prefix: string, taken: readonly string[]): string {
  let n = taken.length + 1;
  while (taken.includes(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

export function optionGroup(id: string, label: Translations = {}): FormGroup<OptionControls> {
  return new FormGroup<OptionControls>({
    id: new FormControl(id, { nonNullable: true }),
    label: translationsGroup(label),
  });
}

export function questionGroup(q: WorkshopQuestion): QuestionGroup {
  return new FormGroup<QuestionControls>({
    id: new FormControl(q.id, { nonNullable: true }),
    kind: new FormControl(q.kind, { nonNullable: true }),
    prompt: translationsGroup(q.prompt),
    required: new FormControl(q.required, { nonNullable: true }),
    options: new FormArray((q.options ?? []).map((o) => optionGroup(o.id, o.label))),
  });
}

const filled = (t: Record<string, string>): Translations =>
  Object.fromEntries(
    Object.entries(t).flatMap(([k, v]) => (v.trim() ? [[k, v.trim()]] : [])),
  ) as Translations;

/** What is sent: empty languages left out; options only on choice questions. */
export function questionsRequest(list: FormArray<QuestionGroup>): WorkshopQuestion[] {
  return list.getRawValue().map((q) => ({
    id: q.id,
    kind: q.kind,
    prompt: filled(q.prompt),
    required: q.required,
    ...(q.kind === 'choice' ? { options: q.options.map((o) => ({ id: o.id, label: filled(o.label) })) } : {}),
  }));
}
