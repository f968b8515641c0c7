import { expect, test } from '@playwright/test';
import { t } from './support/i18n';
import { adminApi } from './support/admin-api';
import { DEMO, signIn } from './support/session';

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** A small but real PDF (what its magic numbers say it is), as trainees hand in. */
const PDF = Buffer.from(
  `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% Plan ${run}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  'utf8',
);

test('a trainee writes an answer, adds a PDF and submits an assignment', async ({ page, playwright }) => {
  test.setTimeout(90_000);
  const admin = await adminApi(playwright, test.info());
  const course = await admin.course(`e2e-assignment-${run}`, `Assignment practice ${run}`);
  const module = await admin.post<{ id: string }>(`/api/admin/courses/${course.id}/modules`, {
    title: { en: 'Planning' },
  });
  const assignment = await admin.post<{ id: string }>(`/api/admin/modules/${module.id}/activities`, {
    kind: 'assignment',
    title: { en: 'Action plan' },
    body: { en: '<p>Write the action plan of your region.</p>' },
  });
  await admin.post(`/api/admin/courses/${course.id}/status`, { status: 'published' });
  const cohort = await admin.cohort(course.id, `Cohort ${run}`);
  const email = `assignment.${run}@e2e.aula.example`;
  const trainee = await admin.register(email, 'Rosa Quispe');
  const joined = await trainee.request.post(`/api/cohorts/${cohort.id}/enrol`, { headers: trainee.headers });
  expect(joined.ok(), 'enrolled').toBe(true);
  await trainee.request.dispose();
  await admin.dispose();

  const { locale } = await signIn(page, email, 'a long enough password');
  await page.goto(`/learn/activities/${assignment.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Action plan' })).toBeVisible();
  await expect(page.getByText('Write the action plan of your region.')).toBeVisible();

  const submit = page.getByRole('button', { name: t(locale, 'assignment.submit'), exact: true });
  await expect(submit).toBeDisabled();
  await page.getByLabel(t(locale, 'assignment.draft.text')).fill('Objective: water for every town.\n\nActivities: three.');
  await page.getByRole('button', { name: t(locale, 'assignment.draft.save') }).click();
  await expect(page.getByRole('status').filter({ hasText: t(locale, 'assignment.draftSaved') })).toBeVisible();

  await page.getByLabel(t(locale, 'assignment.files.add')).setInputFiles({
    name: 'plan-regional.pdf',
    mimeType: 'application/pdf',
    buffer: PDF,
  });
  const draftFile = page.getByRole('listitem').filter({ hasText: 'plan-regional.pdf' });
  await expect(draftFile).toBeVisible();

  // A page renamed .pdf is refused, with a message the trainee can act on.
  await page.getByLabel(t(locale, 'assignment.files.add')).setInputFiles({
    name: 'not-a-plan.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('<!doctype html><script>alert(1)</script>', 'utf8'),
  });
  await expect(page.getByRole('alert')).toContainText(
    t(locale, 'assignment.files.wrongType', { types: 'pdf, docx, xlsx, pptx, odt, ods, png, jpg, txt' }),
  );

  await submit.click();
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText('Action plan');
  await confirm.getByRole('button', { name: t(locale, 'assignment.submit'), exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: t(locale, 'assignment.submitted') })).toBeVisible();

  const versions = page.getByRole('region', { name: t(locale, 'assignment.versions.title') });
  await expect(versions).toContainText(t(locale, 'assignment.versions.number', { number: 1 }));
  await expect(versions).toContainText(t(locale, 'assignment.versions.onTime'));
  await expect(versions).toContainText('Objective: water for every town.');
  await expect(versions.getByText('plan-regional.pdf')).toBeVisible();

  // Submitted work survives a reload, and the file downloads as it was sent.
  await page.reload();
  const download = page.waitForEvent('download');
  await page
    .getByRole('region', { name: t(locale, 'assignment.versions.title') })
    .getByRole('button', { name: t(locale, 'assignment.files.download', { name: 'plan-regional.pdf' }) })
    .click();
  expect((await download).suggestedFilename()).toBe('plan-regional.pdf');
});

test('an administrator sets an assignment up with a rubric from the course editor', async ({ page, playwright }) => {
  test.setTimeout(90_000);
  const admin = await adminApi(playwright, test.info());
  const course = await admin.course(`e2e-rubric-${run}`, `Rubric practice ${run}`);
  const module = await admin.post<{ id: string }>(`/api/admin/courses/${course.id}/modules`, {
    title: { en: 'Planning' },
  });
  const assignment = await admin.post<{ id: string }>(`/api/admin/modules/${module.id}/activities`, {
    kind: 'assignment',
    title: { en: 'Diagnosis report' },
  });
  const { locale } = await signIn(page, DEMO.admin.email);
  await page.goto(`/admin/courses/${course.id}`);
  await page.getByRole('link', { name: t(locale, 'assignment.admin.open', { name: 'Diagnosis report' }) }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Diagnosis report' })).toBeVisible();

  await page.getByLabel(t(locale, 'assignment.admin.latePolicy')).selectOption('penalty');
  await page.getByLabel(t(locale, 'assignment.admin.penaltyPerDay')).fill('5');
  await page.getByLabel(t(locale, 'assignment.admin.useRubric')).check();
  // The tabs open on the course's default language (English here).
  const language = t(locale, 'languageNames.en');
  await page.getByLabel(t(locale, 'assignment.admin.criterionTitle', { n: 1, language })).fill('Evidence');
  await page.getByLabel(t(locale, 'assignment.admin.levelTitle', { n: 1, language })).fill('Weak');
  await page.getByLabel(t(locale, 'assignment.admin.levelTitle', { n: 2, language })).fill('Strong');
  await page.getByLabel(t(locale, 'assignment.admin.points')).nth(1).fill('8');
  await expect(page.getByText(t(locale, 'assignment.admin.rubricTotal', { points: 8 }))).toBeVisible();
  await page.getByRole('button', { name: t(locale, 'actions.save') }).click();
  await expect(page.getByRole('status').filter({ hasText: t(locale, 'assignment.admin.saved') })).toBeVisible();

  const saved = await admin.get<{ maxPoints: number; latePolicy: string; rubric: { criteria: { levels: unknown[] }[] } }>(
    `/api/admin/assignments/${assignment.id}/settings`,
  );
  await admin.dispose();
  expect(saved).toMatchObject({ maxPoints: 8, latePolicy: 'penalty' });
  expect(saved.rubric.criteria[0].levels).toHaveLength(2);
});
