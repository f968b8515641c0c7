import 'reflect-metadata';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer as readAll } from 'node:stream/consumers';
import { DataSource } from 'typeorm';
import type {
  CertificateTemplate,
  CertificateTemplateImage,
  CertificateTemplateView,
} from '@aula/contracts';
import {
  CertificateIssuer,
  CertificateIssuingModule,
  CertificateTemplateImages,
  CertificateTemplateService,
  DEFAULT_CERTIFICATE_TEMPLATE,
} from '@aula/server/certification';
import {
  certificateCohort,
  completedTrainee,
  disguisedHtml,
  sampleJpeg,
  samplePng,
  type CertificateCohort,
} from '@aula/server/certification/testing';
import { CoreModule } from '@aula/server/core';
import { DatabaseModule } from '@aula/server/database';
import { IdentityService } from '@aula/server/identity';
import { OutboxModule } from '@aula/server/outbox';
import { StorageModule, StoragePort } from '@aula/server/storage';
import { fieldsOf, person, UNKNOWN_ID, type Person } from '../enrolment/testing/learning-fixtures';
import { startTestApp, type TestApp, type TestResponse } from '../testing/test-app';
import { multipart } from '../testing/multipart';

// Needs poppler-utils (pdftotext) and qpdf.
jest.setTimeout(90_000);

/** The worker's certificate side without its queues: the tests issue by hand. */
@Module({ imports: [CoreModule, DatabaseModule, OutboxModule, StorageModule, CertificateIssuingModule] })
class IssuingTestModule {}

