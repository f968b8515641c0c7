import { expect, test, type APIRequestContext } from '@playwright/test';
import { adminApi } from './support/admin-api';
import { t } from './support/i18n';
import { DEMO, signIn } from './support/session';

const word = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const isoDay = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

interface Participant {
  name: string;
  code: string;
  request: APIRequestContext;
}

test('the organiser checks participants in by typed code, a second entry is harmless, and a scan made offline is sent when back online', async ({
  page,
  context,
  playwright,
}, info) => {
  const unique = word();
  const startDate = isoDay(10);

  // Set-up through the API: a region, a host institution, a published workshop with one session,
  // and two people with a confirmed seat and their check-in codes.
  const api = await adminApi(playwright, info);
  let workshop: { id: string; slug: string };
  const people: Participant[] = [];
  try {
    const region = await api.post<{ id: string }>('/api/admin/directory/regions', {
      slug: `checkin-${unique}`,
      name: { es: `Región ${unique}` },
      country: 'CO',
      subdivision: 'CO-ANT',
      worldRegion: 'latin-america-caribbean',
      status: 'participating',
      public: true,
    });
    const institution = await api.post<{ id: string }>('/api/admin/directory/institutions', {
      names: [{ value: `Instituto ${unique}`, lang: 'es', type: 'official' }],
      kind: 'planning-board',
      sector: 'government',
      country: 'CO',
      regionId: region.id,
      public: true,
    });
    workshop = await api.post<{ id: string; slug: string }>('/api/organiser/workshops', {
      slug: `checkin-${unique}`,
      kind: 'region-specific',
      defaultLocale: 'es',
      title: { es: `Taller de asistencia ${unique}`, en: `Attendance workshop ${unique}` },
      hostInstitutionId: institution.id,
      hostRegionId: region.id,
      participatingRegionIds: [region.id],
      format: 'in-person',
      venue: { address: 'Calle 10 # 5-20', city: 'Medellín', country: 'CO' },
      timeZone: 'America/Bogota',
      startDate,
      endDate: startDate,
      registrationMode: 'open',
    });
    await api.post(`/api/organiser/workshops/${workshop.id}/sessions`, {
      title: { es: 'Apertura', en: 'Opening' },
      startsAt: `${startDate}T14:00:00Z`,
      endsAt: `${startDate}T16:00:00Z`,
    });
    await api.post(`/api/organiser/workshops/${workshop.id}/status`, { to: 'published' });
    for (const name of [`Ana Pérez ${unique}`, `สมชาย ใจดี ${unique}`]) {
      const person = await api.register(`checkin-${word()}@aula.example`, name);
      const registered = await person.request.post(`/api/workshops/${workshop.slug}/registrations`, { headers: person.headers, data: {} });
      expect(registered.status(), 'registration').toBe(201);
      const code = await person.request.get(`/api/workshops/${workshop.slug}/check-in-code`, { headers: person.headers });
      expect(code.ok(), 'check-in code').toBe(true);
      people.push({ name, code: ((await code.json()) as { code: string }).code, request: person.request });
    }
  } finally {
    await api.dispose();
  }

  // The organiser opens the check-in screen; the workshop's only session is chosen.
  const { locale } = await signIn(page, DEMO.admin.email);
  await page.goto(`/organiser/workshops/${workshop.id}/check-in`);
  await expect(page.getByRole('heading', { level: 1, name: t(locale, 'attendance.checkIn.title') })).toBeVisible();
  const codeField = page.getByLabel(t(locale, 'attendance.checkIn.code'));
  const checkIn = page.getByRole('button', { name: t(locale, 'attendance.checkIn.checkIn'), exact: true });
  const results = page.getByTestId('checkin-results').getByRole('listitem');
  const pending = page.getByTestId('checkin-pending');

  // Bad input: nothing typed says what to do.
  await checkIn.click();
  await expect(page.getByText(t(locale, 'attendance.checkIn.codeRequired'))).toBeVisible();

  // Typed as people read it out: lower case, without the dash.
  const [ana, somchai] = people;
  await codeField.fill(ana.code.replace('-', '').toLowerCase());
  await checkIn.click();
  await expect(results.first()).toContainText(ana.name);
  await expect(results.first()).toHaveAttribute('data-outcome', 'recorded');
  await expect(results.first()).toContainText(t(locale, 'attendance.checkIn.outcome.recorded'));
  await expect(pending).toHaveText(t(locale, 'attendance.checkIn.pending', { count: 0 }));

  // A second entry of the same code is harmless: it says so and changes nothing.
  await codeField.fill(ana.code);
  await checkIn.click();
  await expect(results.first()).toHaveAttribute('data-outcome', 'already-recorded');
  await expect(results).toHaveCount(2);

  // An unknown code is refused with a message the organiser can read.
  await codeField.fill('ZZZZZ-ZZZZZ');
  await checkIn.click();
  await expect(results.first()).toHaveAttribute('data-outcome', 'unknown-code');
  await expect(results.first()).toContainText(t(locale, 'attendance.checkIn.outcome.unknown-code'));

  // The connection drops: the scan is kept on the phone and counted as waiting.
  await context.setOffline(true);
  await expect(page.getByText(t(locale, 'attendance.checkIn.offline'))).toBeVisible();
  await codeField.fill(somchai.code);
  await checkIn.click();
  await expect(pending).toHaveText(t(locale, 'attendance.checkIn.pending', { count: 1 }));
  await expect(results.first()).toHaveAttribute('data-outcome', 'unknown-code');

  // Back online: it is sent, once, and its result shown.
  await context.setOffline(false);
  await expect(pending).toHaveText(t(locale, 'attendance.checkIn.pending', { count: 0 }));
  await expect(results.first()).toHaveAttribute('data-outcome', 'recorded');
  await expect(results.first()).toContainText(somchai.name);

  // The attendance sheet counts two people at the session, each once.
  await page.getByRole('link', { name: t(locale, 'attendance.checkIn.sheet') }).click();
  await expect(page.getByRole('heading', { level: 1, name: t(locale, 'attendance.sheet.title') })).toBeVisible();
  const table = page.getByTestId('attendance-table');
  await expect(table.getByRole('row', { name: new RegExp(ana.name) })).toContainText(t(locale, 'attendance.sheet.met'));
  await expect(table.getByRole('row', { name: new RegExp(somchai.name) })).toContainText(t(locale, 'attendance.sheet.met'));
  // Each counted once: 2 of the 2 session hours, not more.
  await expect(page.getByText(t(locale, 'attendance.sheet.summary', { meeting: 2, confirmed: 2, threshold: 75, hours: 2 }))).toBeVisible();

  for (const p of people) await p.request.dispose();
});
