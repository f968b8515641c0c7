import { expect, test } from '@playwright/test';
import { adminApi } from './support/admin-api';
import { t } from './support/i18n';
import { DEMO, DEMO_PASSWORD, signIn } from './support/session';

interface Created {
  id: string;
  slug: string;
}

const word = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const PASSWORD = 'a long enough password';
/** A calendar day some days from now (the workshop's zone is a few hours from UTC at most). */
const isoDay = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Sets a workshop's own application questions (a PUT, which the shared admin helper does not make). */
async function putQuestions(
  playwright: Parameters<typeof adminApi>[0],
  info: Parameters<typeof adminApi>[1],
  workshopId: string,
  questions: unknown[],
): Promise<void> {
  const request = await playwright.request.newContext({ baseURL: info.project.use.baseURL });
  try {
    const signIn = await request.post('/api/auth/sign-in', {
      data: { email: DEMO.admin.email, password: DEMO_PASSWORD },
    });
    const { accessToken } = (await signIn.json()) as { accessToken: string };
    const answer = await request.put(`/api/organiser/workshops/${workshopId}/questions`, {
      headers: { Authorization: `Bearer ${accessToken}` },
      data: { questions },
    });
    expect(answer.ok(), `PUT questions: ${answer.status()}`).toBe(true);
  } finally {
    await request.dispose();
  }
}

