import { expect, test, type Page } from '@playwright/test';
import { adminApi } from './support/admin-api';
import { t } from './support/i18n';
import { DEMO, signIn } from './support/session';

interface InstitutionRow {
  id: string;
  displayName: string;
  status: string;
}

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function fillAccount(page: Page, name: string): Promise<string> {
  const email = `e2e.inst.${unique()}@aula.example`;
  await page.getByLabel(t('en', 'fields.displayName')).fill(name);
  await page.getByLabel(t('en', 'fields.email')).fill(email);
  await page.getByLabel(t('en', 'fields.password'), { exact: true }).fill('a long enough password');
  return email;
}

const institutionField = (page: Page) =>
  page.getByRole('combobox', { name: t('en', 'directoryFields.institution'), exact: true });

test.describe('registration with an institution of the directory', () => {
  test('a new trainee picks their institution from the typeahead and finds it in their profile', async ({
    page,
    playwright,
  }, info) => {
    const admin = await adminApi(playwright, info);
    const tag = unique();
    const name = `Instituto de Planificación Regional ${tag}`;
    const acronym = `IPR${tag.slice(0, 4).toUpperCase()}`;
    await admin.post('/api/admin/directory/institutions', {
      names: [
        { value: name, lang: 'es', type: 'official' },
        { value: acronym, lang: null, type: 'acronym' },
      ],
      kind: 'planning-board',
      country: 'CL',
    });
    const regionName = `Región de Ñuble ${tag}`;
    await admin.post('/api/admin/directory/regions', {
      slug: `nuble-${tag}`,
      name: { es: regionName, en: regionName },
      country: 'CL',
      worldRegion: 'latin-america-caribbean',
      status: 'participating',
      public: true,
    });
    await admin.dispose();

    await page.goto('/register');
    await fillAccount(page, 'Camila Rojas Test');
    await page.getByRole('combobox', { name: t('en', 'fields.country') }).click();
    await page.getByRole('option', { name: 'Chile', exact: true }).click();
    await page.getByRole('combobox', { name: t('en', 'fields.region') }).click();
    // The regions of the person's country come first.
    await expect(
      page.getByRole('group', { name: t('en', 'directoryFields.regionsOfCountry') }).getByRole('option', {
        name: regionName,
      }),
    ).toBeVisible();
    await page.getByRole('option', { name: regionName }).click();
    const field = institutionField(page);
    // Part of the name, as a person types it: the directory answers after a pause.
    await field.pressSequentially(`Planificación Regional ${tag}`, { delay: 20 });
    const option = page.getByRole('option', { name: new RegExp(name) });
    await expect(option).toBeVisible();
    await expect(option).toContainText(acronym);
    await option.click();
    await expect(field).toHaveValue(`${name} (${acronym})`);

    await page.getByLabel(t('en', 'directoryFields.position')).fill('Planning officer');
    await page.getByRole('button', { name: t('en', 'auth.register.submit'), exact: true }).click();
    await expect(page).toHaveURL(/\/learn$/);

    await page.goto('/profile');
    const institutions = page.getByRole('region', { name: t('en', 'networkProfile.institutionsTitle') });
    const membership = institutions.getByRole('listitem').filter({ hasText: name });
    await expect(membership).toBeVisible();
    await expect(membership).toContainText('Planning officer');
    await expect(membership).toContainText(t('en', 'directoryFields.memberships.current'));
    await expect(membership).not.toContainText(t('en', 'directoryFields.pending'));
    // The region picked at registration places the person in the network (published or not).
    const network = page.getByRole('region', { name: t('en', 'networkProfile.title') });
    await expect(network.getByRole('combobox', { name: t('en', 'fields.region') })).toContainText(regionName);
  });

  test('a new trainee whose institution is not listed proposes it, and the admin sees it pending', async ({
    page,
    playwright,
  }, info) => {
    const name = `Corporación Comunitaria del Valle ${unique()}`;
    await page.goto('/register');
    await fillAccount(page, 'Andrés Mejía Test');
    await institutionField(page).pressSequentially(name, { delay: 10 });
    await expect(page.getByRole('option', { name: t('en', 'directoryFields.noMatch') })).toBeVisible();
    // By keyboard: the first option that can be chosen is "not listed".
    await expect(page.getByRole('option', { name: t('en', 'directoryFields.notListed') })).toHaveClass(
      /mat-mdc-option-active/,
    );
    await page.keyboard.press('Enter');

    const proposal = page.getByRole('group', { name: t('en', 'directoryFields.proposeTitle') });
    const proposedName = proposal.getByLabel(t('en', 'directoryFields.proposedName'));
    await expect(proposedName).toHaveValue(name);
    await expect(proposedName).toBeFocused();
    await proposal.getByRole('combobox', { name: t('en', 'directoryFields.proposedCountry') }).click();
    await page.getByRole('option', { name: 'Colombia', exact: true }).click();
    await proposal.getByRole('combobox', { name: t('en', 'directoryFields.proposedKind') }).click();
    await page
      .getByRole('option', { name: t('en', 'directoryFields.kinds.community-organisation'), exact: true })
      .click();

    await page.getByRole('button', { name: t('en', 'auth.register.submit'), exact: true }).click();
    await expect(page).toHaveURL(/\/learn$/);

    await page.goto('/profile');
    const institutions = page.getByRole('region', { name: t('en', 'networkProfile.institutionsTitle') });
    const membership = institutions.getByRole('listitem').filter({ hasText: name });
    await expect(membership).toContainText(t('en', 'directoryFields.pending'));

    const admin = await adminApi(playwright, info);
    const pending = await admin.get<{ items: InstitutionRow[] }>(
      `/api/admin/directory/institutions?status=pending&q=${encodeURIComponent(name)}`,
    );
    expect(pending.items.map((i) => [i.displayName, i.status])).toEqual([[name, 'pending']]);
    await admin.dispose();
  });

  test('what the API refuses about the proposed institution is shown next to that field', async ({
    page,
  }) => {
    await page.goto('/register');
    await fillAccount(page, 'Lucía Paz Test');
    await institutionField(page).pressSequentially(`Fundación ${unique()}`, { delay: 10 });
    await page.getByRole('option', { name: t('en', 'directoryFields.notListed') }).click();
    const proposal = page.getByRole('group', { name: t('en', 'directoryFields.proposeTitle') });
    const country = proposal.getByRole('combobox', { name: t('en', 'directoryFields.proposedCountry') });
    await country.click();
    await page.getByRole('option', { name: 'Peru', exact: true }).click();

    // The browser's checks pass; the API's answer (a country it does not know) names the nested field.
    await page.route('**/api/auth/register', (route) =>
      route.fulfill({
        status: 400,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          type: 'about:blank',
          title: 'Bad Request',
          status: 400,
          detail: 'proposedInstitution.country must be an ISO 3166-1 country code',
          errors: [{ path: 'proposedInstitution.country', message: 'must be an ISO 3166-1 country code' }],
        }),
      }),
    );
    await page.getByRole('button', { name: t('en', 'auth.register.submit'), exact: true }).click();
    await expect(country).toHaveAttribute('aria-invalid', 'true');
    await expect(country).toHaveAccessibleDescription('must be an ISO 3166-1 country code');
    await expect(page.getByRole('alert').filter({ hasText: t('en', 'errors.invalidInput') })).toHaveCount(0);
    await expect(page).toHaveURL(/\/register/);
  });

  test('typed text that was never picked is pointed out before anything is sent', async ({ page }) => {
    await page.goto('/register');
    await fillAccount(page, 'Tomás Vera Test');
    const field = institutionField(page);
    await field.fill('Somewhere I typed');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: t('en', 'auth.register.submit'), exact: true }).click();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(t('en', 'directoryFields.pickFromList'));
    await expect(page).toHaveURL(/\/register/);
  });
});

