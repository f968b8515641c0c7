import { BadRequestException } from '@nestjs/common';
import type { EffectiveSchedule } from '@aula/contracts';
import { catalogSampleFiles } from '@aula/server/catalog';
import {
  fileTypeOf,
  hasText,
  isOdsPackage,
  lateSeconds,
  rubricMaxPoints,
  rubricPoints,
  rubricView,
  submitBlock,
  validateRubric,
  validateSettingsInput,
  type SubmitContext,
} from './assignment.rules';

const pathOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof BadRequestException)) throw e;
    return (e.getResponse() as { errors: { path: string }[] }).errors[0].path;
  }
  return undefined;
};

const rubric = {
  criteria: [
    { id: 'c1', title: { en: ' Diagnosis ', es: 'Diagnóstico' }, levels: [{ id: 'a', title: { en: 'Weak' }, points: 0 }, { id: 'b', title: { en: 'Strong' }, points: 7.5 }] },
    { id: 'c2', title: { en: 'Plan' }, levels: [{ id: 'c', title: { en: 'Vague' }, points: 3 }, { id: 'd', title: { en: 'Concrete' }, points: 2 }] },
  ],
};

describe('validateRubric', () => {
  it('keeps a valid rubric, with titles tidied', () => {
    const clean = validateRubric(rubric);
    expect(clean.criteria[0].title).toEqual({ en: 'Diagnosis', es: 'Diagnóstico' });
    expect(clean.criteria[1].levels.map((l) => l.points)).toEqual([3, 2]);
  });

  it('names the exact field that is wrong', () => {
    const bad = (change: (r: typeof rubric) => unknown) => {
      const copy = structuredClone(rubric) as typeof rubric;
      change(copy);
      return pathOf(() => validateRubric(copy));
    };
    expect(bad((r) => (r.criteria[1].levels[0].points = -1))).toBe('rubric.criteria[1].levels[0].points');
    expect(bad((r) => ((r.criteria[0].levels[1] as { points: unknown }).points = '5'))).toBe('rubric.criteria[0].levels[1].points');
    expect(bad((r) => (r.criteria[1].id = 'c1'))).toBe('rubric.criteria[1].id');
    expect(bad((r) => (r.criteria[1].levels[0].id = 'a'))).toBe('rubric.criteria[1].levels[0].id');
    expect(bad((r) => (r.criteria[0].title = { en: '\n' }))).toBe('rubric.criteria[0].title');
    expect(bad((r) => ((r.criteria[0].title as Record<string, string>)['fr'] = 'x'))).toBe('rubric.criteria[0].title.fr');
    expect(bad((r) => (r.criteria[0].levels = []))).toBe('rubric.criteria[0].levels');
    expect(bad((r) => ((r as Record<string, unknown>)['total'] = 10))).toBe('rubric.total');
    expect(pathOf(() => validateRubric('nope'))).toBe('rubric');
  });
});

describe('rubric points', () => {
  it('max points add up each criterion’s highest level, wherever it is', () => {
    expect(rubricMaxPoints(rubric)).toBe(10.5);
  });
  it('marks give points only when every criterion has a known level', () => {
    expect(rubricPoints(rubric, { c1: 'b', c2: 'd' })).toBe(9.5);
    expect(rubricPoints(rubric, { c1: 'b' })).toBeNull();
    expect(rubricPoints(rubric, { c1: 'b', c2: 'zzz' })).toBeNull();
  });
  it('shows titles in the reader’s language, falling back to the default', () => {
    const view = rubricView(validateRubric(rubric), 'es', 'en');
    expect(view?.criteria.map((c) => c.title)).toEqual(['Diagnóstico', 'Plan']);
  });
});

