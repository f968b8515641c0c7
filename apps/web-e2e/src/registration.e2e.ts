import { expect, test } from '@playwright/test';
import { t } from './support/i18n';

test.describe('registration', () => {
  test.beforeEach(async ({ page, request }) => {
    // The test platform runs with the default configuration, where people may register.
    const platform = (await (await request.get('/api/platform')).json()) as { registrationEnabled: boolean };
    expect(platform.registrationEnabled).toBe(true);
    await page.goto('/register');
  });

  test('a malformed email is pointed out next to the field', async ({ page }) => {
    await page.getByLabel(t('en', 'fields.displayName')).fill('Chidi Okonkwo');
    const email = page.getByLabel(t('en', 'fields.email'));
    await email.fill('chidi.at.example');
    await page.getByLabel(t('en', 'fields.password'), { exact: true }).fill('a long enough password');
    await page.getByRole('button', { name: t('en', 'auth.register.submit'), exact: true }).click();

    await expect(email).toHaveAttribute('aria-invalid', 'true');
    await expect(email).toBeFocused();
    await expect(email).toHaveAccessibleDescription(
      new RegExp(t('en', 'validation.email').replace('.', '\\.')),
    );
  });

  test('an email the API refuses gets its message next to the field', async ({ page }) => {
    await page.getByLabel(t('en', 'fields.displayName')).fill('Chidi Okonkwo');
    const email = page.getByLabel(t('en', 'fields.email'));
    // Passes the browser's check, not the API's (no domain suffix): the API answers 400 with a field error.
    await email.fill('chidi@localhost');
    await page.getByLabel(t('en', 'fields.password'), { exact: true }).fill('a long enough password');
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/auth/register'));
    await page.getByRole('button', { name: t('en', 'auth.register.submit'), exact: true }).click();
    expect((await answer).status()).toBe(400);

    await expect(email).toHaveAttribute('aria-invalid', 'true');
    await expect(email).toHaveAccessibleDescription(/\S/);
    await expect(page).toHaveURL(/\/register/);
  });

  test('an email already in use is pointed out next to the field', async ({ page }) => {
    await page.getByLabel(t('en', 'fields.displayName')).fill('José Otra Vez');
    const email = page.getByLabel(t('en', 'fields.email'));
    await email.fill('jose.nunez@aula.example');
    await page.getByLabel(t('en', 'fields.password'), { exact: true }).fill('a long enough password');
    await page.getByRole('button', { name: t('en', 'auth.register.submit'), exact: true }).click();

    await expect(email).toHaveAccessibleDescription(
      new RegExp(t('en', 'validation.emailTaken').split('.')[0]!),
    );
  });

  test('a new trainee registers and lands on the learner home', async ({ page }) => {
    const unique = `e2e.${Date.now()}.${Math.random().toString(36).slice(2, 8)}@aula.example`;
    await page.getByLabel(t('en', 'fields.displayName')).fill('محمد Test');
    await page.getByLabel(t('en', 'fields.email')).fill(unique);
    await page.getByLabel(t('en', 'fields.password'), { exact: true }).fill('a long enough password');
    await page.getByRole('button', { name: t('en', 'auth.register.submit'), exact: true }).click();

    await expect(page).toHaveURL(/\/learn$/);
    await expect(
      page.getByRole('heading', { level: 2, name: t('en', 'learner.cohorts.title') }),
    ).toBeVisible();
  });
});
