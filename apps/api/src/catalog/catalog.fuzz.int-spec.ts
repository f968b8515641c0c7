import fc from 'fast-check';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IdentityService } from '@aula/server/identity';
import { startTestApp, uniqueEmail, type TestApp } from '../testing/test-app';

const uniqueSlug = (label: string) =>
  `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** Whatever an administrator's client sends, the answer is a deliberate 2xx/4xx naming the fields, never a 500. */
describe('catalogue DTOs under property-based fuzzing', () => {
  let t: TestApp;
  let dataDir: string;
  let token: string;
  const ids = { programme: '', course: '', module: '', activity: '' };

  const admin = (method: string, url: string, payload?: unknown) =>
    t.request({
      method: method as 'POST',
      url: `/api/admin${url}`,
      headers: { authorization: `Bearer ${token}` },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'aula-catalog-fuzz-'));
    t = await startTestApp({ DATA_DIR: dataDir });
    const email = uniqueEmail('fuzz-admin');
    await t.app
      .get(IdentityService)
      .createUser({ email, password: 'a-long-enough-password', displayName: 'Fuzz Admin', roles: ['admin'] });
    token = (await t.signIn(email, 'a-long-enough-password')).session.accessToken;
    ids.programme = (
      await admin('POST', '/programmes', {
        slug: uniqueSlug('fuzz'),
        defaultLocale: 'en',
        title: { en: 'Fuzz' },
      })
    ).json().id;
    ids.course = (
      await admin('POST', '/courses', {
        programmeId: ids.programme,
        slug: uniqueSlug('fuzz'),
        defaultLocale: 'en',
        title: { en: 'Fuzz' },
      })
    ).json().id;
    ids.module = (await admin('POST', `/courses/${ids.course}/modules`, { title: { en: 'Fuzz' } })).json().id;
    ids.activity = (
      await admin('POST', `/modules/${ids.module}/activities`, { kind: 'page', title: { en: 'Fuzz' } })
    ).json().id;
  });
  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const scalar = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
  );
  const translations = fc.dictionary(
    fc.constantFrom('en', 'es', 'pt', 'fr', '__proto__', 'constructor', ''),
    scalar,
    { maxKeys: 4 },
  );
  const anyValue = fc.oneof(
    scalar,
    translations,
    fc.array(scalar, { maxLength: 3 }),
    fc.object({ maxDepth: 1 }),
  );
  const fields = [
    'programmeId',
    'slug',
    'defaultLocale',
    'title',
    'summary',
    'description',
    'topics',
    'estimatedHours',
    'reminderOffsetsHours',
    'status',
    'kind',
    'body',
    'url',
    'required',
    'ids',
    'id',
    'courseId',
    'position',
    'fileKey',
    'searchText',
    '__proto__',
    'constructor',
  ];
  const body = fc.dictionary(fc.constantFrom(...fields), anyValue, { maxKeys: 6 });

  it.each([
    ['POST', '/programmes'],
    ['POST', '/courses'],
    ['PATCH', '/courses/:course'],
    ['POST', '/courses/:course/status'],
    ['POST', '/courses/:course/duplicate'],
    ['POST', '/courses/:course/modules'],
    ['PUT', '/courses/:course/modules/order'],
    ['PATCH', '/modules/:module'],
    ['POST', '/modules/:module/activities'],
    ['PATCH', '/activities/:activity'],
  ])('%s %s answers 4xx naming fields for invalid bodies', async (method, template) => {
    const url = template.replace(/:(\w+)/, (_, name: keyof typeof ids) => ids[name]);
    await fc.assert(
      fc.asyncProperty(body, async (payload) => {
        const res = await admin(method, url, payload);
        expect(res.statusCode).toBeLessThan(500);
        if (res.statusCode === 400) expect(res.json().errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 40 },
    );
  });

  it('round-trips reminder offsets, largest first, and refuses any other list naming the field', async () => {
    const valid = fc.uniqueArray(fc.integer({ min: 1, max: 720 }), { minLength: 1, maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(fc.option(valid), async (hours) => {
        const res = await admin('PATCH', `/courses/${ids.course}`, { reminderOffsetsHours: hours });
        expect(res.statusCode).toBe(200);
        expect(res.json().reminderOffsetsHours).toEqual(hours && [...hours].sort((a, b) => b - a));
      }),
      { numRuns: 25 },
    );
    const invalid = fc.oneof(
      fc.array(fc.integer({ min: 1, max: 720 }), { minLength: 5, maxLength: 8 }),
      fc.array(fc.integer({ min: 1, max: 720 }), { minLength: 1, maxLength: 3 }).map((a) => [...a, a[0]]),
      fc.array(fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 721 })), { minLength: 1, maxLength: 4 }),
      fc.array(fc.oneof(fc.string(), fc.double({ noInteger: true }), fc.boolean(), fc.constant(null)), { minLength: 1, maxLength: 4 }),
      fc.constant([]),
      fc.string(),
      fc.integer(),
      fc.object({ maxDepth: 1 }),
    );
    await fc.assert(
      fc.asyncProperty(invalid, async (hours) => {
        const res = await admin('PATCH', `/courses/${ids.course}`, { reminderOffsetsHours: hours });
        expect(res.statusCode).toBe(400);
        expect(res.json().errors.map((e: { path: string }) => e.path)).toContain('reminderOffsetsHours');
      }),
      { numRuns: 40 },
    );
  });

  it('round-trips titles in any script, tidied', async () => {
    const text = fc.stringMatching(/^[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N} .,'()-]{0,60}$/u);
    await fc.assert(
      fc.asyncProperty(text, text, fc.constantFrom('en', 'es', 'pt'), async (title, other, locale) => {
        const second = locale === 'en' ? 'es' : 'en';
        const res = await admin('POST', '/courses', {
          programmeId: ids.programme,
          slug: uniqueSlug('rt'),
          defaultLocale: locale,
          title: { [locale]: title, [second]: ` ${other} ` },
        });
        const tidy = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
        expect(res.statusCode).toBe(201);
        expect(res.json().title).toEqual({ [locale]: tidy(title), [second]: tidy(other) });
        expect(res.json().locales).toEqual(['en', 'es', 'pt'].filter((l) => l === locale || l === second));
      }),
      { numRuns: 25 },
    );
  });
});
