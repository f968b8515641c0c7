import { expect, test, type Page } from '@playwright/test';
import { exactly, t, type Lang } from './support/i18n';
import { adminApi } from './support/admin-api';
import { DEMO, signIn } from './support/session';

// One course written here, in English (its default) and Spanish, walked through by an
// administrator, a new trainee and readers in Spanish and Portuguese. Unique per run, so a
// database that already saw this journey does not get in the way.
const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const COURSE = {
  slug: `e2e-water-governance-${run}`,
  title: { en: `Water basin governance ${run}`, es: `Gobernanza de cuencas ${run}` },
  summary: {
    en: 'How regions that share a river decide together.',
    es: 'Cómo deciden juntas las regiones que comparten un río.',
  },
  module: { en: 'Sharing a river', es: 'Compartir un río' },
  activities: [
    {
      en: 'Who lives along the river?',
      es: '¿Quién vive a lo largo del río?',
      body: { en: 'Map the towns of the basin.', es: 'Haga un mapa de los pueblos de la cuenca.' },
    },
    {
      en: 'A basin committee',
      es: 'Un comité de cuenca',
      body: { en: 'Read how a committee works.', es: 'Lea cómo funciona un comité.' },
    },
  ],
  cohort: `Cohort ${run}`,
};
const PASSWORD = 'a long enough password';
/** The app's Intl tags (lists such as "72 h and 24 h" are written the way the interface language does). */
const TAGS: Record<Lang, string> = { en: 'en', es: 'es-419', pt: 'pt-BR' };

const isoDay = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const uniqueEmail = (who: string) =>
  `e2e.${who}.${run}.${Math.random().toString(36).slice(2, 6)}@aula.example`;

/** The fields of the language tab `lang` in the open form (labels name the language). */
async function openTab(scope: Page | ReturnType<Page['getByRole']>, lang: Lang) {
  await scope.getByRole('tab', { name: new RegExp(t('en', `languageNames.${lang}`)) }).click();
}

