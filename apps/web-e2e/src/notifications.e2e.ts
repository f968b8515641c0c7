import { expect, test } from '@playwright/test';
import { t } from './support/i18n';
import { adminApi } from './support/admin-api';
import { signIn } from './support/session';

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const PASSWORD = 'a long enough password';

test('a trainee chooses a daily digest and no mail for two kinds; the choice is kept after a reload', async ({
  page,
  playwright,
}) => {
  const admin = await adminApi(playwright, test.info());
  const email = `e2e.prefs.${run}@aula.example`;
  (await admin.register(email, 'Keren Mensah')).request.dispose();
  await admin.dispose();

  // On a phone.
  await page.setViewportSize({ width: 360, height: 740 });
  const { locale } = await signIn(page, email, PASSWORD);
  await page
    .getByRole('banner')
    .getByRole('button', { name: t(locale, 'notifications.bell.label') })
    .click();
  await page.getByRole('link', { name: t(locale, 'notifications.bell.settings') }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: t(locale, 'notifications.preferences.title') }),
  ).toBeVisible();

  const group = (kind: string) => page.getByRole('group', { name: t(locale, `notifications.kinds.${kind}`) });
  // Account-security mail is shown, always on, and cannot be changed.
  const account = group('account').getByRole('radio', {
    name: t(locale, 'notifications.preferences.alwaysOn'),
  });
  await expect(account).toBeChecked();
  await expect(account).toBeDisabled();
  await expect(
    group('grade-released').getByRole('radio', { name: t(locale, 'notifications.modes.immediate') }),
  ).toBeChecked();

  await group('grade-released')
    .getByRole('radio', { name: t(locale, 'notifications.modes.digest') })
    .check();
  await group('inactivity-reminder')
    .getByRole('radio', { name: t(locale, 'notifications.modes.off') })
    .check();
  await page.getByRole('button', { name: t(locale, 'notifications.preferences.save') }).click();
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: t(locale, 'notifications.preferences.saved') })
      .first(),
  ).toBeVisible();

  await page.reload();
  // Nothing wider than the screen: no sideways scrolling on a phone.
  await expect(group('grade-released')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expect(
    group('grade-released').getByRole('radio', { name: t(locale, 'notifications.modes.digest') }),
  ).toBeChecked();
  await expect(
    group('inactivity-reminder').getByRole('radio', { name: t(locale, 'notifications.modes.off') }),
  ).toBeChecked();
  await expect(
    group('enrolment').getByRole('radio', { name: t(locale, 'notifications.modes.immediate') }),
  ).toBeChecked();

  // The private calendar address is shown once, with the warning.
  await expect(page.getByText(t(locale, 'notifications.calendar.warning'))).toBeVisible();
  await page.getByRole('button', { name: t(locale, 'notifications.calendar.create') }).click();
  const address = page.getByLabel(t(locale, 'notifications.calendar.urlLabel'));
  await expect(address).toHaveValue(/\/api\/calendar\/.+\.ics$/);
  const feed = await page.request.get(await address.inputValue());
  expect(feed.status()).toBe(200);
  expect(await feed.text()).toContain('BEGIN:VCALENDAR');
  await page.getByRole('button', { name: t(locale, 'notifications.calendar.revoke') }).click();
  await expect(page.getByText(t(locale, 'notifications.calendar.inactive'))).toBeVisible();
  await expect(address).toHaveCount(0);
});

