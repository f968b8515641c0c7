import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { exactly, t, type Lang } from './support/i18n';
import { adminApi } from './support/admin-api';
import { DEMO, signIn } from './support/session';

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

type Admin = Awaited<ReturnType<typeof adminApi>>;

const CSV_HEADER = 'arrival,name,email,status,waitlist_position,offer_expires_at,country,motivation,decline_reason,registered_at';

/** A host institution and a public region of the directory, with unique names. */
async function directoryRecords(admin: Admin) {
  const institution = await admin.post<{ id: string; displayName: string }>('/api/admin/directory/institutions', {
    names: [{ value: `Instituto del Agua ${run}`, lang: 'es', type: 'official' }],
    kind: 'government',
    country: 'CO',
  });
  const name = `Región ${run}`;
  await admin.post('/api/admin/directory/regions', {
    slug: `region-${run}`,
    name: { en: name, es: name, pt: name },
    country: 'CO',
    worldRegion: 'latin-america-caribbean',
    status: 'participating',
  });
  return { institution: institution.displayName, region: name };
}

/** A new person with an account who applies for the workshop through the API. */
async function applicant(admin: Admin, slug: string, who: string, country: string) {
  const name = `Participante ${who} ${run}`;
  const person = await admin.register(`e2e.organiser.${who}.${run}@aula.example`, name);
  const answer = await person.request.post(`/api/workshops/${slug}/registrations`, {
    headers: person.headers,
    data: { country, motivation: `Motivation of ${who}` },
  });
  expect(answer.status(), `registration of ${who}`).toBe(201);
  expect(((await answer.json()) as { status: string }).status).toBe('pending');
  await person.request.dispose();
  return name;
}

async function addSession(page: Page, locale: Lang, title: string, startsAt?: string, endsAt?: string) {
  await page.getByRole('button', { name: t(locale, 'organiser.agenda.add') }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: t(locale, 'organiser.agenda.addTitle') })).toBeVisible();
  await dialog.getByRole('textbox', { name: t(locale, 'organiser.agenda.fields.title'), exact: true }).fill(title);
  await dialog.getByRole('textbox', { name: t(locale, 'organiser.agenda.fields.speakers') }).fill(`Speaker ${run}`);
  if (startsAt) await dialog.getByLabel(t(locale, 'organiser.agenda.fields.startsAt'), { exact: true }).fill(startsAt);
  if (endsAt) await dialog.getByLabel(t(locale, 'organiser.agenda.fields.endsAt'), { exact: true }).fill(endsAt);
  await dialog.getByRole('button', { name: t(locale, 'organiser.agenda.saveSession') }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 3, name: title })).toBeVisible();
}