describe('validateSettingsInput', () => {
  it('names the first wrong field', () => {
    expect(pathOf(() => validateSettingsInput({ maxFiles: 21 }))).toBe('maxFiles');
    expect(pathOf(() => validateSettingsInput({ maxFileBytes: 10 }))).toBe('maxFileBytes');
    expect(pathOf(() => validateSettingsInput({ allowedFileTypes: ['pdf', 'exe' as never] }))).toBe('allowedFileTypes[1]');
    expect(pathOf(() => validateSettingsInput({ latePenaltyPercentPerDay: 0.001 }))).toBe('latePenaltyPercentPerDay');
    expect(pathOf(() => validateSettingsInput({ maxPoints: 0 }))).toBe('maxPoints');
  });
  it('removes duplicated file types', () => {
    expect(validateSettingsInput({ allowedFileTypes: ['pdf', 'pdf', 'png'] }).allowedFileTypes).toEqual(['pdf', 'png']);
  });
});

describe('submitBlock and lateness', () => {
  const now = new Date('2026-03-10T12:00:00Z');
  const schedule = (dueAt: string | null, closesAt: string | null): EffectiveSchedule => ({ opensAt: null, dueAt, closesAt, extended: false });
  const ctx = (over: Partial<SubmitContext>): SubmitContext => ({
    enrolmentStatus: 'active',
    schedule: schedule(null, null),
    latePolicy: 'accept',
    allowResubmission: true,
    submittedVersions: 0,
    now,
    ...over,
  });

  it('lets an active trainee submit late under accept and penalty, until the cut-off', () => {
    const due = schedule('2026-03-09T12:00:00Z', '2026-03-11T12:00:00Z');
    expect(submitBlock(ctx({ schedule: due }))).toBeNull();
    expect(submitBlock(ctx({ schedule: due, latePolicy: 'penalty' }))).toBeNull();
    expect(submitBlock(ctx({ schedule: schedule('2026-03-09T12:00:00Z', '2026-03-10T11:59:59Z') }))).toBe('closed');
  });

  it("refuses after the due date under 'refuse' when there is no cut-off", () => {
    expect(submitBlock(ctx({ latePolicy: 'refuse', schedule: schedule('2026-03-10T11:00:00Z', null) }))).toBe('late-refused');
    expect(submitBlock(ctx({ latePolicy: 'refuse', schedule: schedule('2026-03-10T13:00:00Z', null) }))).toBeNull();
    expect(submitBlock(ctx({ latePolicy: 'accept', schedule: schedule('2026-03-10T11:00:00Z', null) }))).toBeNull();
  });

  it('knows enrolment and resubmission rules', () => {
    expect(submitBlock(ctx({ enrolmentStatus: null }))).toBe('not-enrolled');
    expect(submitBlock(ctx({ enrolmentStatus: 'completed' }))).toBe('not-active');
    expect(submitBlock(ctx({ submittedVersions: 1, allowResubmission: false }))).toBe('no-resubmission');
    expect(submitBlock(ctx({ submittedVersions: 1 }))).toBeNull();
  });

  it('counts whole seconds after the due date', () => {
    expect(lateSeconds(null, now)).toBe(0);
    expect(lateSeconds('2026-03-10T13:00:00Z', now)).toBe(0);
    expect(lateSeconds('2026-03-10T11:00:00Z', now)).toBe(3600);
  });
});

describe('file types and text', () => {
  it('maps an inspected name to its assignment type', () => {
    expect(fileTypeOf('Plan.PDF')).toBe('pdf');
    expect(fileTypeOf('photo.jpeg')).toBe('jpg');
    expect(fileTypeOf('clip.mp4')).toBeNull();
    expect(fileTypeOf('noext')).toBeNull();
  });
  it('recognises an OpenDocument spreadsheet by its mimetype entry, and nothing else', () => {
    const ods = catalogSampleFiles.sampleZip({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' });
    expect(isOdsPackage(ods)).toBe(true);
    expect(isOdsPackage(catalogSampleFiles.sampleDocx())).toBe(false);
    expect(isOdsPackage(catalogSampleFiles.samplePdf())).toBe(false);
  });
  it('counts text only when something besides markup is left', () => {
    expect(hasText('<p> &nbsp;</p>')).toBe(false);
    expect(hasText('<p>Hola</p>')).toBe(true);
    expect(hasText(null)).toBe(false);
  });
});