test.describe.serial('a course from authoring to completion', () => {
  test.describe.configure({ timeout: 120_000 });

  test('an administrator writes a course in two languages, publishes it and opens a cohort', async ({
    page,
  }) => {
    const { locale } = await signIn(page, DEMO.admin.email);
    const label = (key: string, lang: Lang) =>
      t(locale, key, { language: t(locale, `languageNames.${lang}`) });
    // The editor shows each text in the administrator's language when it exists, else the default's.
    const shown = (text: { en: string; es: string }) => (locale === 'es' ? text.es : text.en);

    await page.getByRole('link', { name: t(locale, 'admin.home.coursesLink') }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: t(locale, 'admin.courses.title') }),
    ).toBeVisible();

    // New course: English by default, title and address.
    await page.getByRole('button', { name: t(locale, 'admin.courses.new') }).click();
    const created = page.getByRole('dialog');
    await created.getByLabel(t(locale, 'admin.course.fields.defaultLocale')).selectOption('en');
    await created.getByLabel(label('admin.course.fields.titleIn', 'en')).fill(COURSE.title.en);
    await created.getByLabel(t(locale, 'admin.course.fields.slug')).fill(COURSE.slug);
    await created.getByRole('button', { name: t(locale, 'admin.courses.create') }).click();
    await expect(page).toHaveURL(/\/admin\/courses\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1, name: COURSE.title.en })).toBeVisible();

    // Details in both languages.
    await page.getByLabel(label('admin.course.fields.summaryIn', 'en')).fill(COURSE.summary.en);
    await openTab(page, 'es');
    await page.getByLabel(label('admin.course.fields.titleIn', 'es')).fill(COURSE.title.es);
    await page.getByLabel(label('admin.course.fields.summaryIn', 'es')).fill(COURSE.summary.es);
    await page.getByLabel(t(locale, 'admin.course.fields.topics')).fill('water, governance');
    await page.getByRole('button', { name: t(locale, 'admin.course.saveDetails') }).click();
    await expect(page.getByRole('status').filter({ hasText: t(locale, 'admin.course.saved') })).toBeVisible();

    // Assignment reminders of its own: 48 h and 12 h before each due time, not the platform's.
    const hour = (hours: number) => t(locale, 'admin.course.reminders.hour', { hours });
    const platformHours = new Intl.ListFormat(TAGS[locale], { type: 'conjunction' }).format([hour(72), hour(24)]);
    const useDefault = page.getByRole('checkbox', {
      name: t(locale, 'admin.course.reminders.useDefault', { hours: platformHours }),
    });
    const reminderHours = page.getByLabel(t(locale, 'admin.course.reminders.hours'));
    await expect(useDefault).toBeChecked();
    await expect(reminderHours).toBeHidden();
    await useDefault.uncheck();
    await expect(reminderHours).toHaveValue('72, 24');
    await reminderHours.fill('48, 48');
    await page.getByRole('button', { name: t(locale, 'admin.course.saveDetails') }).click();
    await expect(page.getByText(t(locale, 'admin.course.reminders.errors.duplicate'))).toBeVisible();
    await reminderHours.fill('12, 721');
    await expect(page.getByText(t(locale, 'admin.course.reminders.errors.range'))).toBeVisible();
    await reminderHours.fill('12, 48');
    const saving = page.waitForResponse(
      (r) => r.request().method() === 'PATCH' && /\/api\/admin\/courses\/[0-9a-f-]{36}$/.test(r.url()),
    );
    await page.getByRole('button', { name: t(locale, 'admin.course.saveDetails') }).click();
    expect((await saving).status()).toBe(200);
    await page.reload();
    await expect(useDefault).not.toBeChecked();
    await expect(reminderHours).toHaveValue('48, 12');

    // A module, in both languages.
    await page.getByRole('button', { name: t(locale, 'admin.module.add') }).click();
    const moduleDialog = page.getByRole('dialog');
    await moduleDialog.getByLabel(label('admin.course.fields.titleIn', 'en')).fill(COURSE.module.en);
    await openTab(moduleDialog, 'es');
    await moduleDialog.getByLabel(label('admin.course.fields.titleIn', 'es')).fill(COURSE.module.es);
    await moduleDialog.getByRole('button', { name: t(locale, 'actions.save') }).click();
    await expect(moduleDialog).toBeHidden();
    await expect(
      page.getByRole('heading', { level: 3, name: new RegExp(shown(COURSE.module)) }),
    ).toBeVisible();

    // Two reading activities, in both languages.
    for (const activity of COURSE.activities) {
      await page.getByRole('button', { name: new RegExp(`^${t(locale, 'admin.activity.add')}`) }).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog.getByLabel(t(locale, 'admin.activity.kind'))).toHaveValue('page');
      await dialog.getByLabel(label('admin.course.fields.titleIn', 'en')).fill(activity.en);
      await dialog.getByLabel(label('admin.activity.bodyIn', 'en')).fill(activity.body.en);
      await openTab(dialog, 'es');
      await dialog.getByLabel(label('admin.course.fields.titleIn', 'es')).fill(activity.es);
      await dialog.getByLabel(label('admin.activity.bodyIn', 'es')).fill(activity.body.es);
      await dialog.getByRole('button', { name: t(locale, 'actions.save') }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByText(shown(activity), { exact: true })).toBeVisible();
    }

    // Reordering with the keyboard-usable buttons: down and back up, the focus stays on the item.
    const second = shown(COURSE.activities[1]!);
    const up = page.getByRole('button', { name: t(locale, 'admin.activity.moveUp', { name: second }) });
    await up.click();
    await expect(
      page.getByRole('button', { name: t(locale, 'admin.activity.moveDown', { name: second }) }),
    ).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(up).toBeFocused();

    await page.getByRole('button', { name: t(locale, 'admin.course.publish') }).click();
    await expect(page.getByText(t(locale, 'courseStatus.published'), { exact: true })).toBeVisible();

    // An open cohort for it, from the course's own cohort list.
    await page.getByRole('link', { name: t(locale, 'admin.course.cohorts') }).click();
    await page.getByRole('link', { name: t(locale, 'admin.cohorts.new') }).click();
    await expect(page.getByLabel(t(locale, 'admin.cohort.fields.course'))).not.toHaveValue('');
    await page.getByLabel(t(locale, 'admin.cohort.fields.name')).fill(COURSE.cohort);
    await page.getByLabel(t(locale, 'admin.cohort.fields.startDate')).fill(isoDay(-1));
    await page.getByLabel(t(locale, 'admin.cohort.fields.endDate')).fill(isoDay(60));
    await page.getByLabel(t(locale, 'admin.cohort.fields.capacity')).fill('20');
    await page.getByLabel(t(locale, 'admin.cohort.fields.enrolmentMode')).selectOption('open');
    await page.getByRole('button', { name: t(locale, 'admin.cohort.create') }).click();
    await expect(page).toHaveURL(/\/admin\/cohorts\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1, name: COURSE.cohort })).toBeVisible();
    await expect(page.getByText(t(locale, 'roster.empty'))).toBeVisible();
  });

  test('a new trainee finds the course, enrols, works through it and reaches 100%', async ({ page }) => {
    await page.goto('/register');
    await page.getByLabel(t('en', 'fields.displayName')).fill('Kwame Mensah');
    await page.getByLabel(t('en', 'fields.email')).fill(uniqueEmail('trainee'));
    await page.getByLabel(t('en', 'fields.password'), { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: t('en', 'auth.register.submit'), exact: true }).click();
    await expect(page).toHaveURL(/\/learn$/);

    // From the empty dashboard to the catalogue, and a search there.
    await expect(page.getByText(t('en', 'learner.cohorts.emptyTitle'))).toBeVisible();
    await page.getByRole('link', { name: t('en', 'learner.cohorts.browse') }).click();
    await expect(page).toHaveURL(/\/catalogue/);
    await page.getByRole('searchbox', { name: t('en', 'catalogue.search') }).fill(`basin ${run}`);
    await expect(page).toHaveURL(/[?&]q=basin/);
    const card = page.getByRole('article', { name: COURSE.title.en });
    await expect(card).toBeVisible();
    await expect(card).toContainText(COURSE.cohort);
    await expect(card).toContainText(t('en', 'cohort.seatsLeft', { count: 20, capacity: 20 }));
    await card.getByRole('link', { name: COURSE.title.en, exact: true }).click();

    await expect(page.getByRole('heading', { level: 1, name: COURSE.title.en })).toBeVisible();
    await page.getByRole('button', { name: new RegExp(`^${t('en', 'course.enrol')}`) }).click();
    await expect(page.getByText(t('en', 'course.enrolled', { cohort: COURSE.cohort }))).toBeVisible();
    const progress = page.getByRole('progressbar', { name: t('en', 'course.progress') });
    await expect(progress).toHaveAttribute('aria-valuenow', '0');

    // Both activities, in order, marked done one after the other.
    await page.getByRole('link', { name: t('en', 'course.start') }).click();
    for (const [index, activity] of COURSE.activities.entries()) {
      await expect(page.getByRole('heading', { level: 1, name: activity.en })).toBeVisible();
      await expect(page.getByText(activity.body.en)).toBeVisible();
      await page.getByRole('button', { name: t('en', 'activity.markDone') }).click();
      await expect(page.getByText(t('en', 'activity.isDone'), { exact: true })).toBeVisible();
      const expected = String(Math.round(((index + 1) / COURSE.activities.length) * 100));
      await expect(page.getByRole('progressbar', { name: t('en', 'course.progress') })).toHaveAttribute(
        'aria-valuenow',
        expected,
      );
      if (index < COURSE.activities.length - 1)
        await page.getByRole('link', { name: t('en', 'activity.next') }).click();
    }
    await expect(page.getByText(t('en', 'activity.courseCompleted'))).toBeVisible();

    await page.goto('/learn');
    // The cohort's card (the certificate issued for it is another article with the same name).
    const cohort = page.getByRole('article', { name: COURSE.title.en }).filter({ has: page.getByRole('progressbar') });
    await expect(cohort.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
    await expect(cohort).toContainText(t('en', 'enrolment.status.completed'));
    await expect(cohort).toContainText(COURSE.cohort);
  });

  for (const [lang, expectation] of [
    ['es', 'its own Spanish text'],
    ['pt', 'the default language, English, and is told so'],
  ] as const) {
    test(`a trainee reading in ${lang} sees ${expectation}`, async ({ page, request }) => {
      const email = uniqueEmail(lang);
      const registered = await request.post('/api/auth/register', {
        data: {
          email,
          password: PASSWORD,
          displayName: `Leitora ${lang}`,
          locale: lang,
          timeZone: 'America/Sao_Paulo',
        },
      });
      expect(registered.ok(), 'registration through the API').toBe(true);
      const { locale } = await signIn(page, email, PASSWORD);
      expect(locale).toBe(lang);

      await page.goto(`/courses/${COURSE.slug}`);
      if (lang === 'es') {
        await expect(page.getByRole('heading', { level: 1, name: COURSE.title.es })).toBeVisible();
        await expect(page.getByText(COURSE.summary.es)).toBeVisible();
        await expect(
          page.getByRole('heading', { level: 3, name: new RegExp(COURSE.module.es) }),
        ).toBeVisible();
        await expect(page.getByText(COURSE.activities[0]!.es)).toBeVisible();
      } else {
        await expect(page.getByRole('heading', { level: 1, name: COURSE.title.en })).toBeVisible();
        await expect(page.getByText(COURSE.activities[0]!.en)).toBeVisible();
        await expect(
          page.getByText(
            t('pt', 'course.fallback', {
              wanted: t('pt', 'languageNames.pt'),
              shown: t('pt', 'languageNames.en'),
            }),
          ),
        ).toBeVisible();
      }
      // The interface around the course speaks the reader's language either way.
      await expect(
        page.getByRole('heading', { level: 2, name: exactly(t(lang, 'course.outline')) }),
      ).toBeVisible();

      // The catalogue shows the same choice of text.
      await page.goto(`/catalogue?q=${encodeURIComponent(run)}`);
      await expect(
        page.getByRole('article', { name: lang === 'es' ? COURSE.title.es : COURSE.title.en }),
      ).toBeVisible();
    });
  }
});

