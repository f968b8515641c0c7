import { expect, test } from '@playwright/test';
import { t } from './support/i18n';
import { accountButton, signIn } from './support/session';

// A trainee no other journey signs in as; the profile is put back at the end.
const PERSON = { email: 'thiago.araujo@aula.example', name: 'Thiago Araújo' };

test('a trainee moves to another time zone and the home page follows', async ({ page }) => {
  const { locale, accessToken, timeZone } = await signIn(page, PERSON.email);
  try {
    await accountButton(page, PERSON.name).click();
    await page.getByRole('link', { name: t(locale, 'shell.profile') }).click();
    await expect(page.getByRole('heading', { level: 1, name: t(locale, 'profile.title') })).toBeVisible();

    const zone = page.getByRole('combobox', { name: t(locale, 'fields.timeZone') });
    await zone.fill('Ho Chi');
    await page.getByRole('option', { name: /Asia \/ Ho Chi Minh/ }).click();
    await page.getByRole('button', { name: t(locale, 'profile.save') }).click();
    await expect(page.getByRole('status').filter({ hasText: t(locale, 'profile.saved') })).toBeVisible();

    await page.goto('/learn');
    await expect(page.getByText(t(locale, 'home.timeZone', { zone: 'Asia / Ho Chi Minh' }))).toBeVisible();
  } finally {
    await page.request.patch('/api/me', {
      headers: { Authorization: `Bearer ${accessToken}` },
      data: { timeZone },
    });
  }
});

test('a wrong current password is pointed out next to the field', async ({ page }) => {
  const { locale } = await signIn(page, PERSON.email);
  await page.goto('/profile');
  const current = page.getByLabel(t(locale, 'fields.currentPassword'), { exact: true });
  await current.fill('not my password at all');
  await page.getByLabel(t(locale, 'fields.newPassword'), { exact: true }).fill('a brand new long password');
  await page.getByRole('button', { name: t(locale, 'profile.password.submit') }).click();

  await expect(current).toHaveAttribute('aria-invalid', 'true');
  await expect(current).toHaveAccessibleDescription(t(locale, 'validation.currentPassword'));
});
