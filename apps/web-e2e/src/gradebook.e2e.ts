import { expect, test, type APIRequestContext } from '@playwright/test';
import { t } from './support/i18n';
import { adminApi } from './support/admin-api';
import { DEMO, DEMO_PASSWORD, signIn } from './support/session';

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** The demo administrator's API, for the PUTs and the CSV upload the shared helper does not offer. */
async function adminRequest(
  playwright: Parameters<typeof adminApi>[0],
): Promise<{ api: APIRequestContext; headers: Record<string, string> }> {
  const api = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const session = await api.post('/api/auth/sign-in', {
    data: { email: DEMO.admin.email, password: DEMO_PASSWORD },
  });
  expect(session.ok(), 'the demo administrator signs in').toBe(true);
  return {
    api,
    headers: { Authorization: `Bearer ${((await session.json()) as { accessToken: string }).accessToken}` },
  };
}

test('a tutor opens a cohort gradebook and sees the weighted total and the pass mark', async ({
  page,
  playwright,
}) => {
  test.setTimeout(90_000);
  const admin = await adminApi(playwright, test.info());
  const tutor = (
    await admin.get<{ items: { id: string; email: string }[] }>(
      `/api/admin/users?role=tutor&q=${encodeURIComponent(DEMO.tutor.email)}`,
    )
  ).items.find((person) => person.email === DEMO.tutor.email);
  expect(tutor, 'the demo tutor exists').toBeTruthy();
  const course = await admin.course(`e2e-gradebook-${run}`, `Gradebook practice ${run}`);
  const module = await admin.post<{ id: string }>(`/api/admin/courses/${course.id}/modules`, {
    title: { en: 'Plans' },
  });
  const plan = await admin.post<{ id: string }>(`/api/admin/modules/${module.id}/activities`, {
    kind: 'assignment',
    title: { en: 'Action plan draft' },
  });
  const cohortName = `Graded cohort ${run}`;
  const cohort = await admin.cohort(course.id, cohortName, { tutorIds: [tutor?.id ?? ''] });
  const trainee = { name: 'Itzel Xocoyotzin', email: `e2e.graded.${run}@aula.example` };
  const person = await admin.register(trainee.email, trainee.name);
  await admin.post(`/api/admin/cohorts/${cohort.id}/enrolments`, { userId: person.id });
  await person.request.dispose();

  const { api, headers } = await adminRequest(playwright);
  const settings = await api.put(`/api/admin/courses/${course.id}/grading`, {
    headers,
    data: { passPercent: 60, completionRequiresPass: false, categoryWeights: {}, items: [] },
  });
  expect(settings.ok(), 'grading settings saved').toBe(true);
  const grading = (await settings.json()) as { items: { activityId: string; maxPoints: number }[] };
  const max = grading.items.find((item) => item.activityId === plan.id)?.maxPoints ?? 100;
  // Marked offline, imported, then released: the gradebook counts released grades only.
  const imported = await api.post(`/api/cohorts/${cohort.id}/gradebook/import`, {
    headers: { ...headers, 'Content-Type': 'text/csv' },
    data: `email,${plan.id}\n${trainee.email},${(max * 3) / 4}\n`,
  });
  expect(((await imported.json()) as { applied: boolean }).applied, 'scores imported').toBe(true);
  const released = await api.post(`/api/cohorts/${cohort.id}/marking/release`, {
    headers,
    data: { activityId: plan.id },
  });
  expect(released.ok(), 'grades released').toBe(true);
  await api.dispose();
  await admin.dispose();

  const { locale } = await signIn(page, DEMO.tutor.email);
  await page.getByRole('link', { name: new RegExp(cohortName) }).click();
  await page.getByRole('link', { name: t(locale, 'gradebook.titles.cohort') }).click();
  await expect(page.getByText(t(locale, 'gradebook.passMark', { percent: 60 }))).toBeVisible();
  const table = page.getByRole('table', { name: t(locale, 'gradebook.table.caption') });
  await expect(table.getByRole('columnheader', { name: /Action plan draft/ })).toBeVisible();
  const row = table.getByRole('row', { name: new RegExp(trainee.name) });
  await expect(row).toContainText(t(locale, 'gradebook.percent', { value: 75 }));
  await expect(row).toContainText(t(locale, 'gradebook.passed'));
});

test("an administrator sets a quiz's close time in the cohort's time zone", async ({ page, playwright }) => {
  test.setTimeout(90_000);
  const admin = await adminApi(playwright, test.info());
  const course = await admin.course(`e2e-dates-${run}`, `Dates practice ${run}`);
  const module = await admin.post<{ id: string }>(`/api/admin/courses/${course.id}/modules`, {
    title: { en: 'Check' },
  });
  const quiz = await admin.post<{ id: string }>(`/api/admin/modules/${module.id}/activities`, {
    kind: 'quiz',
    title: { en: 'Water basins quiz' },
  });
  const { api, headers } = await adminRequest(playwright);
  // A cohort in São Paulo; the browser runs in Bogotá (playwright.config.ts): two hours apart in March.
  const created = await api.post('/api/admin/cohorts', {
    headers,
    data: {
      courseId: course.id,
      name: `Cohorte São Paulo ${run}`,
      startDate: '2027-02-01',
      endDate: '2027-06-30',
      timeZone: 'America/Sao_Paulo',
      capacity: null,
      enrolmentMode: 'open',
    },
  });
  expect(created.ok(), 'cohort created').toBe(true);
  const cohort = (await created.json()) as { id: string };
  await admin.dispose();

  const { locale } = await signIn(page, DEMO.admin.email);
  await page.goto(`/admin/cohorts/${cohort.id}`);
  await expect(page.getByTestId('cohort-zone')).toContainText('America / Sao Paulo');
  const form = page.getByRole('form', { name: /Water basins quiz/ });
  await form.getByLabel(t(locale, 'gradebook.dates.quiz.closesAt'), { exact: true }).fill('2027-03-07T23:59');
  // Shown for the person editing, in their own zone (Bogotá, two hours behind São Paulo).
  await expect(form.getByText(/21:59|9:59/)).toBeVisible();
  await form.getByRole('button', { name: t(locale, 'gradebook.dates.save') }).click();
  await expect(page.getByText(t(locale, 'gradebook.dates.saved'))).toBeVisible();

  const schedule = await api.get(`/api/cohorts/${cohort.id}/schedule`, { headers });
  const entry = (
    (await schedule.json()) as { activities: { activityId: string; closesAt: string | null }[] }
  ).activities.find((a) => a.activityId === quiz.id);
  // 23:59 in São Paulo (UTC-3) is 02:59 UTC the next day.
  expect(entry?.closesAt).toBe('2027-03-08T02:59:00.000Z');
  await api.dispose();

  await page.reload();
  await expect(
    page
      .getByRole('form', { name: /Water basins quiz/ })
      .getByLabel(t(locale, 'gradebook.dates.quiz.closesAt'), { exact: true }),
  ).toHaveValue('2027-03-07T23:59');
});
