import { expect, test } from '@playwright/test';
import { t } from './support/i18n';
import { DEMO, signIn } from './support/session';

test('the admin finds people by name, including accented names', async ({ page }) => {
  const { locale } = await signIn(page, DEMO.admin.email);
  await page.getByRole('link', { name: t(locale, 'admin.home.usersLink') }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole('heading', { level: 1, name: t(locale, 'admin.users.title') })).toBeVisible();

  const table = page.getByRole('table');
  await expect(table.getByRole('row', { name: new RegExp(DEMO.traineePt.name) })).toBeVisible();
  await expect(table.getByRole('row', { name: new RegExp(DEMO.trainee.name) })).toBeVisible();

  await page.getByRole('searchbox', { name: t(locale, 'admin.users.search') }).fill('Ñúñez');
  await expect(table.getByRole('row', { name: new RegExp(DEMO.traineePt.name) })).toHaveCount(0);
  const jose = table.getByRole('row', { name: new RegExp(DEMO.trainee.name) });
  await expect(jose).toBeVisible();
  await expect(jose).toContainText(t(locale, 'roles.trainee'));
  await expect(jose).toContainText(DEMO.trainee.email);
});

test('the admin filters by role', async ({ page }) => {
  const { locale } = await signIn(page, DEMO.admin.email);
  await page.goto('/admin/users');
  await page.getByRole('combobox', { name: t(locale, 'admin.users.roleFilter') }).click();
  await page.getByRole('option', { name: t(locale, 'roles.tutor'), exact: true }).click();

  const table = page.getByRole('table');
  await expect(table.getByRole('row', { name: new RegExp(DEMO.tutor.name) })).toBeVisible();
  await expect(table.getByRole('row', { name: new RegExp(DEMO.trainee.name) })).toHaveCount(0);
});

test('the admin changes roles and deactivates an account, confirming each time', async ({ page }) => {
  // A trainee no other journey signs in as; every change is undone at the end.
  const person = { name: 'Martín Quiroga', email: 'martin.quiroga@aula.example' };
  const { locale } = await signIn(page, DEMO.admin.email);
  await page.goto('/admin/users');
  await page.getByRole('searchbox', { name: t(locale, 'admin.users.search') }).fill('Quiroga');
  const row = page.getByRole('table').getByRole('row', { name: new RegExp(person.name) });
  await expect(row).toHaveCount(1);

  // Roles: give the tutor role, then take it back.
  for (const give of [true, false]) {
    await row
      .getByRole('button', { name: t(locale, 'admin.users.changeRolesFor', { name: person.name }) })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('checkbox', { name: t(locale, 'roles.tutor') }).setChecked(give);
    await dialog.getByRole('button', { name: t(locale, 'actions.save') }).click();
    await expect(dialog).toBeHidden();
    if (give) await expect(row).toContainText(t(locale, 'roles.tutor'));
    else await expect(row).not.toContainText(t(locale, 'roles.tutor'));
  }

  // Deactivate: cancelling changes nothing; confirming does.
  const deactivate = row.getByRole('button', {
    name: t(locale, 'admin.users.deactivateFor', { name: person.name }),
  });
  await deactivate.click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: t(locale, 'actions.cancel') })
    .click();
  await expect(row).toContainText(t(locale, 'admin.users.active'));

  await deactivate.click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: t(locale, 'admin.users.deactivate') })
    .click();
  await expect(row).toContainText(t(locale, 'admin.users.inactive'));

  await row
    .getByRole('button', { name: t(locale, 'admin.users.activateFor', { name: person.name }) })
    .click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: t(locale, 'admin.users.activate') })
    .click();
  await expect(row).toContainText(t(locale, 'admin.users.active'));
});