test('an administrator imports trainees from a CSV file and reads the report row by row', async ({
  page,
  playwright,
}) => {
  test.setTimeout(60_000);
  // A course and a cohort of its own, made through the API: this journey is about the import.
  const admin = await adminApi(playwright, test.info());
  const course = await admin.course(`e2e-import-${run}`, `Import practice ${run}`);
  const cohortName = `Import cohort ${run}`;
  const { id: cohortId } = await admin.cohort(course.id, cohortName, { mode: 'invite' });
  await admin.dispose();

  const { locale } = await signIn(page, DEMO.admin.email);
  await page.goto(`/admin/cohorts/${cohortId}`);
  await expect(page.getByRole('heading', { level: 1, name: cohortName })).toBeVisible();

  const good = uniqueEmail('csv');
  const csv = ['email,display_name,locale', `${good},Amara Diallo,pt`, 'not-an-email,Nobody,es'].join('\n');
  await page.getByLabel(t(locale, 'admin.import.choose')).setInputFiles({
    name: 'trainees.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });
  await page.getByRole('button', { name: t(locale, 'admin.import.send'), exact: true }).click();

  const report = page.getByRole('table', { name: t(locale, 'admin.import.reportCaption') });
  await expect(report).toBeVisible();
  const goodRow = report.getByRole('row', { name: new RegExp(good.replace(/[.]/g, '\\.')) });
  await expect(goodRow).toContainText(t(locale, 'admin.import.outcomes.invited-and-enrolled'));
  await expect(goodRow).toContainText('2');
  const badRow = report.getByRole('row', { name: /not-an-email/ });
  await expect(badRow).toContainText(t(locale, 'admin.import.outcomes.error'));
  await expect(badRow).toContainText('3');

  // The good row is in the cohort now; the bad one changed nothing.
  await expect(page.getByRole('table', { name: t(locale, 'roster.caption') })).toContainText('Amara Diallo');
  await expect(page.getByRole('table', { name: t(locale, 'roster.caption') })).not.toContainText('Nobody');
});
