import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { t } from './support/i18n';
import { adminApi } from './support/admin-api';
import { DEMO, signIn } from './support/session';

// A trainee completes a one-page course; the worker issues the certificate within seconds; the
// trainee downloads it from the dashboard; a signed-out visitor checks it by its code; an
// administrator revokes it and the same page says so. Unique per run.
const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const COURSE = `Certified basin planning ${run}`;
const COHORT = `Certified cohort ${run}`;
const TRAINEE = { name: 'Nguyễn Thị Lan', email: `e2e.certified.${run}@aula.example` };
const PASSWORD = 'a long enough password';

test('a trainee completes a course, downloads the certificate, anyone verifies it, an administrator revokes it', async ({
  page,
  browser,
  playwright,
}) => {
  test.setTimeout(120_000);
  const admin = await adminApi(playwright, test.info());
  const course = await admin.course(`e2e-certified-${run}`, COURSE);
  const module = await admin.post<{ id: string }>(`/api/admin/courses/${course.id}/modules`, {
    title: { en: 'Only module' },
  });
  const activity = await admin.post<{ id: string }>(`/api/admin/modules/${module.id}/activities`, {
    kind: 'page',
    title: { en: 'The only page' },
  });
  await admin.post(`/api/admin/courses/${course.id}/status`, { status: 'published' });
  const tutor = (
    await admin.get<{ items: { id: string; email: string }[] }>(
      `/api/admin/users?role=tutor&q=${encodeURIComponent(DEMO.tutor.email)}`,
    )
  ).items.find((person) => person.email === DEMO.tutor.email);
  expect(tutor, 'the demo tutor exists').toBeTruthy();
  const cohort = await admin.cohort(course.id, COHORT, { tutorIds: [tutor?.id ?? ''] });
  const trainee = await admin.register(TRAINEE.email, TRAINEE.name);
  const joined = await trainee.request.post(`/api/cohorts/${cohort.id}/enrol`, { headers: trainee.headers });
  expect(joined.ok(), 'enrolled').toBe(true);
  await trainee.request.dispose();
  await admin.dispose();

  // The trainee finishes the course: its only activity, marked done.
  const { locale } = await signIn(page, TRAINEE.email, PASSWORD);
  await page.goto(`/learn/activities/${activity.id}`);
  await page.getByRole('button', { name: t(locale, 'activity.markDone') }).click();
  await expect(page.getByText(t(locale, 'activity.isDone'), { exact: true })).toBeVisible();

  // The dashboard lists the certificate as soon as the worker has issued it (it looks again by itself).
  await page.goto('/learn');
  const mine = page.getByRole('region', { name: t(locale, 'certificates.mine.title') });
  const card = mine.getByRole('article', { name: COURSE });
  await expect(card).toBeVisible({ timeout: 30_000 });
  await expect(card).toContainText(COHORT);
  await expect(card).toContainText(t(locale, 'certificates.status.valid'));

  const downloading = page.waitForEvent('download');
  await card
    .getByRole('button', { name: t(locale, 'certificates.mine.downloadOf', { course: COURSE }) })
    .click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const pdf = await readFile(await download.path());
  expect(pdf.subarray(0, 5).toString('latin1'), 'the file is a PDF').toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(1_000);

  const href = await card
    .getByRole('link', { name: t(locale, 'certificates.mine.verifyLink') })
    .getAttribute('href');
  const code = /\/verify\/([^/?#]+)$/.exec(href ?? '')?.[1] ?? '';
  expect(code, 'the verification link carries the code').toBeTruthy();

  // A signed-out visitor, on a phone, types the code on the public page.
  const visitorContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const visitor = await visitorContext.newPage();
  await visitor.goto('/verify');
  await expect(
    visitor.getByRole('heading', { level: 1, name: t('en', 'certificates.verify.title') }),
  ).toBeVisible();
  await visitor.getByLabel(t('en', 'certificates.verify.code')).fill(decodeURIComponent(code));
  await visitor.getByRole('button', { name: t('en', 'certificates.verify.submit'), exact: true }).click();
  await expect(visitor).toHaveURL(new RegExp(`/verify/${code}$`));
  const certificate = visitor.getByRole('article', { name: TRAINEE.name });
  await expect(certificate).toBeVisible();
  await expect(certificate.getByText(t('en', 'certificates.status.valid'), { exact: true })).toBeVisible();
  await expect(certificate).toContainText(t('en', 'certificates.verify.validText'));
  await expect(certificate).toContainText(COURSE);
  await expect(certificate).toContainText(COHORT);
  await expect(
    certificate.getByRole('link', { name: t('en', 'certificates.verify.credentialLink') }),
  ).toHaveAttribute('href', `/api/certificates/${code}/credential`);
  await certificate.getByRole('button', { name: t('en', 'certificates.verify.checkCredential') }).click();
  await expect(certificate.getByText(t('en', 'certificates.verify.credentialValid'))).toBeVisible();
  await visitor.screenshot({ path: test.info().outputPath('verify-phone.png'), fullPage: true });

  // A code that was never issued gets a plain answer.
  await visitor.goto('/verify/AAAAAAAAAAAAAAAAAAAAAAAAAA');
  await expect(visitor.getByText(t('en', 'certificates.verify.notFound'))).toBeVisible();

  // An administrator revokes it from the cohort, giving a reason.
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  const adminSession = await signIn(adminPage, DEMO.admin.email);
  const al = adminSession.locale;
  await adminPage.goto(`/admin/cohorts/${cohort.id}`);
  const section = adminPage.getByRole('region', { name: t(al, 'certificates.cohort.title') });
  await expect(section.getByText(TRAINEE.name)).toBeVisible();
  await section
    .getByRole('button', { name: t(al, 'certificates.cohort.revokeOf', { name: TRAINEE.name }) })
    .click();
  const dialog = adminPage.getByRole('dialog');
  await dialog.getByRole('button', { name: t(al, 'certificates.revoke.confirm') }).click();
  await expect(dialog.getByText(t(al, 'certificates.revoke.reasonRequired'))).toBeVisible();
  await dialog.getByLabel(t(al, 'certificates.revoke.reason')).fill('Issued to the wrong cohort');
  await dialog.getByRole('button', { name: t(al, 'certificates.revoke.confirm') }).click();
  await expect(dialog).toBeHidden();
  await expect(section.getByText(t(al, 'certificates.status.revoked'), { exact: true })).toBeVisible();
  await expect(section).toContainText('Issued to the wrong cohort');

  // The public page now says revoked, and so does the signed credential's status check.
  await visitor.goto(`/verify/${code}`);
  const revoked = visitor.getByRole('article', { name: TRAINEE.name });
  await expect(revoked.getByText(t('en', 'certificates.status.revoked'), { exact: true })).toBeVisible();
  await expect(revoked).not.toContainText(t('en', 'certificates.verify.validText'));
  await expect(revoked).not.toContainText('Issued to the wrong cohort');
  await revoked.getByRole('button', { name: t('en', 'certificates.verify.checkCredential') }).click();
  await expect(revoked.getByText(t('en', 'certificates.verify.credentialInvalid.revoked'))).toBeVisible();

  // Re-issued: a new certificate with a new code appears in the cohort (the list follows the
  // worker by itself); the new code is valid and the old one stays revoked.
  await section
    .getByRole('button', { name: t(al, 'certificates.cohort.reissueOf', { name: TRAINEE.name }) })
    .click();
  await adminPage
    .getByRole('dialog')
    .getByRole('button', { name: t(al, 'certificates.reissue.confirm') })
    .click();
  await expect(section.getByText(t(al, 'certificates.status.valid'), { exact: true })).toBeVisible({
    timeout: 30_000,
  });
  const newHref = await section
    .getByRole('link', { name: t(al, 'certificates.cohort.verifyLink') })
    .getAttribute('href');
  const newCode = /\/verify\/([^/?#]+)$/.exec(newHref ?? '')?.[1] ?? '';
  expect(newCode, 'a new code').toBeTruthy();
  expect(newCode).not.toBe(code);
  await adminPage.screenshot({ path: test.info().outputPath('cohort-certificates.png'), fullPage: true });
  await adminContext.close();
  await visitor.goto(`/verify/${newCode}`);
  const reissued = visitor.getByRole('article', { name: TRAINEE.name });
  await expect(reissued.getByText(t('en', 'certificates.status.valid'), { exact: true })).toBeVisible();
  await visitor.goto(`/verify/${code}`);
  await expect(
    visitor.getByRole('article', { name: TRAINEE.name }).getByText(t('en', 'certificates.status.revoked'), {
      exact: true,
    }),
  ).toBeVisible();
  await visitorContext.close();

  // The cohort's tutor downloads every certificate of the cohort as one ZIP, from the cohort page.
  const tutorContext = await browser.newContext();
  const tutorPage = await tutorContext.newPage();
  const tl = (await signIn(tutorPage, DEMO.tutor.email)).locale;
  await tutorPage.goto(`/tutor/cohorts/${cohort.id}`);
  await tutorPage.getByRole('link', { name: t(tl, 'certificates.cohort.link') }).click();
  await expect(tutorPage).toHaveURL(new RegExp(`/tutor/cohorts/${cohort.id}/certificates$`));
  await expect(tutorPage.getByText(TRAINEE.name)).toBeVisible();
  await expect(
    tutorPage.getByRole('button', { name: t(tl, 'certificates.cohort.revokeOf', { name: TRAINEE.name }) }),
  ).toHaveCount(0);
  const zipping = tutorPage.waitForEvent('download');
  await tutorPage.getByRole('button', { name: t(tl, 'certificates.cohort.zip') }).click();
  const zip = await readFile(await (await zipping).path());
  expect(zip.subarray(0, 2).toString('latin1'), 'the file is a ZIP').toBe('PK');
  await tutorContext.close();
});
