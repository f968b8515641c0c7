import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { t } from './support/i18n';
import { adminApi } from './support/admin-api';
import { DEMO, signIn } from './support/session';

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test('an administrator uploads the file of an activity, and it downloads from the player', async ({
  page,
  playwright,
}) => {
  test.setTimeout(60_000);
  const admin = await adminApi(playwright, test.info());
  const course = await admin.course(`e2e-files-${run}`, `Files practice ${run}`);
  await admin.post(`/api/admin/courses/${course.id}/modules`, { title: { en: 'Readings' } });
  await admin.dispose();

  const { locale } = await signIn(page, DEMO.admin.email);
  await page.goto(`/admin/courses/${course.id}`);
  // Not publishable yet, and the editor says why, in the administrator's language.
  await page.getByRole('button', { name: t(locale, 'admin.course.publish') }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: t(locale, 'admin.course.problems.title') }),
  ).toContainText(t(locale, 'admin.course.problems.noActivities'));

  await page.getByRole('button', { name: new RegExp(`^${t(locale, 'admin.activity.add')}`) }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(t(locale, 'admin.activity.kind')).selectOption('file');
  await dialog
    .getByLabel(t(locale, 'admin.course.fields.titleIn', { language: t(locale, 'languageNames.en') }))
    .fill('Basin data');
  const content = `town,population\nSanta Rosa,12000\n${run}\n`;
  await dialog.getByLabel(t(locale, 'admin.activity.chooseFile')).setInputFiles({
    name: 'cuenca-datos.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(content, 'utf8'),
  });
  await dialog.getByRole('button', { name: t(locale, 'actions.save') }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('cuenca-datos.csv')).toBeVisible();

  // Administrators may open any activity in the player, as a learner would see it.
  await page.getByRole('link', { name: t(locale, 'admin.course.preview') }).click();
  await page.getByRole('link', { name: 'Basin data' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Basin data' })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: t(locale, 'activity.download') }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('cuenca-datos.csv');
  expect(await readFile((await file.path())!, 'utf8')).toContain(run);
});