test('an administrator records a person at an institution from the users screen', async ({
  page,
  playwright,
}, info) => {
  const admin = await adminApi(playwright, info);
  const tag = unique();
  const name = `Secretaría de Desarrollo ${tag}`;
  await admin.post('/api/admin/directory/institutions', {
    names: [{ value: name, lang: 'es', type: 'official' }],
    kind: 'government',
    country: 'GT',
  });
  const personName = `Rosa Cux ${tag}`;
  const person = await admin.register(`e2e.rosa.${tag}@aula.example`, personName);
  await person.request.dispose();

  const { locale } = await signIn(page, DEMO.admin.email);
  await page.goto('/admin/users');
  await page.getByRole('searchbox', { name: t(locale, 'admin.users.search') }).fill(personName);
  const row = page.getByRole('table').getByRole('row', { name: new RegExp(personName) });
  await row
    .getByRole('button', {
      name: t(locale, 'directoryFields.adminMemberships.openFor', { name: personName }),
    })
    .click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(t(locale, 'directoryFields.adminMemberships.none'));
  await dialog
    .getByRole('combobox', { name: t(locale, 'directoryFields.institution'), exact: true })
    .pressSequentially(`Desarrollo ${tag}`, { delay: 20 });
  await page.getByRole('option', { name: new RegExp(name) }).click();
  await dialog.getByLabel(t(locale, 'directoryFields.position')).fill('Asesora');
  await dialog.getByRole('button', { name: t(locale, 'directoryFields.memberships.add') }).click();
  await expect(dialog.getByRole('listitem').filter({ hasText: name })).toContainText('Asesora');

  const memberships = await admin.get<{ institution: { displayName: string }; position: string }[]>(
    `/api/admin/users/${person.id}/memberships`,
  );
  expect(memberships.map((m) => [m.institution.displayName, m.position])).toEqual([[name, 'Asesora']]);
  await admin.dispose();
});