test('the administrator creates a workshop with two sessions, publishes it, decides on two applications and exports the CSV', async ({
  page,
  playwright,
}) => {
  test.setTimeout(120_000);
  const admin = await adminApi(playwright, test.info());
  const records = await directoryRecords(admin);

  const { locale } = await signIn(page, DEMO.admin.email);
  await page.goto('/admin');
  await page.getByRole('link').filter({ hasText: t(locale, 'organiser.home.text') }).click();
  await expect(page.getByRole('heading', { level: 1, name: t(locale, 'organiser.list.title') })).toBeVisible();
  await page.getByRole('link', { name: t(locale, 'organiser.list.new') }).click();
  await expect(page.getByRole('heading', { level: 1, name: t(locale, 'organiser.editor.newTitle') })).toBeVisible();

  // The form: text in the default language (the admin's), host and regions, online, dates.
  const title = `Taller de gobernanza del agua ${run}`;
  await page.getByRole('textbox', { name: t(locale, 'organiser.form.titleField'), exact: true }).fill(title);
  await page.getByRole('textbox', { name: t(locale, 'organiser.form.summary') }).fill('Intercambio entre regiones.');
  await expect(page.getByRole('textbox', { name: t(locale, 'organiser.form.slug') })).toHaveValue(
    `taller-de-gobernanza-del-agua-${run}`,
  );
  await page.getByRole('combobox', { name: t(locale, 'organiser.form.hostInstitution') }).fill(`Instituto del Agua ${run}`);
  await page.getByRole('option', { name: records.institution }).click();
  await page.getByRole('combobox', { name: t(locale, 'organiser.form.hostRegion') }).click();
  await page.getByRole('option', { name: records.region }).click();
  await page.getByRole('combobox', { name: t(locale, 'organiser.form.participatingRegions') }).click();
  await page.getByRole('option', { name: records.region }).click();
  await page.keyboard.press('Escape');
  await page.getByLabel(t(locale, 'organiser.form.format'), { exact: true }).selectOption({ label: t(locale, 'organiser.format.online') });
  await page.getByRole('textbox', { name: t(locale, 'organiser.form.onlineUrl') }).fill('https://meet.example.org/agua');
  await page.getByLabel(t(locale, 'organiser.form.startDate'), { exact: true }).fill('2031-05-12');
  await page.getByLabel(t(locale, 'organiser.form.endDate'), { exact: true }).fill('2031-05-13');
  await page.getByLabel(t(locale, 'organiser.form.registrationMode'), { exact: true }).selectOption({
    label: t(locale, 'organiser.mode.application'),
  });
  await page.getByRole('button', { name: t(locale, 'organiser.editor.create') }).click();

  await expect(page).toHaveURL(/\/organiser\/workshops\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const id = /\/organiser\/workshops\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? '';

  // The agenda: the first session at the default time of the first day, the second later on.
  await addSession(page, locale, `Apertura ${run}`);
  await addSession(page, locale, `Mesa de regiones ${run}`, '2031-05-12T11:00', '2031-05-12T12:30');
  const agenda = page.getByRole('region', { name: t(locale, 'organiser.agenda.title'), exact: true });
  await expect(agenda.getByRole('listitem')).toHaveCount(2);

  // Publishing asks first.
  const publish = t(locale, 'organiser.lifecycle.actions.publish');
  await page.getByRole('button', { name: publish, exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: publish, exact: true }).click();
  const published = t(locale, 'organiser.status.published');
  await expect(page.getByText(t(locale, 'organiser.lifecycle.current', { status: published }))).toBeVisible();

  // Two people apply through the API.
  const workshop = await admin.get<{ slug: string; status: string; sessions: unknown[] }>(`/api/organiser/workshops/${id}`);
  expect(workshop.status).toBe('published');
  expect(workshop.sessions).toHaveLength(2);
  const first = await applicant(admin, workshop.slug, 'uno', 'CO');
  const second = await applicant(admin, workshop.slug, 'dos', 'AR');
  await admin.dispose();

  await page.getByRole('link', { name: t(locale, 'organiser.editor.registrationsLink', { taken: 0 }) }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(t(locale, 'organiser.registrations.title')) })).toBeVisible();
  const rowOf = (name: string) => page.getByRole('row').filter({ hasText: name });
  await expect(rowOf(first)).toContainText(t(locale, 'organiser.registrationStatus.pending'));
  await expect(rowOf(second)).toContainText(t(locale, 'organiser.registrationStatus.pending'));
  // Arrival numbers explain the order.
  await expect(rowOf(first).getByRole('cell').nth(1)).toHaveText(exactly('1'));
  await expect(rowOf(second).getByRole('cell').nth(1)).toHaveText(exactly('2'));
  // The chart of statuses prints its numbers.
  await expect(page.getByRole('table', { name: t(locale, 'organiser.registrations.byStatus') })).toContainText(
    t(locale, 'organiser.registrationStatus.pending'),
  );

  // Approve the first in bulk.
  await page.getByRole('checkbox', { name: t(locale, 'organiser.registrations.select', { name: first }) }).check();
  await page.getByRole('button', { name: t(locale, 'organiser.registrations.approve', { count: 1 }) }).click();
  await expect(rowOf(first)).toContainText(t(locale, 'organiser.registrationStatus.confirmed'));
  await expect(page.getByText(t(locale, 'organiser.registrations.approvedReport', { count: 1, failed: 0, skipped: 0 })).first()).toBeVisible();

  // Decline the second, with a reason.
  await page.getByRole('checkbox', { name: t(locale, 'organiser.registrations.select', { name: second }) }).check();
  await page.getByRole('button', { name: t(locale, 'organiser.registrations.declineCount', { count: 1 }) }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: t(locale, 'organiser.reason.label') }).fill(`No seats for this profile ${run}`);
  await dialog.getByRole('button', { name: t(locale, 'organiser.registrations.decline'), exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(rowOf(second)).toContainText(t(locale, 'organiser.registrationStatus.declined'));
  await expect(rowOf(second)).toContainText(`No seats for this profile ${run}`);
  await expect(rowOf(first)).toContainText(t(locale, 'organiser.registrationStatus.confirmed'));

  // The CSV: its header names the columns, rows in arrival order.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: t(locale, 'organiser.registrations.export') }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`registrations-${workshop.slug}.csv`);
  const csv = readFileSync(await download.path(), 'utf8').replace(/^\ufeff/, '');
  const lines = csv.trimEnd().split('\r\n');
  expect(lines[0]).toBe(CSV_HEADER);
  expect(lines[1]).toContain(`1,${first},`);
  expect(lines[1]).toContain(',confirmed,');
  expect(lines[2]).toContain(`2,${second},`);
  expect(lines[2]).toContain(',declined,');
});
