import { expect, test } from '@playwright/test';
import { exactly, t } from './support/i18n';
import { DEMO, accountButton, signIn } from './support/session';

test.describe('signing in', () => {
  for (const [role, person, sectionKey] of [
    ['admin', DEMO.admin, 'admin.home.tasksTitle'],
    ['tutor', DEMO.tutor, 'tutor.queue.title'],
    ['trainee', DEMO.trainee, 'learner.cohorts.title'],
  ] as const) {
    test(`${role} lands on the ${role} home page, in their own language`, async ({ page }) => {
      const { locale } = await signIn(page, person.email);

      await expect(page).toHaveURL(new RegExp(`${person.home}$`));
      await expect(page.getByRole('heading', { level: 1 })).toContainText(person.name);
      await expect(
        page.getByRole('heading', { level: 2, name: exactly(t(locale, sectionKey)) }),
      ).toBeVisible();
      await expect(accountButton(page, person.name)).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', new RegExp(`^${locale}`));

      // `/` is the way home for a signed-in person.
      await page.goto('/');
      await expect(page).toHaveURL(new RegExp(`${person.home}$`));
    });
  }

  test('a wrong password is refused with a clear message', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByLabel(t('en', 'fields.email')).fill(DEMO.trainee.email);
    await page.getByLabel(t('en', 'fields.password'), { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: t('en', 'auth.signIn.submit'), exact: true }).click();

    await expect(page.getByRole('alert')).toContainText(t('en', 'auth.signIn.wrongCredentials'));
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test('signing out returns to sign-in, and the session does not come back on reload', async ({ page }) => {
    const { locale } = await signIn(page, DEMO.traineeHan.email);

    await accountButton(page, DEMO.traineeHan.name).click();
    await page.getByRole('button', { name: t(locale, 'shell.signOut') }).click();

    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByText(t(locale, 'auth.signedOut'))).toBeVisible();
    await page.reload();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto('/learn');
    await expect(page).toHaveURL(/\/sign-in\?returnUrl=%2Flearn/);
  });

  test('a reload keeps the person signed in (session restored from the refresh cookie)', async ({ page }) => {
    await signIn(page, DEMO.tutorPt.email);
    await page.reload();
    await expect(page).toHaveURL(/\/tutor$/);
    await expect(accountButton(page, DEMO.tutorPt.name)).toBeVisible();
  });

  test('areas of other roles are closed to a trainee', async ({ page }) => {
    await signIn(page, DEMO.traineeEn.email);
    await page.goto('/admin/users');
    await expect(page).toHaveURL(/\/learn$/);
  });
});