/** A 1×1 PNG: what the API reads as an image by its bytes. */
const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

test('a trainee publishes a network profile with their institution and photo, then withdraws it', async ({
  page,
  playwright,
}, info) => {
  const admin = await adminApi(playwright, info);
  const tag = unique();
  const institution = await admin.post<{ id: string }>('/api/admin/directory/institutions', {
    names: [{ value: `Consejo Regional de Planeación ${tag}`, lang: 'es', type: 'official' }],
    kind: 'planning-board',
    country: 'AR',
  });
  await admin.dispose();
  const email = `e2e.network.${tag}@aula.example`;
  const personName = `Valentina Sosa ${tag}`;
  const visitor = await playwright.request.newContext({ baseURL: info.project.use.baseURL });
  const registered = await visitor.post('/api/auth/register', {
    data: {
      email,
      password: 'a long enough password',
      displayName: personName,
      institutionId: institution.id,
    },
  });
  expect(registered.ok()).toBe(true);
  const personId = ((await registered.json()) as { user: { id: string } }).user.id;

  await signIn(page, email, 'a long enough password');
  await page.goto('/profile');
  const section = page.getByRole('region', { name: t('en', 'networkProfile.title') });
  await expect(section.getByRole('status')).toHaveText(t('en', 'networkProfile.isPrivate'));

  // Photo: a page disguised by its name, one too large, then a real image.
  const photo = section.getByRole('group', { name: t('en', 'networkProfile.photo') });
  const file = photo.locator('input[type="file"]');
  await file.setInputFiles({
    name: 'portrait.png',
    mimeType: 'image/png',
    buffer: Buffer.from('<html>hi</html>'),
  });
  await expect(photo.getByRole('alert')).toHaveText(
    t('en', 'networkProfile.photoType', { name: 'portrait.png' }),
  );
  await file.setInputFiles({
    name: 'huge.png',
    mimeType: 'image/png',
    buffer: Buffer.alloc(2 * 1024 * 1024 + 1),
  });
  await expect(photo.getByRole('alert')).toHaveText(
    t('en', 'networkProfile.photoTooLarge', { name: 'huge.png', max: 2 }),
  );
  await file.setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: TINY_PNG });
  await expect(photo).toContainText(t('en', 'networkProfile.hasPhoto'));
  await expect(photo.getByRole('alert')).toHaveCount(0);

  await section.getByRole('checkbox', { name: t('en', 'networkProfile.publish') }).check();
  await section
    .getByLabel(t('en', 'networkProfile.bio'))
    .fill('Planificación territorial y presupuestos participativos.');
  await section.getByRole('combobox', { name: t('en', 'networkProfile.institution') }).click();
  await page.getByRole('option', { name: `Consejo Regional de Planeación ${tag}` }).click();
  await section.getByRole('checkbox', { name: t('en', 'networkProfile.showPhoto') }).check();
  await section.getByRole('button', { name: t('en', 'networkProfile.save') }).click();
  await expect(section.getByRole('status')).toContainText(t('en', 'networkProfile.isPublished'));
  await expect(section.getByRole('link', { name: t('en', 'networkProfile.viewPublic') })).toHaveAttribute(
    'href',
    `/network/people/${personId}`,
  );

  const published = await visitor.get(`/api/directory/people/${personId}`);
  expect(published.status()).toBe(200);
  const view = (await published.json()) as {
    bio: string;
    institution: { id: string } | null;
    photoUrl: string | null;
  };
  expect(view.bio).toBe('Planificación territorial y presupuestos participativos.');
  expect(view.institution?.id).toBe(institution.id);
  expect(view.photoUrl).not.toBeNull();

  await section.getByRole('button', { name: t('en', 'networkProfile.withdraw') }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(t('en', 'networkProfile.withdrawDialog.title'));
  await dialog.getByRole('button', { name: t('en', 'networkProfile.withdraw') }).click();
  await expect(section.getByRole('status')).toHaveText(t('en', 'networkProfile.isPrivate'));
  expect((await visitor.get(`/api/directory/people/${personId}`)).status()).toBe(404);
  await visitor.dispose();
});

