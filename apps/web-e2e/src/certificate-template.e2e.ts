import { expect, test, type Request } from '@playwright/test';
import { t } from './support/i18n';
import { adminApi } from './support/admin-api';
import { DEMO, signIn } from './support/session';

// An administrator opens a course's certificate template from the course page, changes the title
// and adds a logo, sees the sample PDF drawn again, and saves: the course now has its own template.
const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
/** 1 × 1 PNG. */
const LOGO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

const isPreview = (request: Request) => request.method() === 'POST' && request.url().endsWith('/certificate-template/preview');

test('an administrator edits a course certificate template, sees the preview update, and saves it', async ({
  page,
  playwright,
}) => {
  test.setTimeout(90_000);
  const admin = await adminApi(playwright, test.info());
  const course = await admin.course(`e2e-template-${run}`, `Template practice ${run}`);
  await admin.dispose();

  // The sample is shown in a frame from a blob: address; the page's policy must allow it.
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  const { locale } = await signIn(page, DEMO.admin.email);
  await page.goto(`/admin/courses/${course.id}`);
  const firstPreview = page.waitForResponse((r) => isPreview(r.request()));
  await page.getByRole('link', { name: t(locale, 'certificates.templates.link') }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(t(locale, 'certificates.templates.title')) })).toBeVisible();
  await expect(page.getByTestId('template-source')).toHaveText(t(locale, 'certificates.templates.source.courses.default'));

  // The first sample is drawn on opening.
  const first = await firstPreview;
  expect(first.status()).toBe(200);
  expect(first.headers()['content-type']).toBe('application/pdf');
  const frame = page.getByTestId('template-preview');
  await expect(frame).toHaveAttribute('data-preview-count', '1');

  // A new title (in the tab of the administrator's language) is drawn again after a pause.
  const title = `Diploma ${run}`;
  const updated = page.waitForResponse(
    (r) => isPreview(r.request()) && (r.request().postData() ?? '').includes(title),
  );
  await page.getByLabel(t(locale, 'certificates.templates.fields.title'), { exact: true }).fill(title);
  const second = await updated;
  expect(second.status()).toBe(200);
  expect(second.headers()['content-type']).toBe('application/pdf');
  await expect(frame).toHaveAttribute('data-preview-count', '2');

  // The sample in another language.
  const inPortuguese = page.waitForResponse(
    (r) => isPreview(r.request()) && (r.request().postData() ?? '').includes('"locale":"pt"'),
  );
  await page.getByLabel(t(locale, 'certificates.templates.previewLanguage')).selectOption('pt');
  expect((await inPortuguese).status()).toBe(200);
  await expect(frame).toHaveAttribute('data-preview-count', '3');

  // A logo, checked by the API and shown in the next sample.
  const withLogo = page.waitForResponse(
    (r) => isPreview(r.request()) && /"logoImageKey":"certificate-templates\//.test(r.request().postData() ?? ''),
  );
  await page.getByTestId('upload-logoImageKey').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: LOGO });
  expect((await withLogo).status()).toBe(200);
  await expect(page.getByText(t(locale, 'certificates.templates.imageSet'))).toBeVisible();

  await page.getByRole('button', { name: t(locale, 'certificates.templates.save') }).click();
  await expect(page.getByText(t(locale, 'certificates.templates.saved'))).toBeVisible();
  await expect(page.getByTestId('template-source')).toHaveText(t(locale, 'certificates.templates.source.courses.own'));
  await expect(page.getByRole('button', { name: t(locale, 'certificates.templates.reset') })).toBeVisible();

  expect(refused).toEqual([]);

  // Kept: after a reload the editor shows the saved title.
  await page.reload();
  await expect(page.getByLabel(t(locale, 'certificates.templates.fields.title'), { exact: true })).toHaveValue(title);
});
