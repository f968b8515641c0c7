import { expect, test, type APIRequestContext } from '@playwright/test';
import { t } from './support/i18n';
import { adminApi } from './support/admin-api';
import { DEMO, DEMO_PASSWORD, signIn } from './support/session';

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Signs in through the API and answers calls as that person. */
async function apiAs(request: APIRequestContext, email: string) {
  const answer = await request.post('/api/auth/sign-in', { data: { email, password: DEMO_PASSWORD } });
  expect(answer.ok(), `${email} signs in`).toBe(true);
  const headers = {
    Authorization: `Bearer ${((await answer.json()) as { accessToken: string }).accessToken}`,
  };
  return async <T>(method: 'get' | 'post' | 'put', path: string, data?: unknown): Promise<T> => {
    const response = await request[method](path, { headers, ...(data === undefined ? {} : { data }) });
    expect(
      response.ok(),
      `${method.toUpperCase()} ${path}: ${response.status()} ${await response.text()}`,
    ).toBe(true);
    return (await response.json()) as T;
  };
}

test('a tutor marks a submitted assignment with a rubric and releases it; the trainee reads it in Portuguese', async ({
  page,
  playwright,
}) => {
  test.setTimeout(90_000);
  // Set up through the API: a published course with one assignment (rubric), a cohort tutored by
  // the Portuguese-speaking demo tutor, the Portuguese-speaking demo trainee in it, her submission.
  const admin = await adminApi(playwright, test.info());
  const users = async (role: string, email: string) =>
    (
      await admin.get<{ items: { id: string; email: string }[] }>(
        `/api/admin/users?role=${role}&q=${encodeURIComponent(email)}`,
      )
    ).items.find((u) => u.email === email);
  const tutor = await users('tutor', DEMO.tutorPt.email);
  const trainee = await users('trainee', DEMO.traineePt.email);
  if (!tutor || !trainee) throw new Error('the demo tutor and trainee should exist');

  const request = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const asAdmin = await apiAs(request, DEMO.admin.email);
  const course = await admin.course(`e2e-marking-${run}`, `Marking practice ${run}`);
  const module = await admin.post<{ id: string }>(`/api/admin/courses/${course.id}/modules`, {
    title: { en: 'Plans' },
  });
  const title = `Action plan ${run}`;
  const activity = await admin.post<{ id: string }>(`/api/admin/modules/${module.id}/activities`, {
    kind: 'assignment',
    title: { en: title },
    body: { en: '<p>Write your regional action plan.</p>' },
  });
  await asAdmin('put', `/api/admin/assignments/${activity.id}/settings`, {
    rubric: {
      criteria: [
        {
          id: 'diagnosis',
          title: { en: 'Diagnosis', pt: 'Diagnóstico' },
          levels: [
            { id: 'd-weak', title: { en: 'Weak', pt: 'Fraco' }, points: 2 },
            { id: 'd-solid', title: { en: 'Solid', pt: 'Sólido' }, points: 6 },
          ],
        },
        {
          id: 'actions',
          title: { en: 'Actions', pt: 'Ações' },
          levels: [
            { id: 'a-vague', title: { en: 'Vague', pt: 'Vagas' }, points: 1 },
            { id: 'a-concrete', title: { en: 'Concrete', pt: 'Concretas' }, points: 4 },
          ],
        },
      ],
    },
  });
  await admin.post(`/api/admin/courses/${course.id}/status`, { status: 'published' });
  const cohortName = `Marking cohort ${run}`;
  const cohort = await admin.cohort(course.id, cohortName, { tutorIds: [tutor.id] });
  await admin.post(`/api/admin/cohorts/${cohort.id}/enrolments`, { userId: trainee.id });
  const asTrainee = await apiAs(request, DEMO.traineePt.email);
  await asTrainee('put', `/api/assignments/${activity.id}/draft`, { text: `<p>Plano regional ${run}</p>` });
  await asTrainee('post', `/api/assignments/${activity.id}/submit`, {});
  await request.dispose();
  await admin.dispose();

  // The tutor finds the work waiting on their home page and opens the queue.
  const { locale } = await signIn(page, DEMO.tutorPt.email);
  await page.getByRole('link', { name: new RegExp(title) }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(cohortName) })).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(DEMO.traineePt.name) });
  await expect(row).toContainText(t(locale, 'marking.state.waiting'));
  await row.getByRole('link', { name: t(locale, 'marking.mark') }).click();

  // Submission beside the rubric.
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText(`Plano regional ${run}`)).toBeVisible();
  await page
    .getByRole('group', { name: 'Diagnóstico' })
    .getByLabel(/Sólido/)
    .check();
  await page.getByRole('group', { name: 'Ações' }).getByLabel(/Vagas/).check();
  await expect(page.getByText(t(locale, 'marking.form.score', { points: 7, max: 10 }))).toBeVisible();
  const feedback = `Bom diagnóstico; as ações precisam de prazos. ${run}`;
  await page.getByLabel(t(locale, 'marking.form.feedback')).fill(feedback);
  await page.getByRole('button', { name: t(locale, 'marking.form.saveDraft') }).click();
  const history = page.getByRole('region', { name: t(locale, 'marking.history.title') });
  await expect(history.getByText(`${t(locale, 'marking.history.action.mark')} · ${DEMO.tutorPt.name}`)).toBeVisible();
  await page.locator('input[type=file]').setInputFiles({
    name: 'comentarios.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(`Comentários detalhados ${run}\n`, 'utf8'),
  });
  await expect(page.getByRole('button', { name: /comentarios\.txt/ })).toBeVisible();
  await page.getByRole('button', { name: t(locale, 'marking.form.release'), exact: true }).click();
  await expect(page.getByText(t(locale, 'marking.form.releasedNote'))).toBeVisible();
  await expect(history.getByText(`${t(locale, 'marking.history.action.release')} · ${DEMO.tutorPt.name}`)).toBeVisible();

  // The trainee now sees the grade and the feedback, in Portuguese.
  await page.context().clearCookies();
  await page.evaluate(() => {
    localStorage.clear();
    sessionStorage.clear();
  });
  const own = await signIn(page, DEMO.traineePt.email);
  expect(own.locale).toBe('pt');
  await page.goto(`/learn/activities/${activity.id}`);
  await expect(page.getByRole('heading', { name: t('pt', 'assignment.grade.title') })).toBeVisible();
  await expect(page.getByText(t('pt', 'assignment.grade.points', { points: 7, max: 10 }))).toBeVisible();
  await expect(page.getByText(feedback)).toBeVisible();
  // …and downloads the tutor's feedback file.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: t('pt', 'assignment.grade.feedbackFile', { name: 'comentarios.txt' }) }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('comentarios.txt');
  const body = await saved.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).toString('utf8')).toBe(`Comentários detalhados ${run}\n`);
});
