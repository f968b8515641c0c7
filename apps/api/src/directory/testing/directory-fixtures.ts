import { directoryApi, routeUrl, type InstitutionView, type RegionView } from '@aula/contracts';
import { IdentityService } from '@aula/server/identity';
import { uniqueEmail, type TestApp, type TestResponse } from '../../testing/test-app';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A word no other test file uses, so parallel files on one database never see each other's records. */
export const uniqueWord = (label = 'x'): string =>
  `${label}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`.replace(/[^a-z0-9]/g, '');

export const fieldsOf = (res: TestResponse): string[] =>
  ((res.json() as { errors?: { path: string }[] }).errors ?? []).map((e) => e.path);

/** Requests as someone (a bearer token) or as a visitor (null). */
export const caller =
  (t: TestApp, token: string | null) =>
  (method: Method, url: string, payload?: unknown): Promise<TestResponse> =>
    t.request({
      method,
      url,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

export async function signInAdmin(t: TestApp): Promise<string> {
  const email = uniqueEmail('directory-admin');
  const password = 'a-long-enough-password';
  await t.app
    .get(IdentityService)
    .createUser({ email, password, displayName: 'Directory Admin', roles: ['admin'] });
  return (await t.signIn(email, password)).session.accessToken;
}

/** An institution made by an administrator (201 expected), with overrides merged into a valid body. */
export async function createInstitution(
  admin: ReturnType<typeof caller>,
  name: string,
  overrides: Record<string, unknown> = {},
): Promise<InstitutionView> {
  const res = await admin('POST', routeUrl(directoryApi.createInstitution), {
    names: [{ value: name, lang: 'es', type: 'official' }],
    kind: 'government',
    country: 'CO',
    ...overrides,
  });
  if (res.statusCode !== 201) throw new Error(`create institution: ${res.statusCode} ${res.body}`);
  return res.json();
}

export async function createRegion(
  admin: ReturnType<typeof caller>,
  overrides: Record<string, unknown> = {},
): Promise<RegionView> {
  const res = await admin('POST', routeUrl(directoryApi.createRegion), {
    slug: `region-${uniqueWord()}`,
    name: { es: 'Antioquia', en: 'Antioquia' },
    country: 'CO',
    subdivision: 'CO-ANT',
    worldRegion: 'latin-america-caribbean',
    status: 'participating',
    ...overrides,
  });
  if (res.statusCode !== 201) throw new Error(`create region: ${res.statusCode} ${res.body}`);
  return res.json();
}

const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';

/** A ROR id of the right shape with matching check digits, different on each call. */
export function randomRor(): string {
  const n = Math.floor(Math.random() * 32 ** 6);
  let body = '';
  for (let rest = n, i = 0; i < 6; i++, rest = Math.floor(rest / 32)) body = CROCKFORD[rest % 32] + body;
  return `0${body}${String(98 - ((n * 100) % 97)).padStart(2, '0')}`;
}
