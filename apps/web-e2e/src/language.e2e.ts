import { expect, test } from '@playwright/test';
import { exactly, t, type Lang } from './support/i18n';
import { signIn } from './support/session';

// A trainee no other journey looks at: the switch is saved to their profile.
const PERSON = { email: 'valentina.rios@aula.example', name: 'Valentina Ríos' };

async function switchTo(page: import('@playwright/test').Page, from: Lang, to: Lang) {
  await page
    .getByRole('banner')
    .getByRole('button', { name: new RegExp(t(from, 'shell.language')) })
    .click();
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/me') && r.request().method() === 'PATCH');
  await page.getByRole('button', { name: t(to, `languageNames.${to}`), exact: true }).click();
  expect((await saved).ok()).toBe(true);
}

test('switching language changes the home page and is remembered', async ({ page }) => {
  const { locale: original, accessToken } = await signIn(page, PERSON.email);
  const cohorts = (lang: Lang) =>
    page.getByRole('heading', { level: 2, name: exactly(t(lang, 'learner.cohorts.title')) });
  await expect(cohorts(original)).toBeVisible();

  try {
    let current = original;
    for (const next of ['es', 'pt'] as const) {
      if (next === current) continue;
      await switchTo(page, current, next);
      current = next;
      await expect(cohorts(next)).toBeVisible();
      // The top bar follows too (this trainee's home may or may not list cohorts).
      await expect(
        page.getByRole('banner').getByRole('link', { name: t(next, 'shell.catalogue') }),
      ).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', new RegExp(`^${next}`));
      await expect(page).toHaveTitle(new RegExp(t(next, 'titles.learnerHome')));
    }

    // Saved to the profile: a fresh load comes back in Portuguese.
    await page.reload();
    await expect(cohorts('pt')).toBeVisible();

    if (original !== 'pt') await switchTo(page, 'pt', original);
    await expect(cohorts(original)).toBeVisible();
  } finally {
    // Leave the demo person as we found them, even when an assertion failed half-way.
    await page.request.patch('/api/me', {
      headers: { Authorization: `Bearer ${accessToken}` },
      data: { locale: original },
    });
  }
});

test('before signing in, the language switch changes the sign-in page', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: t('en', 'auth.signIn.title') })).toBeVisible();

  await page
    .getByRole('banner')
    .getByRole('button', { name: new RegExp(t('en', 'shell.language')) })
    .click();
  await page.getByRole('button', { name: t('es', 'languageNames.es'), exact: true }).click();

  await expect(page.getByRole('heading', { level: 1, name: t('es', 'auth.signIn.title') })).toBeVisible();
  await expect(page.getByLabel(t('es', 'fields.email'))).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: t('es', 'auth.signIn.title') })).toBeVisible();
});
