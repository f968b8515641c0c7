import { expect, test, type Page } from '@playwright/test';
import { t, type Lang } from './support/i18n';
import { adminApi } from './support/admin-api';
import { DEMO, signIn } from './support/session';

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

type Admin = Awaited<ReturnType<typeof adminApi>>;

/** An active institution of the directory, with a unique name. */
function institution(admin: Admin, name: string, acronym?: string) {
  return admin.post<{ id: string; displayName: string }>('/api/admin/directory/institutions', {
    names: [
      { value: name, lang: 'es', type: 'official' },
      ...(acronym ? [{ value: acronym, lang: null, type: 'acronym' }] : []),
    ],
    kind: 'government',
    country: 'CO',
  });
}

/** A new person recorded at the institution, as the admin user screens do. */
async function member(admin: Admin, institutionId: string, who: string) {
  const person = await admin.register(`e2e.directory.${who}.${run}@aula.example`, `Persona ${who} ${run}`);
  await person.request.dispose();
  await admin.post(`/api/admin/users/${person.id}/memberships`, { institutionId, position: 'Planner' });
}

async function search(page: Page, locale: Lang, text: string) {
  await page.getByRole('searchbox', { name: t(locale, 'adminDirectory.institutions.search') }).fill(text);
}

const table = (page: Page, locale: Lang) =>
  page.getByRole('table', { name: t(locale, 'adminDirectory.institutions.caption') });

test('an administrator merges two duplicate institutions and reads what moved', async ({
  page,
  playwright,
}) => {
  test.setTimeout(60_000);
  const admin = await adminApi(playwright, test.info());
  const keep = await institution(admin, `Secretaría de Planeación ${run}`);
  const duplicate = await institution(admin, `Secretaria de Planeacion ${run} (duplicado)`);
  await member(admin, duplicate.id, 'merge');
  await admin.dispose();

  const { locale } = await signIn(page, DEMO.admin.email);
  await page.goto('/admin');
  await page.getByRole('link', { name: t(locale, 'adminDirectory.home.link') }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: t(locale, 'adminDirectory.institutions.title') }),
  ).toBeVisible();

  await search(page, locale, run);
  const rows = table(page, locale).getByRole('row');
  await expect(rows.filter({ hasText: keep.displayName })).toHaveCount(1);
  await expect(rows.filter({ hasText: duplicate.displayName })).toHaveCount(1);
  await page
    .getByRole('checkbox', {
      name: t(locale, 'adminDirectory.institutions.selectFor', { name: keep.displayName }),
    })
    .check();
  await page
    .getByRole('checkbox', {
      name: t(locale, 'adminDirectory.institutions.selectFor', { name: duplicate.displayName }),
    })
    .check();
  await page.getByRole('button', { name: t(locale, 'adminDirectory.institutions.mergeSelected') }).click();

  await expect(
    page.getByRole('heading', { level: 1, name: t(locale, 'adminDirectory.merge.title') }),
  ).toBeVisible();
  // The one with a member is offered to stay; the administrator keeps the properly spelt one instead.
  const stays = page.getByRole('radio', { name: new RegExp(keep.displayName) });
  await stays.check();
  await expect(stays).toBeChecked();
  await page.getByRole('button', { name: t(locale, 'adminDirectory.merge.submit'), exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(keep.displayName);
  await dialog.getByRole('button', { name: t(locale, 'adminDirectory.merge.submit'), exact: true }).click();

  const report = page.getByRole('region', { name: t(locale, 'adminDirectory.merge.reportTitle') });
  await expect(report).toContainText(keep.displayName);
  await expect(report).toContainText(t(locale, 'adminDirectory.merge.mergedCount', { count: 1 }));
  const moved = report.getByRole('table', { name: t(locale, 'adminDirectory.merge.movedCaption') });
  await expect(
    moved.getByRole('row', { name: new RegExp(t(locale, 'adminDirectory.references.kinds.memberships')) }),
  ).toContainText('1');

  await report.getByRole('link', { name: t(locale, 'adminDirectory.merge.backToList') }).click();
  await search(page, locale, run);
  await expect(rows.filter({ hasText: keep.displayName })).toHaveCount(1);
  // The duplicate's member now belongs to the one that stayed.
  await expect(
    rows
      .filter({ hasText: keep.displayName })
      .locator(`td[data-label="${t(locale, 'adminDirectory.institutions.columns.members')}"]`),
  ).toHaveText('1');
  await expect(rows.filter({ hasText: duplicate.displayName })).toHaveCount(0);
});

test('deleting an institution with members is refused and says what refers to it', async ({
  page,
  playwright,
}) => {
  const admin = await adminApi(playwright, test.info());
  const busy = await institution(admin, `Consejo Territorial ${run}`, `CTP${run}`.slice(0, 12));
  await member(admin, busy.id, 'delete');
  await admin.dispose();

  const { locale } = await signIn(page, DEMO.admin.email);
  await page.goto('/admin/directory');
  await search(page, locale, busy.displayName);
  const row = table(page, locale).getByRole('row').filter({ hasText: busy.displayName });
  await expect(row).toHaveCount(1);
  await row
    .getByRole('button', {
      name: t(locale, 'adminDirectory.institutions.deleteFor', { name: busy.displayName }),
    })
    .click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: t(locale, 'actions.delete') })
    .click();

  const refused = page.getByRole('dialog');
  await expect(refused.getByRole('heading')).toContainText(busy.displayName);
  const list = refused.getByRole('list', { name: t(locale, 'adminDirectory.references.listLabel') });
  await expect(list.getByRole('listitem')).toHaveText([
    new RegExp(`1\\s*${t(locale, 'adminDirectory.references.kinds.memberships')}`),
  ]);
  await expect(refused).toContainText(t(locale, 'adminDirectory.references.advice.institution'));
  // Archiving instead keeps the record and what refers to it.
  await refused.getByRole('button', { name: t(locale, 'adminDirectory.references.archive') }).click();
  await expect(row).toContainText(t(locale, 'adminDirectory.status.archived'));
});

