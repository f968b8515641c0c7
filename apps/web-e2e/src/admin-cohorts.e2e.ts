import { expect, test } from '@playwright/test';
import { t } from './support/i18n';
import { adminApi } from './support/admin-api';
import { DEMO, signIn } from './support/session';

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test('an administrator approves a request, withdraws someone and enrols a person by name', async ({
  page,
  playwright,
}) => {
  test.setTimeout(60_000);
  const admin = await adminApi(playwright, test.info());
  const course = await admin.course(`e2e-approvals-${run}`, `Approvals practice ${run}`);
  const cohortName = `Approval cohort ${run}`;
  const cohort = await admin.cohort(course.id, cohortName, { mode: 'approval', capacity: 5 });
  // Asking to join needs a published course: a module and an activity first.
  const module = await admin.post<{ id: string }>(`/api/admin/courses/${course.id}/modules`, {
    title: { en: 'Only module' },
  });
  await admin.post(`/api/admin/modules/${module.id}/activities`, {
    kind: 'page',
    title: { en: 'Only page' },
  });
  await admin.post(`/api/admin/courses/${course.id}/status`, { status: 'published' });

  const asking = { name: 'Thandiwe Moyo', email: `e2e.asking.${run}@aula.example` };
  const asker = await admin.register(asking.email, asking.name);
  const asked = await asker.request.post(`/api/cohorts/${cohort.id}/enrol`, { headers: asker.headers });
  expect(asked.ok(), 'the request to join').toBe(true);
  await asker.request.dispose();
  const later = { name: 'Rahel Tesfaye', email: `e2e.later.${run}@aula.example` };
  (await admin.register(later.email, later.name)).request.dispose();
  await admin.dispose();

  const { locale } = await signIn(page, DEMO.admin.email);
  await page.goto(`/admin/cohorts/${cohort.id}`);
  await expect(page.getByRole('heading', { level: 1, name: cohortName })).toBeVisible();
  const roster = page.getByRole('table', { name: t(locale, 'roster.caption') });
  const row = roster.getByRole('row', { name: new RegExp(asking.name) });
  await expect(row).toContainText(t(locale, 'enrolment.status.pending'));

  await row
    .getByRole('button', { name: t(locale, 'roster.actionsFor.approve', { name: asking.name }) })
    .click();
  await expect(row).toContainText(t(locale, 'enrolment.status.active'));

  await row
    .getByRole('button', { name: t(locale, 'roster.actionsFor.withdraw', { name: asking.name }) })
    .click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(asking.name);
  await dialog.getByRole('button', { name: t(locale, 'roster.actions.withdraw') }).click();
  await expect(row).toContainText(t(locale, 'enrolment.status.withdrawn'));

  // Someone with an account, found by their email.
  await page.getByRole('combobox', { name: t(locale, 'admin.cohort.addPerson') }).fill(later.email);
  await page.getByRole('option', { name: new RegExp(later.name) }).click();
  await page.getByRole('button', { name: t(locale, 'admin.cohort.enrol'), exact: true }).click();
  await expect(roster.getByRole('row', { name: new RegExp(later.name) })).toContainText(
    t(locale, 'enrolment.status.active'),
  );
});
