import { expect, type Page } from '@playwright/test';
import { t, type Lang } from './i18n';

export const DEMO_PASSWORD = 'Aula-demo-2026';

export const DEMO = {
  admin: { email: 'admin@aula.example', name: 'Mariana Gómez', home: '/admin' },
  tutor: { email: 'lucia.fernandez@aula.example', name: 'Lucía Fernández', home: '/tutor' },
  tutorPt: { email: 'joao.conceicao@aula.example', name: 'João Conceição', home: '/tutor' },
  trainee: { email: 'jose.nunez@aula.example', name: 'José Ñúñez', home: '/learn' },
  traineeEn: { email: 'minh.nguyen@aula.example', name: 'Nguyễn Thị Minh', home: '/learn' },
  traineePt: { email: 'ana.souza@aula.example', name: 'Ana Souza', home: '/learn' },
  traineeHan: { email: 'wang.xiaoming@aula.example', name: '王小明', home: '/learn' },
} as const;

export interface SignedIn {
  /** The language of the person's profile, as the API answered at sign-in. */
  locale: Lang;
  /** For tidying up through the API after a journey that changed the profile. */
  accessToken: string;
  timeZone: string;
}

/** Fills the sign-in form (page in English, as the config pins the browser language). */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<SignedIn> {
  await page.goto('/sign-in');
  await page.getByLabel(t('en', 'fields.email')).fill(email);
  await page.getByLabel(t('en', 'fields.password'), { exact: true }).fill(password);
  const answer = page.waitForResponse((response) => response.url().endsWith('/api/auth/sign-in'));
  await page.getByRole('button', { name: t('en', 'auth.signIn.submit'), exact: true }).click();
  const body = (await (await answer).json()) as {
    accessToken?: string;
    user?: { locale?: Lang; timeZone?: string };
  };
  expect(body.user?.locale, 'sign-in should succeed').toBeTruthy();
  await expect(page).not.toHaveURL(/\/sign-in/);
  return { locale: body.user!.locale!, accessToken: body.accessToken!, timeZone: body.user!.timeZone! };
}

/** The account button in the top bar, named after the person. */
export function accountButton(page: Page, name: string) {
  return page.getByRole('banner').getByRole('button', { name: new RegExp(name) });
}
