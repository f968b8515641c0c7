import { expect, test } from '@playwright/test';
import { t } from './support/i18n';
import { adminApi } from './support/admin-api';
import { DEMO, DEMO_PASSWORD, signIn } from './support/session';

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test('a trainee takes a timed quiz, resumes it after a reload and sees the score', async ({ page, playwright }) => {
  test.setTimeout(90_000);
  const admin = await adminApi(playwright, test.info());
  const course = await admin.course(`e2e-quiz-${run}`, `Quiz practice ${run}`);
  const module = await admin.post<{ id: string }>(`/api/admin/courses/${course.id}/modules`, { title: { en: 'Check' } });
  const quiz = await admin.post<{ id: string }>(`/api/admin/modules/${module.id}/activities`, {
    kind: 'quiz',
    title: { en: 'Regional planning quiz' },
  });
  const single = await admin.post<{ id: string }>(`/api/admin/courses/${course.id}/questions`, {
    kind: 'single',
    prompt: { en: 'Which city is the capital of Colombia?' },
    options: [
      { text: { en: 'Bogotá' }, correct: true },
      { text: { en: 'Quito' }, correct: false, feedback: { en: 'Quito is the capital of Ecuador.' } },
    ],
    points: 2,
  });
  const truth = await admin.post<{ id: string }>(`/api/admin/courses/${course.id}/questions`, {
    kind: 'true_false',
    prompt: { en: 'An action plan names who is responsible.' },
    correctBoolean: true,
    points: 1,
  });
  const short = await admin.post<{ id: string }>(`/api/admin/courses/${course.id}/questions`, {
    kind: 'short_answer',
    prompt: { en: 'Largest country of South America?' },
    acceptedAnswers: ['Brasil', 'Brazil'],
    points: 1,
  });

  // Settings are a PUT, which the shared helper does not offer: sign in as the demo administrator here.
  const api = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const session = await api.post('/api/auth/sign-in', { data: { email: DEMO.admin.email, password: DEMO_PASSWORD } });
  const headers = { Authorization: `Bearer ${((await session.json()) as { accessToken: string }).accessToken}` };
  const settings = await api.put(`/api/admin/activities/${quiz.id}/quiz`, {
    headers,
    data: {
      questionMode: 'fixed',
      questionIds: [single.id, truth.id, short.id],
      randomCount: null,
      shuffleQuestions: false,
      shuffleOptions: false,
      timeLimitMinutes: 10,
      attemptsAllowed: 2,
      gradingMethod: 'highest',
      showCorrectAnswers: 'after_submit',
      showFeedback: 'after_submit',
      maxPoints: 20,
    },
  });
  expect(settings.ok(), 'quiz settings saved').toBe(true);
  await api.dispose();
  await admin.post(`/api/admin/courses/${course.id}/status`, { status: 'published' });
  const cohort = await admin.cohort(course.id, `Cohort ${run}`);
  const email = `quiz.${run}@e2e.aula.example`;
  const trainee = await admin.register(email, 'Tomás Mamani');
  const joined = await trainee.request.post(`/api/cohorts/${cohort.id}/enrol`, { headers: trainee.headers });
  expect(joined.ok(), 'enrolled').toBe(true);
  await trainee.request.dispose();
  await admin.dispose();

  const { locale } = await signIn(page, email, 'a long enough password');
  await page.goto(`/learn/activities/${quiz.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Regional planning quiz' })).toBeVisible();
  await expect(page.getByText(t(locale, 'quiz.attemptsOf', { used: 0, allowed: 2 }))).toBeVisible();
  await page.getByRole('button', { name: t(locale, 'quiz.start') }).click();

  await expect(page.getByRole('timer')).toContainText(/\b(9|10):\d\d\b/);
  await page.getByRole('radio', { name: 'Quito' }).check();
  await page.getByRole('radio', { name: t(locale, 'quiz.true') }).check();
  await page.getByLabel(t(locale, 'quiz.yourAnswer')).fill('brasil');
  await expect(page.getByText(t(locale, 'quiz.saved'))).toBeVisible();

  // A reload (or a lost connection) comes back to the same attempt with the answers saved.
  await page.reload();
  await expect(page.getByRole('radio', { name: 'Quito' })).toBeChecked();
  await expect(page.getByRole('radio', { name: t(locale, 'quiz.true') })).toBeChecked();
  await expect(page.getByLabel(t(locale, 'quiz.yourAnswer'))).toHaveValue('brasil');

  // Change one answer, then submit after the confirmation.
  await page.getByRole('radio', { name: 'Bogotá' }).check();
  await page.getByRole('button', { name: t(locale, 'quiz.submit') }).click();
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText(t(locale, 'quiz.confirmTitle'));
  await confirm.getByRole('button', { name: t(locale, 'quiz.submit') }).click();

  await expect(page.getByTestId('quiz-score')).toHaveText(t(locale, 'quiz.score', { points: 20, max: 20 }));
  await expect(page.getByText(t(locale, 'quiz.correctIs', { answer: 'Brasil · Brazil' }))).toBeVisible();
  await page.getByRole('button', { name: t(locale, 'quiz.backToQuiz') }).click();
  await expect(page.getByTestId('quiz-grade')).toContainText(t(locale, 'quiz.yourGrade', { points: 20, max: 20 }));
  await expect(page.getByText(t(locale, 'quiz.attemptsOf', { used: 1, allowed: 2 }))).toBeVisible();
});

test('an administrator adds a question to the bank and sets up a quiz from the course editor', async ({ page, playwright }) => {
  test.setTimeout(90_000);
  const admin = await adminApi(playwright, test.info());
  const course = await admin.course(`e2e-quiz-admin-${run}`, `Quiz authoring ${run}`);
  const module = await admin.post<{ id: string }>(`/api/admin/courses/${course.id}/modules`, { title: { en: 'Check' } });
  const quiz = await admin.post<{ id: string }>(`/api/admin/modules/${module.id}/activities`, {
    kind: 'quiz',
    title: { en: 'Diagnosis quiz' },
  });

  const { locale } = await signIn(page, DEMO.admin.email);
  await page.goto(`/admin/courses/${course.id}`);
  await page.getByRole('link', { name: t(locale, 'quiz.admin.open', { name: 'Diagnosis quiz' }) }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Diagnosis quiz' })).toBeVisible();

  await page.getByRole('button', { name: t(locale, 'quiz.admin.addQuestion') }).click();
  const dialog = page.getByRole('dialog');
  const english = t(locale, 'languageNames.en');
  await dialog.getByLabel(t(locale, 'quiz.admin.promptIn', { language: english })).fill('Which step comes first?');
  await dialog.getByLabel(t(locale, 'quiz.admin.optionIn', { number: 1, language: english })).fill('Diagnosis');
  await dialog.getByLabel(t(locale, 'quiz.admin.optionIn', { number: 2, language: english })).fill('Budget');
  await dialog.getByRole('button', { name: t(locale, 'actions.save') }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Which step comes first?')).toBeVisible();

  await page.getByRole('checkbox', { name: t(locale, 'quiz.admin.useInQuiz', { number: 1 }) }).check();
  await page.getByLabel(t(locale, 'quiz.admin.timeLimit')).fill('5');
  await page.getByLabel(t(locale, 'quiz.admin.maxPoints')).fill('10');
  await page.getByRole('button', { name: t(locale, 'actions.save'), exact: true }).click();
  await expect(page.getByText(t(locale, 'quiz.admin.settingsSaved'))).toBeVisible();

  const settings = await admin.get<{ questionIds: string[]; timeLimitMinutes: number; maxPoints: number }>(
    `/api/admin/activities/${quiz.id}/quiz`,
  );
  expect(settings).toMatchObject({ timeLimitMinutes: 5, maxPoints: 10 });
  expect(settings.questionIds).toHaveLength(1);
  await admin.dispose();
});
