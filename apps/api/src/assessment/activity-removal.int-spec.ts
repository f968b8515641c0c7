import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Activity, catalogSampleFiles } from '@aula/server/catalog';
import { StoragePort } from '@aula/server/storage';
import { startTestApp, type TestApp } from '../testing/test-app';
import { multipart } from '../testing/multipart';
import {
  createCohort,
  createCourse,
  enrolled,
  person,
  type CreatedCourse,
  type Person,
} from '../enrolment/testing/learning-fixtures';

const { samplePdf } = catalogSampleFiles;

/** Deleting an assignment, or its module, leaves no trainee file or feedback file behind in storage. */
describe('removing an activity removes the files kept for it', () => {
  let t: TestApp;
  let dataDir: string;
  let admin: Person;
  let tutor: Person;
  let alice: Person;
  let course: CreatedCourse;
  let enrolmentId: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'aula-activity-removal-'));
    t = await startTestApp({ DATA_DIR: dataDir });
    [admin, tutor, alice] = await Promise.all([person(t, ['admin']), person(t, ['tutor']), person(t)]);
    course = await createCourse(t, {
      defaultLocale: 'en',
      modules: [
        { title: { en: 'Plans' }, activities: [{ title: { en: 'Reading' } }] },
        { title: { en: 'Projects' }, activities: [{ title: { en: 'Notes' } }] },
      ],
    });
    const cohortId = (await createCohort(t, admin, course.id, { tutorIds: [tutor.id] })).id;
    enrolmentId = (await enrolled(t, alice, cohortId)).id;
  });
  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const em = () => t.app.get(DataSource).manager;
  const storage = () => t.app.get(StoragePort);

  /** An assignment in `moduleIndex` with Alice's submitted file and the tutor's feedback file; their storage keys. */
  async function workedAssignment(moduleIndex: number): Promise<{ activityId: string; keys: string[] }> {
    const activity = await em().save(
      Activity,
      em().create(Activity, {
        courseId: course.id,
        moduleId: course.modules[moduleIndex].id,
        position: 50,
        kind: 'assignment',
        title: { en: 'Action plan' },
        body: { en: '<p>Write your plan</p>' },
        required: true,
      }),
    );
    const upload = multipart(samplePdf(), 'plan.pdf');
    const uploaded = await t.request({
      method: 'POST',
      url: `/api/assignments/${activity.id}/files`,
      headers: { ...alice.headers, ...upload.headers },
      payload: upload.payload,
    });
    expect(uploaded.statusCode).toBe(201);
    const submitted = await t.request({
      method: 'POST',
      url: `/api/assignments/${activity.id}/submit`,
      headers: alice.headers,
      payload: {},
    });
    expect(submitted.statusCode).toBe(200);
    const feedback = multipart(samplePdf(), 'comments.pdf');
    const attached = await t.request({
      method: 'PUT',
      url: `/api/marking/activities/${activity.id}/enrolments/${enrolmentId}/feedback-file`,
      headers: { ...tutor.headers, ...feedback.headers },
      payload: feedback.payload,
    });
    expect(attached.statusCode).toBe(200);

    const rows = (await em().query(
      `SELECT DISTINCT sf.storage_key AS key FROM submission_files sf JOIN submissions s ON s.id = sf.submission_id WHERE s.activity_id = $1
       UNION ALL SELECT feedback_file_key FROM grades WHERE activity_id = $1 AND feedback_file_key IS NOT NULL`,
      [activity.id],
    )) as { key: string }[];
    const keys = rows.map((r) => r.key);
    expect(keys).toHaveLength(2);
    for (const key of keys) expect(await storage().exists(key)).toBe(true);
    return { activityId: activity.id, keys };
  }

  it('deleting the assignment removes its submission and feedback files', async () => {
    const { activityId, keys } = await workedAssignment(0);
    const res = await t.request({
      method: 'DELETE',
      url: `/api/admin/activities/${activityId}`,
      headers: admin.headers,
    });
    expect(res.statusCode).toBe(204);
    for (const key of keys) expect(await storage().exists(key)).toBe(false);
  });

  it('deleting the module removes the files of its assignments', async () => {
    const { keys } = await workedAssignment(1);
    const res = await t.request({
      method: 'DELETE',
      url: `/api/admin/modules/${course.modules[1].id}`,
      headers: admin.headers,
    });
    expect(res.statusCode).toBe(204);
    for (const key of keys) expect(await storage().exists(key)).toBe(false);
  });
});