test('an institution CSV import reports each row, a bad one among them', async ({ page }) => {
  const { locale } = await signIn(page, DEMO.admin.email);
  await page.goto('/admin/directory/csv');
  await expect(
    page.getByRole('heading', { level: 1, name: t(locale, 'adminDirectory.csv.title') }),
  ).toBeVisible();

  const good = `Corporación Autónoma ${run}`;
  const bad = `Instituto Sin País ${run}`;
  const csv = `official_name,kind,country\r\n${good},government,CO\r\n${bad},government,ZZ\r\n`;
  await page.getByLabel(t(locale, 'adminDirectory.csv.choose')).setInputFiles({
    name: 'instituciones.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });
  await page.getByRole('button', { name: t(locale, 'adminDirectory.csv.send'), exact: true }).click();

  const report = page.getByRole('region', { name: t(locale, 'adminDirectory.csv.reportTitle') });
  const counts = report.getByRole('list', { name: t(locale, 'adminDirectory.csv.countsLabel') });
  await expect(counts.getByRole('listitem')).toHaveCount(2);
  await expect(counts).toContainText(t(locale, 'adminDirectory.csv.outcomes.created'));
  await expect(counts).toContainText(t(locale, 'adminDirectory.csv.outcomes.failed'));
  const rows = report.getByRole('table', { name: t(locale, 'adminDirectory.csv.reportCaption') });
  await expect(rows.getByRole('row', { name: new RegExp(good) })).toContainText(
    t(locale, 'adminDirectory.csv.outcomes.created'),
  );
  const failed = rows.getByRole('row', { name: new RegExp(bad) });
  await expect(failed).toContainText(t(locale, 'adminDirectory.csv.outcomes.failed'));
  await expect(failed.getByRole('cell').first()).toHaveText('3');
  await expect(failed).toContainText(/country/);

  // Only the failed rows, when asked.
  await counts
    .getByRole('button', { name: new RegExp(t(locale, 'adminDirectory.csv.outcomes.failed')) })
    .click();
  await expect(rows.getByRole('row')).toHaveCount(2);

  // The created one is in the directory.
  await page.goto('/admin/directory');
  await search(page, locale, good);
  await expect(table(page, locale).getByRole('row').filter({ hasText: good })).toHaveCount(1);
});

test('what people typed as their organisation gets a new institution as its home', async ({
  page,
  playwright,
}) => {
  test.setTimeout(60_000);
  const typed = `Fundación Ríos Vivos ${run}`;
  const spellings = [typed, typed, `fundacion rios vivos ${run}`];
  for (const [i, organisation] of spellings.entries()) {
    const own = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
    const answer = await own.post('/api/auth/register', {
      data: {
        email: `e2e.freetext.${i}.${run}@aula.example`,
        password: 'a long enough password',
        displayName: `Persona ${i} ${run}`,
        country: 'CO',
        organisation,
      },
    });
    expect(answer.ok(), 'registration with a typed organisation').toBe(true);
    await own.dispose();
  }

  const { locale } = await signIn(page, DEMO.admin.email);
  await page.goto('/admin/directory/free-text');
  await page
    .getByRole('combobox', { name: t(locale, 'adminDirectory.freeText.fieldFilter') })
    .selectOption('organisation');
  const values = page.getByRole('table', { name: t(locale, 'adminDirectory.freeText.caption') });
  const row = values.getByRole('row').filter({ hasText: typed });
  await expect(row).toContainText(t(locale, 'adminDirectory.freeText.statuses.open'));
  await expect(
    row.locator(`td[data-label="${t(locale, 'adminDirectory.freeText.columns.people')}"]`),
  ).toHaveText('3');

  await row
    .getByRole('button', { name: t(locale, 'adminDirectory.freeText.createNew.organisation') })
    .click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel(t(locale, 'adminDirectory.freeText.create.name'))).toHaveValue(typed);
  await dialog.getByRole('combobox', { name: t(locale, 'fields.country') }).click();
  await page.getByRole('option', { name: 'Colombia', exact: true }).click();
  await dialog.getByRole('button', { name: t(locale, 'adminDirectory.freeText.create.submit') }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText(t(locale, 'adminDirectory.freeText.statuses.resolved'));

  // The three people now belong to the new institution.
  await page.goto('/admin/directory');
  await search(page, locale, typed);
  const created = table(page, locale).getByRole('row').filter({ hasText: typed });
  await expect(
    created.locator(`td[data-label="${t(locale, 'adminDirectory.institutions.columns.members')}"]`),
  ).toHaveText('3');
});
