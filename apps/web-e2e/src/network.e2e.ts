import { expect, test, type Page } from '@playwright/test';
import { adminApi } from './support/admin-api';
import { exactly, t } from './support/i18n';

interface Created {
  id: string;
  slug: string;
}

const word = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** The language switch in the top bar, as a visitor uses it before signing in. */
async function switchToPortuguese(page: Page) {
  await page
    .getByRole('banner')
    .getByRole('button', { name: new RegExp(t('en', 'shell.language')) })
    .click();
  await page.getByRole('button', { name: t('pt', 'languageNames.pt'), exact: true }).click();
}

test('a visitor browses the network in Portuguese and opens a region with its map, institutions and people', async ({
  page,
  playwright,
}, info) => {
  const unique = word();
  const regionName = { en: `Antioquia Valley ${unique}`, pt: `Vale de Antioquia ${unique}` };
  const institutionName = `Secretaría de Planeación ${unique}`;
  const personName = `Luísa Ñandú ${unique}`;

  // Set-up through the API: a public region with a location, an institution in it, and a person
  // of that institution who published their network profile.
  const api = await adminApi(playwright, info);
  let region: Created;
  let institution: Created;
  let personId: string;
  try {
    region = await api.post<Created>('/api/admin/directory/regions', {
      slug: `antioquia-${unique}`,
      name: regionName,
      country: 'CO',
      subdivision: 'CO-ANT',
      worldRegion: 'latin-america-caribbean',
      status: 'participating',
      location: { lat: 6.25, lon: -75.56 },
      joinedOn: '2025-03-14',
      description: { en: 'Mountains and coffee.', pt: 'Montanhas e café.' },
      public: true,
    });
    institution = await api.post<Created>('/api/admin/directory/institutions', {
      names: [
        { value: institutionName, lang: 'es', type: 'official' },
        { value: `SPA${unique}`.toUpperCase(), lang: null, type: 'acronym' },
      ],
      kind: 'planning-board',
      sector: 'government',
      country: 'CO',
      regionId: region.id,
      public: true,
    });
    const person = await api.register(`network-${unique}@aula.example`, personName);
    personId = person.id;
    const membership = await person.request.post('/api/me/memberships', {
      headers: person.headers,
      data: { institutionId: institution.id, position: 'Planejadora' },
    });
    expect(membership.ok(), 'membership').toBe(true);
    const profile = await person.request.put('/api/me/network-profile', {
      headers: person.headers,
      data: {
        published: true,
        bio: 'Ordenamento territorial.',
        topics: [`Gestão da água ${unique}`],
        languages: ['es', 'pt'],
        institutionId: institution.id,
        regionId: region.id,
      },
    });
    expect(profile.ok(), 'published profile').toBe(true);
    await person.request.dispose();
  } finally {
    await api.dispose();
  }

  // A visitor, not signed in, finds the network in the top bar and reads it in Portuguese.
  await page.goto('/');
  await switchToPortuguese(page);
  await page
    .getByRole('banner')
    .getByRole('link', { name: t('pt', 'network.nav') })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: t('pt', 'network.title') })).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(t('pt', 'titles.network')));
  // The map of every region, drawn without map tiles, with this region's marker among them.
  const overview = page.getByTestId('network-map').first();
  await expect(overview).toHaveAttribute('aria-label', /.+/);
  await expect(overview.locator(`[data-marker="${region.slug}"]`)).toHaveCount(1);
  await expect(page.getByRole('table', { name: t('pt', 'network.chart.title') })).toBeVisible();

  // Search, then narrow by world region: both land in the address.
  await page.getByLabel(t('pt', 'network.search.regions'), { exact: true }).fill(`antioquia ${unique}`);
  await expect(page).toHaveURL(new RegExp(`q=antioquia`));
  const worldRegion = page.getByLabel(t('pt', 'network.filters.worldRegion'), { exact: true });
  await worldRegion.selectOption('asia');
  await expect(page.getByText(t('pt', 'network.noResultsTitle'))).toBeVisible();
  await worldRegion.selectOption('latin-america-caribbean');
  await expect(page).toHaveURL(/worldRegion=latin-america-caribbean/);
  const regionLink = page.getByRole('link', { name: regionName.pt, exact: true });
  await expect(regionLink).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: exactly(t('pt', 'network.shown.regions', { count: 1 })) }),
  ).toBeVisible();

  // The region's page: its facts in Portuguese, its map, its institutions and its people.
  await regionLink.click();
  await expect(page.getByRole('heading', { level: 1, name: regionName.pt })).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(regionName.pt));
  await expect(page.getByText('Montanhas e café.')).toBeVisible();
  await expect(page.getByText(t('pt', 'network.statuses.participating')).first()).toBeVisible();

  const colombia = new Intl.DisplayNames(['pt-BR'], { type: 'region' }).of('CO') ?? 'CO';
  const map = page.getByRole('img', {
    name: t('pt', 'network.map.region', { region: regionName.pt, country: colombia }),
  });
  await expect(map).toBeVisible();
  const highlighted = map.locator('path.highlighted');
  await expect(highlighted).toHaveCount(1);
  await expect(highlighted).toHaveAttribute('data-country', 'CO');
  await expect(highlighted).toBeVisible();
  await expect(map.locator(`[data-marker="${region.slug}"]`)).toBeVisible();

  const institutions = page.getByRole('region', { name: t('pt', 'network.region.institutions') });
  await expect(institutions.getByRole('link', { name: institutionName })).toBeVisible();
  const people = page.getByRole('region', { name: t('pt', 'network.region.people') });
  await people.getByRole('link', { name: personName }).click();

  // The person's public profile: what they published, with the way back to their institution.
  await expect(page.getByRole('heading', { level: 1, name: personName })).toBeVisible();
  await expect(page.getByText('Ordenamento territorial.')).toBeVisible();
  await expect(page.getByText(`Gestão da água ${unique}`)).toBeVisible();
  expect(new URL(page.url()).pathname).toBe(`/network/people/${personId}`);
  await page.getByRole('link', { name: institutionName }).click();
  await expect(page.getByRole('heading', { level: 1, name: institutionName })).toBeVisible();
  await expect(page.getByText(t('pt', 'network.kinds.planning-board')).first()).toBeVisible();
  await expect(
    page
      .getByRole('region', { name: t('pt', 'network.institution.people') })
      .getByRole('link', { name: personName }),
  ).toBeVisible();
});
