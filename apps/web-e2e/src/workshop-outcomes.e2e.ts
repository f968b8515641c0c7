import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { adminApi } from './support/admin-api';
import { t } from './support/i18n';
import { DEMO, signIn } from './support/session';

const word = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const PASSWORD = 'a long enough password';

interface Created {
  id: string;
  slug: string;
}

/** Picks `option` in the Material select labelled `label`. */
async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('a participant answers the survey in Portuguese, the organiser reads the chart, records outcomes and publishes the report, a visitor reads it', async ({
  browser,
  page,
  playwright,
}, info) => {
  test.setTimeout(90_000);
  const unique = word();
  const regionNames = { from: `Antioquia ${unique}`, to: `Córdoba ${unique}` };
  const topic = `Gestión del agua ${unique}`;
  const description = `Asistencia técnica en cuencas compartidas ${unique}`;
  const email = `survey-${unique}@aula.example`;

  // Set-up through the API: two regions, a host institution, a workshop held with one confirmed
  // participant whose interface is in Portuguese.
  const api = await adminApi(playwright, info);
  let workshop: Created;
  let participant: { request: APIRequestContext };
  try {
    const region = (slug: string, name: string, subdivision: string, country: string) =>
      api.post<Created>('/api/admin/directory/regions', {
        slug,
        name: { en: name, es: name, pt: name },
        country,
        subdivision,
        worldRegion: 'latin-america-caribbean',
        status: 'participating',
        public: true,
      });
    const from = await region(`antioquia-${unique}`, regionNames.from, 'CO-ANT', 'CO');
    const to = await region(`cordoba-${unique}`, regionNames.to, 'AR-X', 'AR');
    const host = await api.post<Created>('/api/admin/directory/institutions', {
      names: [{ value: `Gobernación ${unique}`, lang: 'es', type: 'official' }],
      kind: 'government',
      country: 'CO',
      public: true,
    });
    workshop = await api.post<Created>('/api/organiser/workshops', {
      slug: `taller-${unique}`,
      kind: 'interregional',
      defaultLocale: 'es',
      title: { es: `Intercambio ${unique}`, en: `Exchange ${unique}`, pt: `Intercâmbio ${unique}` },
      hostInstitutionId: host.id,
      hostRegionId: from.id,
      participatingRegionIds: [from.id, to.id],
      format: 'online',
      onlineUrl: 'https://meet.example.org/taller',
      timeZone: 'America/Bogota',
      startDate: '2031-03-10',
      endDate: '2031-03-11',
      registrationMode: 'open',
    });
    await api.post(`/api/organiser/workshops/${workshop.id}/status`, { to: 'published' });
    const person = await api.register(email, `Ana Paula ${unique}`);
    participant = person;
    const locale = await person.request.patch('/api/me', { headers: person.headers, data: { locale: 'pt' } });
    expect(locale.ok(), 'profile in Portuguese').toBe(true);
    const registration = await person.request.post(`/api/workshops/${workshop.slug}/registrations`, { headers: person.headers, data: {} });
    expect(((await registration.json()) as { status: string }).status).toBe('confirmed');
    for (const to of ['registration-closed', 'in-progress', 'held']) await api.post(`/api/organiser/workshops/${workshop.id}/status`, { to });
    await api.post(`/api/organiser/workshops/${workshop.id}/materials`, {
      title: `Apresentação ${unique}`,
      url: 'https://docs.example.org/apresentacao',
      language: 'pt',
    });
  } finally {
    await api.dispose();
  }
  await participant.request.dispose();

  // The participant answers the default survey in Portuguese, anonymously.
  expect((await signIn(page, email, PASSWORD)).locale).toBe('pt');
  await page.goto(`/workshops/${workshop.slug}/feedback`);
  await expect(page.getByRole('heading', { level: 2, name: t('pt', 'workshopOutcomes.survey.title') })).toBeVisible();
  await expect(page.getByRole('link', { name: `Apresentação ${unique}` })).toBeVisible();
  const overall = page.getByRole('group', { name: 'De modo geral, como você avalia a oficina?' });
  const usefulness = page.getByRole('group', { name: 'Quão útil foi para o seu trabalho e a sua região?' });
  // Sending without the required ratings names them.
  await page.getByRole('button', { name: t('pt', 'workshopOutcomes.survey.send') }).click();
  await expect(overall.getByRole('alert')).toHaveText(t('pt', 'validation.required'));
  await overall.getByRole('radio', { name: t('pt', 'workshopOutcomes.survey.ratingOf', { rating: 5, max: 5 }) }).check();
  await usefulness.getByRole('radio', { name: t('pt', 'workshopOutcomes.survey.ratingOf', { rating: 4, max: 5 }) }).check();
  await page.getByLabel(t('pt', 'workshopOutcomes.survey.yourAnswer')).fill('Mais tempo para os grupos de trabalho.');
  await page.getByRole('checkbox', { name: t('pt', 'workshopOutcomes.survey.anonymous') }).check();
  await page.getByRole('button', { name: t('pt', 'workshopOutcomes.survey.send') }).click();
  await expect(page.getByRole('status').filter({ hasText: t('pt', 'workshopOutcomes.survey.thanksAnonymous') })).toBeVisible();

  // The organiser sees the results: a chart per rating question and the written answer.
  const organiserContext = await browser.newContext();
  const organiser = await organiserContext.newPage();
  const { locale } = await signIn(organiser, DEMO.admin.email);
  await organiser.goto(`/organiser/workshops/${workshop.id}/survey-results`);
  await expect(organiser.getByRole('heading', { level: 1, name: t(locale, 'workshopOutcomes.titles.surveyResults') })).toBeVisible();
  await expect(organiser.getByText(t(locale, 'workshopOutcomes.results.responses', { count: 1, anonymous: 1 }))).toBeVisible();
  const overallPrompt = { en: 'Overall, how would you rate the workshop?', es: 'En general, ¿cómo valora el taller?', pt: 'De modo geral, como você avalia a oficina?' }[locale];
  const chart = organiser.getByRole('table', { name: overallPrompt });
  await expect(chart).toBeVisible();
  await expect(chart.getByRole('row', { name: t(locale, 'workshopOutcomes.results.ratingLabel', { rating: 5 }) })).toContainText('1');
  await expect(organiser.getByText('Mais tempo para os grupos de trabalho.')).toBeVisible();

  // The organiser records a cooperation offer and publishes the report.
  await organiser.goto(`/organiser/workshops/${workshop.id}/outcomes`);
  await expect(organiser.getByRole('heading', { level: 1, name: t(locale, 'workshopOutcomes.titles.outcomes') })).toBeVisible();
  await choose(organiser, t(locale, 'workshopOutcomes.outcomes.fields.kind'), t(locale, 'workshopOutcomes.outcomes.kinds.offer'));
  await choose(organiser, t(locale, 'workshopOutcomes.outcomes.fields.fromRegion'), regionNames.from);
  await choose(organiser, t(locale, 'workshopOutcomes.outcomes.fields.toRegion'), regionNames.to);
  await organiser.getByLabel(t(locale, 'workshopOutcomes.outcomes.fields.topic')).fill(topic);
  await organiser.getByLabel(t(locale, 'workshopOutcomes.outcomes.fields.description')).fill(description);
  await organiser.getByRole('button', { name: t(locale, 'workshopOutcomes.outcomes.add'), exact: true }).click();
  await expect(organiser.getByRole('cell', { name: topic })).toBeVisible();
  await organiser.getByRole('button', { name: t(locale, 'workshopOutcomes.outcomes.publish') }).click();
  await expect(organiser.getByText(t(locale, 'workshopOutcomes.outcomes.isPublished'))).toBeVisible();
  await organiserContext.close();

  // A visitor, signed out, reads the outcomes on the public report.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto(`/workshops/${workshop.slug}/report`);
  await expect(visitor.getByRole('heading', { level: 3, name: t('en', 'workshopOutcomes.outcomes.kindsPlural.offer') })).toBeVisible();
  await expect(visitor.getByText(topic)).toBeVisible();
  await expect(visitor.getByText(description)).toBeVisible();
  await expect(visitor.getByText(regionNames.to)).toBeVisible();
  await visitorContext.close();
});