test('a trainee adds, edits, ends and removes institutions in their profile', async ({
  page,
  playwright,
}, info) => {
  const admin = await adminApi(playwright, info);
  const tag = unique();
  const first = `Municipalidad de Quetzaltenango ${tag}`;
  const second = `Asociación de Desarrollo Local ${tag}`;
  const created = await admin.post<{ id: string }>('/api/admin/directory/institutions', {
    names: [{ value: first, lang: 'es', type: 'official' }],
    kind: 'government',
    country: 'GT',
  });
  await admin.post('/api/admin/directory/institutions', {
    names: [{ value: second, lang: 'es', type: 'official' }],
    kind: 'ngo',
    country: 'GT',
  });
  await admin.dispose();
  const email = `e2e.memberships.${tag}@aula.example`;
  const visitor = await playwright.request.newContext({ baseURL: info.project.use.baseURL });
  const registered = await visitor.post('/api/auth/register', {
    data: {
      email,
      password: 'a long enough password',
      displayName: `Marta Xiloj ${tag}`,
      institutionId: created.id,
      position: 'Técnica',
    },
  });
  expect(registered.ok()).toBe(true);
  await visitor.dispose();

  await signIn(page, email, 'a long enough password');
  await page.goto('/profile');
  const section = page.getByRole('region', { name: t('en', 'networkProfile.institutionsTitle') });
  const row = (name: string) => section.getByRole('listitem').filter({ hasText: name });
  await expect(row(first)).toContainText('Técnica');

  // Add a second one from the directory, with a start date.
  await section
    .getByRole('combobox', { name: t('en', 'directoryFields.institution'), exact: true })
    .pressSequentially(`Desarrollo Local ${tag}`, { delay: 20 });
  await page.getByRole('option', { name: new RegExp(second) }).click();
  await section.getByLabel(t('en', 'directoryFields.memberships.startedOn')).fill('2025-03-01');
  await section.getByRole('button', { name: t('en', 'directoryFields.memberships.add') }).click();
  await expect(row(second)).toContainText(t('en', 'directoryFields.memberships.current'));
  await expect(row(second)).toContainText('2025');

  // Edit the position of the first.
  await row(first)
    .getByRole('button', { name: t('en', 'directoryFields.memberships.editFor', { name: first }) })
    .click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(t('en', 'directoryFields.position')).fill('Coordinadora de planificación');
  await dialog.getByRole('button', { name: t('en', 'actions.save') }).click();
  await expect(dialog).toBeHidden();
  await expect(row(first)).toContainText('Coordinadora de planificación');

  // End it: it becomes a former membership.
  await row(first)
    .getByRole('button', { name: t('en', 'directoryFields.memberships.endFor', { name: first }) })
    .click();
  await expect(row(first)).toContainText(t('en', 'directoryFields.memberships.ended'));

  // Remove the second, confirming first.
  await row(second)
    .getByRole('button', { name: t('en', 'directoryFields.memberships.removeFor', { name: second }) })
    .click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: t('en', 'directoryFields.memberships.remove') })
    .click();
  await expect(row(second)).toHaveCount(0);
  await expect(row(first)).toBeVisible();
});
