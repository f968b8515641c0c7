import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { t } from './support/i18n';
import { adminApi } from './support/admin-api';
import { DEMO, signIn } from './support/session';

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test('a tutor finds their cohort, reads its roster and downloads it', async ({ page, playwright }) => {
  test.setTimeout(60_000);
  // Set up through the API: a course, a cohort tutored by the demo tutor, one new trainee in it.
  const admin = await adminApi(playwright, test.info());
  const tutor = (
    await admin.get<{ items: { id: string; email: string }[] }>(
      `/api/admin/users?role=tutor&q=${encodeURIComponent(DEMO.tutor.email)}`,
    )
  ).items.find((person) => person.email === DEMO.tutor.email);
  expect(tutor, 'the demo tutor exists').toBeTruthy();
  const course = await admin.course(`e2e-tutoring-${run}`, `Tutoring practice ${run}`);
  const cohortName = `Tutored cohort ${run}`;
  const cohort = await admin.cohort(course.id, cohortName, {
    mode: 'approval',
    capacity: 10,
    tutorIds: [tutor!.id],
  });
  const trainee = { name: 'Nomvula Dlamini', email: `e2e.tutored.${run}@aula.example` };
  const person = await admin.register(trainee.email, trainee.name);
  await admin.post(`/api/admin/cohorts/${cohort.id}/enrolments`, { userId: person.id });
  await person.request.dispose();
  await admin.dispose();

  const { locale } = await signIn(page, DEMO.tutor.email);
  await page.getByRole('link', { name: new RegExp(cohortName) }).click();
  await expect(page.getByRole('heading', { level: 1, name: cohortName })).toBeVisible();

  const roster = page.getByRole('table', { name: t(locale, 'roster.caption') });
  const row = roster.getByRole('row', { name: new RegExp(trainee.name) });
  await expect(row).toContainText(t(locale, 'enrolment.status.active'));
  await expect(row.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '0');
  // Read-only for tutors: nothing to approve or withdraw.
  await expect(roster.getByRole('button')).toHaveCount(0);

  await page.getByLabel(t(locale, 'roster.statusFilter'), { exact: true }).selectOption('pending');
  await expect(page.getByText(t(locale, 'roster.noResults'))).toBeVisible();
  await page.getByLabel(t(locale, 'roster.statusFilter'), { exact: true }).selectOption('');
  await expect(row).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: t(locale, 'roster.export') }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.csv$/);
  const content = await readFile((await file.path())!, 'utf8');
  expect(content).toContain(trainee.email);
});