test('enrolments show up under the bell; opening one and marking all read clear the count', async ({
  page,
  playwright,
}) => {
  test.setTimeout(120_000);
  const admin = await adminApi(playwright, test.info());
  /** A published course with one page and an open cohort. */
  const offer = async (name: string) => {
    const course = await admin.course(`e2e-bell-${name.toLowerCase()}-${run}`, `${name} practice ${run}`);
    const module = await admin.post<{ id: string }>(`/api/admin/courses/${course.id}/modules`, {
      title: { en: 'Only module' },
    });
    await admin.post(`/api/admin/modules/${module.id}/activities`, {
      kind: 'page',
      title: { en: 'Only page' },
    });
    await admin.post(`/api/admin/courses/${course.id}/status`, { status: 'published' });
    const cohort = await admin.cohort(course.id, `${name} cohort ${run}`);
    return { title: `${name} practice ${run}`, cohortId: cohort.id };
  };
  const first = await offer('Bell');
  const second = await offer('Chime');
  const email = `e2e.bell.${run}@aula.example`;
  const trainee = await admin.register(email, 'Tomás Quiroga');
  // Enrolment mail in the daily digest: the bell gets the notification at once all the same, and
  // the journey does not wait on a mail server.
  const chosen = await trainee.request.put('/api/me/notification-preferences', {
    headers: trainee.headers,
    data: { enrolment: 'digest' },
  });
  expect(chosen.ok(), 'the trainee chooses the digest for enrolment mail').toBe(true);
  await trainee.request.dispose();

  const { locale } = await signIn(page, email, PASSWORD);
  const banner = page.getByRole('banner');
  const quietBell = banner.getByRole('button', { name: t(locale, 'notifications.bell.label'), exact: true });
  const bellWith = (count: number) =>
    banner.getByRole('button', { name: t(locale, 'notifications.bell.labelUnread', { count }) });
  await expect(quietBell).toBeVisible();

  // The administrator enrols the trainee twice: the worker writes the in-app notifications.
  await admin.post(`/api/admin/cohorts/${first.cohortId}/enrolments`, { userId: trainee.id });
  await admin.post(`/api/admin/cohorts/${second.cohortId}/enrolments`, { userId: trainee.id });
  await admin.dispose();

  // The count is asked on every navigation (and every minute): move around until it shows.
  await expect
    .poll(
      async () => {
        await page.goto('/profile');
        return bellWith(2).isVisible();
      },
      { timeout: 60_000 },
    )
    .toBe(true);
  await expect(bellWith(2).getByTestId('notification-count')).toHaveText('2');

  // Opening one follows its link and marks it read.
  await bellWith(2).click();
  const panel = page.getByRole('region', { name: t(locale, 'notifications.bell.title') });
  await expect(panel.getByRole('listitem').filter({ hasText: second.title })).toBeVisible();
  await panel.getByRole('listitem').filter({ hasText: first.title }).getByRole('link').click();
  await expect(page).not.toHaveURL(/\/profile/);
  await expect(bellWith(1)).toBeVisible();

  // Mark all read clears the rest.
  await bellWith(1).click();
  await panel.getByRole('button', { name: t(locale, 'notifications.bell.markAllRead') }).click();
  await expect(quietBell).toBeVisible();
  await expect(banner.getByTestId('notification-count')).toHaveCount(0);

  // Still read after a reload; both stay listed.
  await page.reload();
  await expect(quietBell).toBeVisible();
  await quietBell.click();
  await expect(panel.getByRole('listitem').filter({ hasText: first.title })).toBeVisible();
  await expect(panel.getByRole('listitem').filter({ hasText: second.title })).toBeVisible();
});

test('asking for a password reset gives the same answer for an unknown email; a bad link says so', async ({
  page,
}) => {
  await page.goto('/sign-in');
  await page.getByRole('link', { name: t('en', 'notifications.reset.forgotLink') }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: t('en', 'notifications.reset.requestTitle') }),
  ).toBeVisible();
  await page.getByLabel(t('en', 'fields.email')).fill(`nobody.${run}@aula.example`);
  await page.getByRole('button', { name: t('en', 'notifications.reset.requestSubmit') }).click();
  await expect(page.getByRole('status').getByText(t('en', 'notifications.reset.requested'))).toBeVisible();

  await page.goto(`/reset-password?token=not-a-real-token-${run}`);
  await page.getByLabel(t('en', 'fields.newPassword'), { exact: true }).fill('another long enough password');
  await page.getByRole('button', { name: t('en', 'notifications.reset.submit') }).click();
  await expect(page.getByRole('alert')).toContainText(t('en', 'notifications.reset.invalid'));
  await expect(page.getByRole('link', { name: t('en', 'notifications.reset.requestAgain') })).toBeVisible();
});

test('an invitation link that is not valid says so, and a short password is named on its field', async ({ page }) => {
  await page.goto(`/accept-invitation?token=not-a-real-invitation-${run}`);
  await expect(page.getByRole('heading', { level: 1, name: t('en', 'auth.invitation.title') })).toBeVisible();
  const password = page.getByLabel(t('en', 'fields.newPassword'), { exact: true });
  await password.fill('short');
  await page.getByRole('button', { name: t('en', 'auth.invitation.submit') }).click();
  // Checked in the page before anything is sent: the field says what is wrong and takes the focus.
  await expect(password).toBeFocused();
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await password.fill(PASSWORD);
  await page.getByRole('button', { name: t('en', 'auth.invitation.submit') }).click();
  await expect(page.getByRole('alert')).toContainText(t('en', 'auth.invitation.invalid'));
  await expect(page).toHaveURL(/\/accept-invitation/);
});