test('a trainee applies for a workshop in Spanish, is approved, sees the agenda in both times, and withdraws', async ({
  page,
  playwright,
}, info) => {
  const unique = word();
  const title = { es: `Taller de ordenamiento ${unique}`, en: `Land-use workshop ${unique}` };
  const sessionTitles = [`Apertura ${unique}`, `Mesa de cooperación ${unique}`];
  const email = `taller-${unique}@aula.example`;
  const startDate = isoDay(20);
  const endDate = isoDay(21);

  // Set-up through the API, as the demo administrator (an organiser of every workshop): a host
  // region and institution, a workshop by application in Madrid's time with two sessions, published.
  const api = await adminApi(playwright, info);
  let workshop: Created;
  let region: Created;
  try {
    region = await api.post<Created>('/api/admin/directory/regions', {
      slug: `valle-${unique}`,
      name: { es: `Valle ${unique}` },
      country: 'CO',
      subdivision: 'CO-VAC',
      worldRegion: 'latin-america-caribbean',
      status: 'participating',
      public: true,
    });
    const institution = await api.post<Created>('/api/admin/directory/institutions', {
      names: [{ value: `Gobernación ${unique}`, lang: 'es', type: 'official' }],
      kind: 'planning-board',
      sector: 'government',
      country: 'CO',
      regionId: region.id,
      public: true,
    });
    workshop = await api.post<Created>('/api/organiser/workshops', {
      slug: `taller-${unique}`,
      kind: 'region-specific',
      defaultLocale: 'es',
      title,
      summary: { es: 'Intercambio sobre planes de ordenamiento.' },
      objectives: { es: 'Identificar prioridades de la región.' },
      hostInstitutionId: institution.id,
      hostRegionId: region.id,
      participatingRegionIds: [region.id],
      format: 'hybrid',
      venue: { address: 'Calle Mayor 1', city: 'Madrid', country: 'ES' },
      onlineUrl: `https://meet.example.org/${unique}`,
      timeZone: 'Europe/Madrid',
      startDate,
      endDate,
      expectedHours: 6,
      capacity: 20,
      registrationMode: 'application',
    });
    // 10:00 on the first day and 11:00 on the second, in Madrid (UTC+1 in winter, +2 in summer).
    await api.post(`/api/organiser/workshops/${workshop.id}/sessions`, {
      title: { es: sessionTitles[0] },
      speakers: [{ name: 'Ngozi Adichie' }],
      room: 'Sala 2',
      startsAt: `${startDate}T08:00:00Z`,
      endsAt: `${startDate}T09:30:00Z`,
    });
    await api.post(`/api/organiser/workshops/${workshop.id}/sessions`, {
      title: { es: sessionTitles[1] },
      startsAt: `${endDate}T09:00:00Z`,
      endsAt: `${endDate}T11:00:00Z`,
    });
    // The organisers' own question on the application form: a required choice.
    await putQuestions(playwright, info, workshop.id, [
      {
        id: 'role',
        kind: 'choice',
        prompt: { es: `Su papel en el plan ${unique}`, en: `Your role in the plan ${unique}` },
        required: true,
        options: [
          { id: 'lead', label: { es: 'Coordino el plan', en: 'I lead the plan' } },
          { id: 'member', label: { es: 'Participo en el equipo', en: 'I am on the team' } },
        ],
      },
    ]);
    await api.post(`/api/organiser/workshops/${workshop.id}/status`, { to: 'published' });
  } catch (error) {
    await api.dispose();
    throw error;
  }

  // A fresh trainee who reads Spanish and lives in Bogotá's time.
  const trainee = await api.register(email, `Camila Ñáñez ${unique}`);
  const profile = await trainee.request.patch('/api/me', {
    headers: trainee.headers,
    data: { locale: 'es', timeZone: 'America/Bogota' },
  });
  expect(profile.ok(), 'profile in Spanish, Bogotá time').toBe(true);
  await trainee.request.dispose();

  try {
    await signIn(page, email, PASSWORD);

    // The top bar leads to the workshops; the region filter lives in the address.
    await page
      .getByRole('banner')
      .getByRole('link', { name: t('es', 'workshops.nav') })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: t('es', 'workshops.title') })).toBeVisible();
    await page.getByLabel(t('es', 'workshops.filters.region'), { exact: true }).selectOption(region.id);
    await expect(page).toHaveURL(new RegExp(`region=${region.id}`));
    const card = page.getByRole('article', { name: title.es });
    await expect(card).toContainText(t('es', 'workshops.mode.application'));
    await expect(card).toContainText(t('es', 'workshops.seats.left', { count: 20 }));
    await card.getByRole('link', { name: title.es }).first().click();

    // The workshop's page, in Spanish; the online link is not shown before a seat is confirmed.
    await expect(page.getByRole('heading', { level: 1, name: title.es })).toBeVisible();
    await expect(page.getByRole('link', { name: t('es', 'workshops.joinOnline') })).toHaveCount(0);
    await expect(page.getByRole('link', { name: `Gobernación ${unique}` })).toBeVisible();

    // Apply through the form.
    await page.getByRole('button', { name: t('es', 'workshops.apply') }).click();
    await expect(page.getByText(t('es', 'validation.required'))).toHaveCount(2);
    await page.getByRole('combobox', { name: t('es', 'fields.country') }).click();
    await page.getByRole('option', { name: 'Colombia', exact: true }).click();
    // The institution from the directory's typeahead, as a person types part of its name.
    const institutionField = page.getByRole('combobox', {
      name: t('es', 'directoryFields.institution'),
      exact: true,
    });
    await institutionField.pressSequentially(`Gobernación ${unique}`, { delay: 20 });
    await page.getByRole('option', { name: new RegExp(escape(`Gobernación ${unique}`)) }).click();
    await expect(institutionField).toHaveValue(new RegExp(escape(`Gobernación ${unique}`)));
    await page.getByLabel(t('es', 'directoryFields.position')).fill('Coordinadora de planeación');
    await page
      .getByLabel(t('es', 'workshops.motivation'))
      .fill('Coordino el plan de ordenamiento de mi municipio y quiero compartir la experiencia.');
    await page
      .getByLabel(t('es', 'workshops.apply2.accessibilityNeeds'))
      .fill('Subtítulos en las sesiones en línea');
    // The organisers' question, in Spanish.
    // By keyboard: the empty select's label covers it (the form field passes clicks on, Playwright cannot tell).
    const roleField = page.getByRole('combobox', { name: new RegExp(escape(`Su papel en el plan ${unique}`)) });
    await roleField.focus();
    await roleField.press('Enter');
    await page.getByRole('option', { name: 'Coordino el plan' }).click();
    await page.getByRole('button', { name: t('es', 'workshops.apply') }).click();
    const state = (status: string) => page.locator(`.state[data-status="${status}"]`);
    await expect(state('pending')).toContainText(t('es', 'workshops.myStatus.pending'));
    await expect(page.getByRole('button', { name: t('es', 'workshops.apply') })).toHaveCount(0);

    // The organiser approves, through the API.
    const registrations = await api.get<{
      items: {
        id: string;
        status: string;
        country: string | null;
        institution: { displayName: string } | null;
      }[];
    }>(`/api/organiser/workshops/${workshop.id}/registrations`);
    expect(registrations.items).toHaveLength(1);
    expect(registrations.items[0]).toMatchObject({
      status: 'pending',
      country: 'CO',
      institution: { displayName: `Gobernación ${unique}` },
      position: 'Coordinadora de planeación',
      accessibilityNeeds: 'Subtítulos en las sesiones en línea',
      answers: { role: 'lead' },
    });
    await api.post(`/api/organiser/workshop-registrations/${registrations.items[0]!.id}/approve`, {});

    // Confirmed: the online link appears, and the agenda shows the workshop's time and mine.
    await page.reload();
    await expect(state('confirmed')).toContainText(t('es', 'workshops.myStatus.confirmed'));
    await expect(page.getByRole('link', { name: t('es', 'workshops.joinOnline') })).toHaveAttribute(
      'href',
      `https://meet.example.org/${unique}`,
    );
    const agenda = page.getByRole('region', { name: t('es', 'workshops.agenda') });
    for (const sessionTitle of sessionTitles) {
      await expect(agenda.getByRole('heading', { name: sessionTitle })).toBeVisible();
    }
    const workshopTime = new RegExp(escape(t('es', 'workshops.time.workshop', { zone: 'Europe/Madrid' })));
    const myTime = new RegExp(escape(t('es', 'workshops.time.yours', { zone: 'America/Bogota' })));
    await expect(agenda.getByText(workshopTime)).toHaveCount(2);
    await expect(agenda.getByText(myTime)).toHaveCount(2);
    // The first session: 08:00 UTC is 03:00 in Bogotá, whatever Madrid's summer time.
    const first = agenda.getByRole('listitem').filter({ hasText: sessionTitles[0] });
    await expect(first.locator('.viewer-time dd')).toContainText('3:00');
    await expect(first).toContainText('Ngozi Adichie');

    // Withdraw, after confirming in the dialog.
    await page.getByRole('button', { name: t('es', 'workshops.withdraw') }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText(title.es);
    await dialog.getByRole('button', { name: t('es', 'workshops.withdraw') }).click();
    await expect(state('withdrawn')).toContainText(t('es', 'workshops.myStatus.withdrawn'));
    await expect(page.getByRole('link', { name: t('es', 'workshops.joinOnline') })).toHaveCount(0);
    // Withdrawn: the application form is there again.
    await expect(page.getByRole('button', { name: t('es', 'workshops.apply') })).toBeVisible();
  } finally {
    await api.dispose();
  }
});