describe('certificate templates API', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let db: DataSource;
  let dataDir: string;
  let pdfDir: string;
  let admin: Person;
  const saved = { ...process.env };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'aula-certificate-templates-'));
    pdfDir = mkdtempSync(join(tmpdir(), 'aula-certificate-templates-pdf-'));
    process.env['DATA_DIR'] = dataDir;
    worker = await NestFactory.createApplicationContext(IssuingTestModule, { logger: false });
    await worker.init();
    t = await startTestApp({ DATA_DIR: dataDir });
    db = t.app.get(DataSource);
    admin = await person(t, ['admin']);
  });
  afterAll(async () => {
    await t.close();
    await worker.close();
    process.env = saved;
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(pdfDir, { recursive: true, force: true });
  });

  const url = (scope: 'programmes' | 'courses', id: string, rest = '') =>
    `/api/admin/${scope}/${id}/certificate-template${rest}`;

  async function programmeOf(c: CertificateCohort): Promise<string> {
    const [row] = (await db.query(`SELECT programme_id AS id FROM courses WHERE id = $1`, [c.courseId])) as {
      id: string;
    }[];
    return row.id;
  }

  function template(over: Partial<CertificateTemplate> = {}): CertificateTemplate {
    return {
      ...DEFAULT_CERTIFICATE_TEMPLATE,
      signatories: [{ name: 'Mariana Gómez', title: { en: 'Coordinator', es: 'Coordinadora' } }],
      ...over,
    };
  }

  async function upload(
    scope: 'programmes' | 'courses',
    id: string,
    content: Buffer,
    filename = 'logo.png',
    contentType = 'image/png',
  ): Promise<TestResponse> {
    const body = multipart(content, filename, 'file', contentType);
    return t.request({
      method: 'POST',
      url: url(scope, id, '/images'),
      headers: { ...admin.headers, ...body.headers },
      payload: body.payload,
    });
  }

  async function uploaded(scope: 'programmes' | 'courses', id: string, content: Buffer): Promise<string> {
    const res = await upload(scope, id, content);
    if (res.statusCode !== 201) throw new Error(`upload: ${res.statusCode} ${res.body}`);
    return (res.json() as CertificateTemplateImage).key;
  }

  let counter = 0;
  function toFile(bytes: Buffer): string {
    const path = join(pdfDir, `${++counter}.pdf`);
    writeFileSync(path, bytes);
    return path;
  }
  const text = (bytes: Buffer) =>
    execFileSync('pdftotext', ['-enc', 'UTF-8', toFile(bytes), '-'], { encoding: 'utf8' })
      .normalize('NFC')
      .replace(/\s+/g, ' ');
  const qpdfCheck = (bytes: Buffer) => execFileSync('qpdf', ['--check', toFile(bytes)], { encoding: 'utf8' });

  async function issuedPdf(enrolmentId: string): Promise<Buffer> {
    const { certificate } = await worker.get(CertificateIssuer).issue(enrolmentId);
    if (!certificate) throw new Error(`no certificate issued for ${enrolmentId}`);
    return readAll(await worker.get(StoragePort).get(certificate.storageKey));
  }

  it('is for administrators only: trainees and tutors get 403 on every route', async () => {
    const c = await certificateCohort(db, 'Templates access');
    const programmeId = await programmeOf(c);
    const trainee = await person(t, ['trainee']);
    const tutor = await person(t, ['tutor']);
    for (const who of [trainee, tutor]) {
      for (const [scope, id] of [
        ['courses', c.courseId],
        ['programmes', programmeId],
      ] as const) {
        const routes: [string, string, unknown?][] = [
          ['GET', url(scope, id)],
          ['PUT', url(scope, id), template()],
          ['DELETE', url(scope, id)],
          ['POST', url(scope, id, '/preview'), { template: template(), locale: 'en' }],
          ['DELETE', url(scope, id, '/images/00000000-0000-0000-0000-000000000000.png')],
        ];
        for (const [method, path, payload] of routes) {
          const res = await t.request({
            method: method as 'GET',
            url: path,
            headers: who.headers,
            ...(payload ? { payload: payload as object } : {}),
          });
          expect([method, path, res.statusCode]).toEqual([method, path, 403]);
        }
        const body = multipart(samplePng(4, 4), 'a.png', 'file', 'image/png');
        const res = await t.request({
          method: 'POST',
          url: url(scope, id, '/images'),
          headers: { ...who.headers, ...body.headers },
          payload: body.payload,
        });
        expect(res.statusCode).toBe(403);
      }
    }
    // Nothing was saved.
    expect(
      (await t.request({ method: 'GET', url: url('courses', c.courseId), headers: admin.headers })).json(),
    ).toMatchObject({ source: 'default' });
  });

  it('resolves course → programme → built-in, and "reset" goes back to inheriting', async () => {
    const c = await certificateCohort(db, 'Templates resolution');
    const programmeId = await programmeOf(c);
    const get = async (scope: 'programmes' | 'courses', id: string) =>
      (await t.request({ method: 'GET', url: url(scope, id), headers: admin.headers })).json() as CertificateTemplateView;

    expect(await get('courses', c.courseId)).toMatchObject({ source: 'default', version: null });

    const put = await t.request({
      method: 'PUT',
      url: url('programmes', programmeId),
      headers: admin.headers,
      payload: template({ title: { en: 'Programme diploma' } }),
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ source: 'own', version: 1 });
    expect(await get('courses', c.courseId)).toMatchObject({
      source: 'programme',
      template: { title: { en: 'Programme diploma' } },
    });

    const own = await t.request({
      method: 'PUT',
      url: url('courses', c.courseId),
      headers: admin.headers,
      payload: template({ title: { en: 'Course diploma' }, orientation: 'portrait' }),
    });
    expect(own.json()).toMatchObject({ source: 'own', template: { title: { en: 'Course diploma' }, orientation: 'portrait' } });
    const again = await t.request({
      method: 'PUT',
      url: url('courses', c.courseId),
      headers: admin.headers,
      payload: template({ title: { en: 'Course diploma, v2' } }),
    });
    expect(again.json()).toMatchObject({ version: 2 });

    const reset = await t.request({ method: 'DELETE', url: url('courses', c.courseId), headers: admin.headers });
    expect(reset.statusCode).toBe(200);
    expect(reset.json()).toMatchObject({ source: 'programme', version: null, template: { title: { en: 'Programme diploma' } } });
  });

  it('answers 404 for an unknown course and a 400 naming the field for bad templates', async () => {
    const c = await certificateCohort(db, 'Templates validation');
    expect((await t.request({ method: 'GET', url: url('courses', UNKNOWN_ID), headers: admin.headers })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/admin/cohorts/${c.cohortId}/certificate-template`, headers: admin.headers })).statusCode).toBe(404);
    const cases: [Record<string, unknown>, string][] = [
      [{ orientation: 'sideways' }, 'orientation'],
      [{ title: { en: 'x', fr: 'Certificat' } }, 'title.fr'],
      [{ title: { es: 'Solo español' } }, 'title.en'],
      [{ body: { en: 'a\u0000b' } }, 'body.en'],
      [{ signatories: [{ name: '', title: {} }] }, 'signatories.0.name'],
      [{ signatories: Array.from({ length: 4 }, () => ({ name: 'A', title: {} })) }, 'signatories'],
      [{ logoImageKey: 'certificates/someone/1.pdf' }, 'logoImageKey'],
      [{ backgroundImageKey: `certificate-templates/courses/${UNKNOWN_ID}/00000000-0000-0000-0000-000000000000.png` }, 'backgroundImageKey'],
    ];
    for (const [over, field] of cases) {
      const res = await t.request({ method: 'PUT', url: url('courses', c.courseId), headers: admin.headers, payload: { ...template(), ...over } });
      expect([field, res.statusCode]).toEqual([field, 400]);
      expect(fieldsOf(res)).toContain(field);
      const preview = await t.request({
        method: 'POST',
        url: url('courses', c.courseId, '/preview'),
        headers: admin.headers,
        payload: { template: { ...template(), ...over }, locale: 'en' },
      });
      expect(fieldsOf(preview)).toContain(`template.${field}`);
    }
  });

  it('accepts PNG and JPEG images by content and refuses a page disguised as a PNG', async () => {
    const c = await certificateCohort(db, 'Templates images');
    const disguised = await upload('courses', c.courseId, disguisedHtml(), 'logo.png', 'image/png');
    expect(disguised.statusCode).toBe(400);
    expect(fieldsOf(disguised)).toEqual(['file']);

    const png = await upload('courses', c.courseId, samplePng(120, 40, { alpha: true }));
    expect(png.statusCode).toBe(201);
    expect(png.json()).toMatchObject({ contentType: 'image/png', width: 120, height: 40 });
    const jpeg = await upload('courses', c.courseId, sampleJpeg(), 'signature.jpg', 'image/jpeg');
    expect(jpeg.json()).toMatchObject({ contentType: 'image/jpeg', width: 16, height: 16 });

    const storage = t.app.get(StoragePort);
    const logoKey = (png.json() as CertificateTemplateImage).key;
    const signatureKey = (jpeg.json() as CertificateTemplateImage).key;
    const saved = await t.request({
      method: 'PUT',
      url: url('courses', c.courseId),
      headers: admin.headers,
      payload: template({ logoImageKey: logoKey, signatories: [{ name: 'A', title: { en: 'B' }, signatureImageKey: signatureKey }] }),
    });
    expect(saved.statusCode).toBe(200);

    // In use: cannot be removed. After saving without it, the file goes.
    const name = logoKey.split('/').pop();
    expect((await t.request({ method: 'DELETE', url: url('courses', c.courseId, `/images/${name}`), headers: admin.headers })).statusCode).toBe(409);
    await t.request({ method: 'PUT', url: url('courses', c.courseId), headers: admin.headers, payload: template({ logoImageKey: null }) });
    expect(await storage.exists(logoKey)).toBe(false);
    expect(await storage.exists(signatureKey)).toBe(false);

    // An upload never saved can be removed.
    const spare = await uploaded('courses', c.courseId, samplePng(8, 8));
    const spareName = spare.split('/').pop();
    expect((await t.request({ method: 'DELETE', url: url('courses', c.courseId, `/images/${spareName}`), headers: admin.headers })).statusCode).toBe(204);
    expect(await storage.exists(spare)).toBe(false);
    expect((await t.request({ method: 'DELETE', url: url('courses', c.courseId, '/images/..%2Fx.png'), headers: admin.headers })).statusCode).toBe(400);
  });

  it('the daily sweep removes images no saved template uses once their grace period is over', async () => {
    const c = await certificateCohort(db, 'Templates sweep');
    const programmeId = await programmeOf(c);
    const storage = t.app.get(StoragePort);
    const sweep = (uploadedBefore: Date) => worker.get(CertificateTemplateService).sweepUnusedImages(uploadedBefore);

    const kept = await uploaded('courses', c.courseId, samplePng(8, 8));
    const programmeLogo = await uploaded('programmes', programmeId, samplePng(9, 9));
    const neverSaved = await uploaded('courses', c.courseId, samplePng(10, 10));
    for (const [scope, id, payload] of [
      ['programmes', programmeId, template({ logoImageKey: programmeLogo })],
      // A course may use its programme's images too.
      ['courses', c.courseId, template({ logoImageKey: kept, backgroundImageKey: programmeLogo })],
    ] as const) {
      expect((await t.request({ method: 'PUT', url: url(scope, id), headers: admin.headers, payload })).statusCode).toBe(200);
    }

    // Within the grace period nothing goes, used or not.
    expect(await sweep(new Date(Date.now() - 3600_000))).toBe(0);
    expect(await storage.exists(neverSaved)).toBe(true);

    // Past it, the upload no template uses goes (and any other test's unsaved upload before it).
    const later = new Date(Date.now() + 1000);
    expect(await sweep(later)).toBeGreaterThanOrEqual(1);
    expect(await storage.exists(neverSaved)).toBe(false);
    expect(await storage.exists(kept)).toBe(true);
    expect(await storage.exists(programmeLogo)).toBe(true);

    // A deleted course takes its template with it; its images go at the next sweep, the
    // programme's stay for the programme's own template.
    await db.query(`DELETE FROM enrolments WHERE cohort_id IN (SELECT id FROM cohorts WHERE course_id = $1)`, [c.courseId]);
    await db.query(`DELETE FROM cohorts WHERE course_id = $1`, [c.courseId]);
    await db.query(`DELETE FROM courses WHERE id = $1`, [c.courseId]);
    expect(await sweep(later)).toBe(1);
    expect(await storage.exists(kept)).toBe(false);
    expect(await storage.exists(programmeLogo)).toBe(true);
  });

  it('previews an unsaved template as a valid PDF in the language asked, with a sample name in two scripts', async () => {
    const c = await certificateCohort(db, 'Templates preview');
    const logo = await uploaded('courses', c.courseId, samplePng(200, 60, { alpha: true }));
    const res = await t.request({
      method: 'POST',
      url: url('courses', c.courseId, '/preview'),
      headers: admin.headers,
      payload: {
        template: template({
          title: { en: 'Unsaved title', es: 'Título sin guardar' },
          logoImageKey: logo,
          orientation: 'portrait',
        }),
        locale: 'es',
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const pdf = res.rawPayload;
    expect(qpdfCheck(pdf)).toContain('No syntax or stream encoding errors');
    const extracted = text(pdf);
    expect(extracted).toContain('Título sin guardar');
    expect(extracted).toContain('王小明');
    expect(extracted).toContain('Calificación final: 87,5');
    // Nothing saved by a preview.
    expect(
      (await t.request({ method: 'GET', url: url('courses', c.courseId), headers: admin.headers })).json(),
    ).toMatchObject({ source: 'default' });
  });

  it('issues with the course template: custom title and images, under 100 KB, images read once', async () => {
    const c = await certificateCohort(db, 'Templates issue');
    const programmeId = await programmeOf(c);
    await t.request({
      method: 'PUT',
      url: url('programmes', programmeId),
      headers: admin.headers,
      payload: template({ title: { en: 'Programme diploma' } }),
    });
    const logo = await uploaded('courses', c.courseId, samplePng(300, 90, { alpha: true }));
    const signature = await uploaded('courses', c.courseId, sampleJpeg());
    const put = await t.request({
      method: 'PUT',
      url: url('courses', c.courseId),
      headers: admin.headers,
      payload: template({
        title: { en: 'Diploma in Regional Planning', es: 'Diploma en Planificación Regional' },
        logoImageKey: logo,
        signatories: [{ name: 'Mariana Gómez', title: { en: 'Coordinator' }, signatureImageKey: signature }],
      }),
    });
    expect(put.statusCode).toBe(200);

    const images = worker.get(CertificateTemplateImages);
    const identity = t.app.get(IdentityService);
    const first = await completedTrainee(db, identity, c.cohortId, { displayName: 'محمد العلمي' });
    const before = images.stats().loads;
    const pdf = await issuedPdf(first.enrolmentId);
    expect(qpdfCheck(pdf)).toContain('No syntax or stream encoding errors');
    expect(pdf.length).toBeLessThan(100 * 1024);
    const extracted = text(pdf);
    expect(extracted).toContain('Diploma in Regional Planning');
    expect(extracted).not.toContain('Programme diploma');
    expect(extracted).toContain('Mariana Gómez');
    const second = await completedTrainee(db, identity, c.cohortId, { displayName: 'Ana Souza', locale: 'es' });
    expect(text(await issuedPdf(second.enrolmentId))).toContain('Diploma en Planificación Regional');
    expect(images.stats().loads - before).toBe(2);

    // Another course of the same programme inherits the programme's template.
    const [otherCourse] = (await db.query(
      `INSERT INTO courses (programme_id, slug, status, default_locale, title, summary, description, topics, locales, estimated_hours, search_text)
       VALUES ($1, $2, 'published', 'en', '{"en":"Sibling course"}', '{}', '{}', '{}', '{en}', 10, 'sibling') RETURNING id`,
      [programmeId, `sibling-${Date.now().toString(36)}`],
    )) as { id: string }[];
    const [otherCohort] = (await db.query(
      `INSERT INTO cohorts (course_id, name, start_date, end_date, time_zone, enrolment_mode)
       VALUES ($1, 'Sibling cohort', '2026-02-02', '2026-05-29', 'UTC', 'open') RETURNING id`,
      [otherCourse.id],
    )) as { id: string }[];
    const sibling = await completedTrainee(db, identity, otherCohort.id);
    expect(text(await issuedPdf(sibling.enrolmentId))).toContain('Programme diploma');
  });

  it('prints {grade} as the course total from the gradebook, and leaves the paragraph out without graded items', async () => {
    const c = await certificateCohort(db, 'Templates grade');
    const identity = t.app.get(IdentityService);
    const ungraded = await completedTrainee(db, identity, c.cohortId);
    expect(text(await issuedPdf(ungraded.enrolmentId))).not.toContain('Final grade');

    const [module] = (await db.query(
      `INSERT INTO course_modules (course_id, position, title) VALUES ($1, 1, '{"en":"Module"}') RETURNING id`,
      [c.courseId],
    )) as { id: string }[];
    const activities = (await db.query(
      `INSERT INTO activities (module_id, course_id, position, kind, title)
       VALUES ($1, $2, 1, 'assignment', '{"en":"Plan"}'), ($1, $2, 2, 'quiz', '{"en":"Quiz"}') RETURNING id`,
      [module.id, c.courseId],
    )) as { id: string }[];
    // Plan: 35 of 40 (87.5 %), weight 3; quiz: 50 of 100, weight 1 → (87.5 × 3 + 50) / 4 = 78.13.
    await db.query(
      `INSERT INTO grade_items (activity_id, course_id, max_points, weight) VALUES ($1, $3, 40, 3), ($2, $3, 100, 1)`,
      [activities[0].id, activities[1].id, c.courseId],
    );
    const graded = await completedTrainee(db, identity, c.cohortId, { locale: 'es' });
    await db.query(
      `INSERT INTO grades (activity_id, enrolment_id, status, points, released_at)
       VALUES ($1, $3, 'released', 35, now()), ($2, $3, 'released', 50, now())`,
      [activities[0].id, activities[1].id, graded.enrolmentId],
    );
    expect(text(await issuedPdf(graded.enrolmentId))).toContain('Calificación final: 78,13 %.');

    // An unreleased grade does not count: the quiz counts as 0.
    const draft = await completedTrainee(db, identity, c.cohortId);
    await db.query(
      `INSERT INTO grades (activity_id, enrolment_id, status, points, released_at)
       VALUES ($1, $3, 'released', 40, now()), ($2, $3, 'draft', 100, NULL)`,
      [activities[0].id, activities[1].id, draft.enrolmentId],
    );
    expect(text(await issuedPdf(draft.enrolmentId))).toContain('Final grade: 75%.');
  });
});
