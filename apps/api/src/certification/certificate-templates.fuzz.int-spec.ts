import fc from 'fast-check';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { CertificateTemplate } from '@aula/contracts';
import { DEFAULT_CERTIFICATE_TEMPLATE } from '@aula/server/certification';
import { certificateCohort } from '@aula/server/certification/testing';
import { person, type Person } from '../enrolment/testing/learning-fixtures';
import { startTestApp, type TestApp } from '../testing/test-app';

jest.setTimeout(120_000);

/** Whatever an administrator's client sends as a template, the answer is a deliberate 2xx/4xx naming the fields, never a 500. */
describe('certificate template DTOs under property-based fuzzing', () => {
  let t: TestApp;
  let dataDir: string;
  let admin: Person;
  let courseId: string;

  const send = (method: 'PUT' | 'POST', path: string, payload: unknown) =>
    t.request({
      method,
      url: `/api/admin/courses/${courseId}/certificate-template${path}`,
      headers: admin.headers,
      payload: payload as object,
    });

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'aula-template-fuzz-'));
    t = await startTestApp({ DATA_DIR: dataDir });
    admin = await person(t, ['admin']);
    courseId = (await certificateCohort(t.app.get(DataSource), 'Template fuzz')).courseId;
  });
  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const scalar = fc.oneof(fc.string({ maxLength: 30 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
  const translations = fc.dictionary(fc.constantFrom('en', 'es', 'pt', 'fr', '__proto__', 'constructor', ''), scalar, {
    maxKeys: 4,
  });
  const anyValue = fc.oneof(
    scalar,
    translations,
    fc.array(fc.oneof(scalar, fc.record({ name: scalar, title: translations }, { requiredKeys: [] })), { maxLength: 4 }),
    fc.object({ maxDepth: 1 }),
  );
  const fields = [
    'orientation',
    'defaultLocale',
    'title',
    'intro',
    'body',
    'signatories',
    'backgroundImageKey',
    'logoImageKey',
    'version',
    'courseId',
    '__proto__',
  ];
  /** A valid template with up to three fields replaced by anything. */
  const mutated = fc
    .dictionary(fc.constantFrom(...fields), anyValue, { maxKeys: 3 })
    .map((over) => ({ ...DEFAULT_CERTIFICATE_TEMPLATE, ...over }));

  it.each([
    ['PUT', ''],
    ['POST', '/preview'],
  ] as const)('%s %s answers 4xx naming fields for invalid bodies', async (method, path) => {
    await fc.assert(
      fc.asyncProperty(mutated, fc.constantFrom('en', 'es', 'pt', 'fr', 1, null), async (template, locale) => {
        const res = await send(method, path, path ? { template, locale } : template);
        expect(res.statusCode).toBeLessThan(500);
        if (res.statusCode === 400) expect(res.json().errors.length).toBeGreaterThan(0);
      }),
      { numRuns: path ? 25 : 50 },
    );
  });

  it('round-trips valid templates: text in any script with placeholders, signatories, orientation', async () => {
    const text = (max: number) =>
      fc
        .stringMatching(/^[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N} .,'()-]{0,40}$/u)
        .map((s) => s.slice(0, max));
    const placeholder = fc.constantFrom('{name}', '{course}', '{cohort}', '{grade}', '{hours}', '{startDate}', '');
    const valid = fc.record({
      orientation: fc.constantFrom('landscape' as const, 'portrait' as const),
      defaultLocale: fc.constantFrom('en' as const, 'es' as const, 'pt' as const),
      titleText: text(200),
      intro: text(300),
      body: fc.tuple(text(1000), placeholder, text(1000)).map(([a, p, b]) => `${a} ${p}\n\n${b}`),
      signatories: fc.array(fc.record({ name: text(120), title: fc.record({ en: text(160) }) }), { maxLength: 3 }),
    });
    await fc.assert(
      fc.asyncProperty(valid, async (v) => {
        const input: CertificateTemplate = {
          orientation: v.orientation,
          defaultLocale: v.defaultLocale,
          title: { [v.defaultLocale]: v.titleText },
          intro: { [v.defaultLocale]: v.intro },
          body: { [v.defaultLocale]: v.body },
          signatories: v.signatories,
          backgroundImageKey: null,
          logoImageKey: null,
        };
        const res = await send('PUT', '', input);
        expect(res.statusCode).toBe(200);
        const saved = res.json().template as CertificateTemplate;
        expect(saved).toMatchObject({
          orientation: input.orientation,
          defaultLocale: input.defaultLocale,
          title: input.title,
          intro: input.intro,
          body: input.body,
        });
        expect(saved.signatories.map((s) => ({ name: s.name, title: s.title }))).toEqual(input.signatories);
      }),
      { numRuns: 25 },
    );
  });
});
