import { DataSource } from 'typeorm';
import {
  ACTIVITY_FILE_MAX_BYTES,
  routeUrl,
  workshopsApi,
  type WorkshopMaterialView,
  type WorkshopOutcomeView,
  type WorkshopRatingResult,
  type WorkshopReportView,
  type WorkshopSurveyPublicView,
  type WorkshopSurveyResponseView,
  type WorkshopSurveyResults,
  type WorkshopTextResult,
  type WorkshopView,
} from '@aula/contracts';
import { catalogSampleFiles } from '@aula/server/catalog';
import { multipart } from '../testing/multipart';
import { startTestApp, type TestApp, type TestResponse } from '../testing/test-app';
import { caller, directoryRecords, fieldsOf, person, publishedWorkshop, setStatus, signInAdmin, type Caller, type Person } from './testing/workshop-fixtures';

const { SAMPLE_HTML, samplePdf } = catalogSampleFiles;

describe('workshop materials, feedback survey and outcomes over HTTP', () => {
  let t: TestApp;
  let adminToken: string;
  let admin: Caller;
  let visitor: Caller;
  let records: Awaited<ReturnType<typeof directoryRecords>>;

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await signInAdmin(t);
    admin = caller(t, adminToken);
    visitor = caller(t, null);
    records = await directoryRecords(admin);
  });
  afterAll(() => t.close());

  /** A published workshop with `count` confirmed participants, and an outsider signed in. */
  async function workshopWith(count: number): Promise<{ w: WorkshopView; participants: Person[]; outsider: Person }> {
    const w = await publishedWorkshop(admin, records);
    const participants: Person[] = [];
    for (let i = 0; i < count; i++) {
      const p = await person(t);
      const res = await p.call('POST', routeUrl(workshopsApi.register, { slug: w.slug }), {});
      expect(res.json()).toMatchObject({ status: 'confirmed' });
      participants.push(p);
    }
    return { w, participants, outsider: await person(t) };
  }

  async function hold(w: WorkshopView): Promise<void> {
    for (const to of ['registration-closed', 'in-progress', 'held']) await setStatus(admin, w.id, to);
  }

  const upload = (w: WorkshopView, content: Buffer, filename: string, query: Record<string, string>): Promise<TestResponse> => {
    const body = multipart(content, filename);
    return t.request({
      method: 'POST',
      url: routeUrl(workshopsApi.uploadMaterial, { id: w.id }, query),
      headers: { ...body.headers, authorization: `Bearer ${adminToken}` },
      payload: body.payload,
    });
  };

  describe('materials', () => {
    it('shows files and links to confirmed participants and organisers only, and serves the file as an attachment', async () => {
      const { w, participants, outsider } = await workshopWith(1);
      const link = await admin('POST', routeUrl(workshopsApi.addMaterialLink, { id: w.id }), {
        title: 'Presentación regional',
        url: 'https://docs.example.org/presentacion',
        language: 'es',
      });
      expect(link.statusCode).toBe(201);
      const file = await upload(w, samplePdf(), 'Guía.pdf', { title: 'Guía metodológica', language: 'pt' });
      expect(file.statusCode).toBe(201);
      expect(file.json()).toMatchObject({ kind: 'file', fileName: 'Guía.pdf', contentType: 'application/pdf', language: 'pt', sessionId: null });

      const url = routeUrl(workshopsApi.materials, { slug: w.slug });
      const listed = (await participants[0].call('GET', url)).json() as WorkshopMaterialView[];
      expect(listed.map((m) => [m.title, m.kind, m.language])).toEqual([
        ['Presentación regional', 'link', 'es'],
        ['Guía metodológica', 'file', 'pt'],
      ]);
      expect((await outsider.call('GET', url)).statusCode).toBe(404);
      expect((await visitor('GET', url)).statusCode).toBe(401);

      const fileId = (file.json() as WorkshopMaterialView).id;
      const fileUrl = routeUrl(workshopsApi.materialFile, { slug: w.slug, materialId: fileId });
      const download = await participants[0].call('GET', fileUrl);
      expect(download.statusCode).toBe(200);
      expect(download.headers['content-type']).toBe('application/pdf');
      expect(String(download.headers['content-disposition'])).toContain('attachment');
      expect(download.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      expect((await outsider.call('GET', fileUrl)).statusCode).toBe(404);
      // A link has no file.
      const linkUrl = routeUrl(workshopsApi.materialFile, { slug: w.slug, materialId: (link.json() as WorkshopMaterialView).id });
      expect((await participants[0].call('GET', linkUrl)).statusCode).toBe(404);

      // Removed: gone from the list and its file no longer served.
      expect((await admin('DELETE', routeUrl(workshopsApi.deleteMaterial, { id: w.id, materialId: fileId }))).statusCode).toBe(204);
      expect(((await participants[0].call('GET', url)).json() as WorkshopMaterialView[]).map((m) => m.kind)).toEqual(['link']);
      expect((await participants[0].call('GET', fileUrl)).statusCode).toBe(404);
    });

    it('checks uploads like other files: size limit, HTML refused whatever its name, fields named', async () => {
      const { w } = await workshopWith(0);
      const html = await upload(w, SAMPLE_HTML, 'agenda.pdf', { title: 'Agenda', language: 'es' });
      expect(html.statusCode).toBe(415);
      expect(fieldsOf(html)).toEqual(['file']);
      const tooLarge = await upload(w, Buffer.alloc(ACTIVITY_FILE_MAX_BYTES + 1, 0x20), 'notes.txt', { title: 'Notas', language: 'es' });
      expect(tooLarge.statusCode).toBe(413);
      expect(fieldsOf(tooLarge)).toEqual(['file']);
      const bad = await upload(w, samplePdf(), 'a.pdf', { title: '', language: 'fr', sessionId: 'nope' });
      expect(bad.statusCode).toBe(400);
      expect(fieldsOf(bad)).toEqual(expect.arrayContaining(['title', 'language', 'sessionId']));
      const otherSession = await upload(w, samplePdf(), 'a.pdf', { title: 'A', language: 'es', sessionId: '00000000-0000-4000-8000-000000000000' });
      expect(otherSession.statusCode).toBe(400);
      expect(fieldsOf(otherSession)).toEqual(['sessionId']);
      const link = await admin('POST', routeUrl(workshopsApi.addMaterialLink, { id: w.id }), { title: 'X', url: 'javascript:alert(1)', language: 'es' });
      expect(link.statusCode).toBe(400);
      expect(fieldsOf(link)).toEqual(['url']);
      expect(((await admin('GET', routeUrl(workshopsApi.organiserMaterials, { id: w.id }))).json() as unknown[]).length).toBe(0);
    });
  });

  describe('feedback survey', () => {
    const answer = (p: Person, w: WorkshopView, body: Record<string, unknown>) =>
      p.call('POST', routeUrl(workshopsApi.answerSurvey, { slug: w.slug }), body);

    it('opens once the workshop is held; each confirmed participant answers once, anonymously or not', async () => {
      const { w, participants, outsider } = await workshopWith(3);
      const [ana, bruno, carla] = participants;
      const full = { answers: [{ questionId: 'overall', rating: 5 }, { questionId: 'usefulness', rating: 4 }, { questionId: 'comments', text: 'Muy útil' }] };
      const early = await answer(ana, w, full);
      expect(early.statusCode).toBe(409);
      expect(early.json()).toMatchObject({ currentStatus: 'published' });
      await hold(w);

      // The default survey, in the reader's language.
      const survey = (await ana.call('GET', routeUrl(workshopsApi.survey, { slug: w.slug }, { locale: 'pt' }))).json() as WorkshopSurveyPublicView;
      expect(survey).toMatchObject({ open: true, canAnswer: true, answered: false, myResponse: null });
      expect((await admin('GET', routeUrl(workshopsApi.survey, { slug: w.slug }))).json()).toMatchObject({ canAnswer: false });
      expect(survey.questions[0]).toMatchObject({ id: 'overall', kind: 'rating', prompt: 'De modo geral, como você avalia a oficina?' });

      const first = await answer(ana, w, full);
      expect(first.statusCode).toBe(201);
      const again = await answer(ana, w, { answers: [{ questionId: 'overall', rating: 1 }, { questionId: 'usefulness', rating: 1 }] });
      expect(again.statusCode).toBe(409);
      expect((again.json() as { response: WorkshopSurveyResponseView }).response.id).toBe((first.json() as WorkshopSurveyResponseView).id);

      const anon = await answer(bruno, w, { anonymous: true, answers: [{ questionId: 'overall', rating: 3 }, { questionId: 'usefulness', rating: 4 }] });
      expect(anon.statusCode).toBe(201);
      const anonAgain = await answer(bruno, w, { anonymous: true, answers: [{ questionId: 'overall', rating: 3 }, { questionId: 'usefulness', rating: 4 }] });
      expect(anonAgain.statusCode).toBe(409);
      expect(anonAgain.json()).toMatchObject({ anonymous: true, response: null });
      // The anonymous answer carries no user id; who answered is kept apart.
      const ds = t.app.get(DataSource);
      const rows = (await ds.query('SELECT user_id, anonymous FROM workshop_survey_responses WHERE workshop_id = $1 ORDER BY anonymous', [w.id])) as { user_id: string | null; anonymous: boolean }[];
      expect(rows).toEqual([{ user_id: ana.id, anonymous: false }, { user_id: null, anonymous: true }]);
      const brunoView = (await bruno.call('GET', routeUrl(workshopsApi.survey, { slug: w.slug }))).json() as WorkshopSurveyPublicView;
      expect(brunoView).toMatchObject({ answered: true, myResponse: null });

      expect((await answer(outsider, w, full)).statusCode).toBe(404);
      // An organiser does not answer: only participants do.
      expect((await admin('POST', routeUrl(workshopsApi.answerSurvey, { slug: w.slug }), full)).statusCode).toBe(404);

      await answer(carla, w, { answers: [{ questionId: 'overall', rating: 4 }, { questionId: 'usefulness', rating: 2 }, { questionId: 'comments', text: '  Más tiempo para grupos  ' }] });
      const results = (await admin('GET', routeUrl(workshopsApi.surveyResults, { id: w.id }))).json() as WorkshopSurveyResults;
      expect(results).toMatchObject({ responses: 3, anonymous: 1 });
      const overall = results.questions.find((q) => q.questionId === 'overall') as WorkshopRatingResult;
      expect(overall).toMatchObject({ distribution: [0, 0, 1, 1, 1], count: 3, mean: 4 });
      const usefulness = results.questions.find((q) => q.questionId === 'usefulness') as WorkshopRatingResult;
      expect(usefulness).toMatchObject({ distribution: [0, 1, 0, 2, 0], count: 3, mean: 3.33 });
      const organisation = results.questions.find((q) => q.questionId === 'organisation') as WorkshopRatingResult;
      expect(organisation).toMatchObject({ count: 0, mean: null });
      const comments = results.questions.find((q) => q.questionId === 'comments') as WorkshopTextResult;
      expect(comments.answers).toHaveLength(2);
      expect(comments.answers).toEqual(expect.arrayContaining(['Más tiempo para grupos', 'Muy útil']));
      expect((await ana.call('GET', routeUrl(workshopsApi.surveyResults, { id: w.id }))).statusCode).toBe(404);

      // Questions no longer change once answered.
      const locked = await admin('PUT', routeUrl(workshopsApi.saveSurvey, { id: w.id }), { questions: [] });
      expect(locked.statusCode).toBe(409);
    });

    it("takes the organiser's own questions and names every field at fault", async () => {
      const { w, participants } = await workshopWith(1);
      const bad = await admin('PUT', routeUrl(workshopsApi.saveSurvey, { id: w.id }), {
        questions: [
          { id: 'Venue!', kind: 'rating', prompt: { es: 'Sede' }, required: true },
          { id: 'food', kind: 'stars', prompt: {}, required: false },
        ],
      });
      expect(bad.statusCode).toBe(400);
      expect(fieldsOf(bad)).toEqual(expect.arrayContaining(['questions.0.id', 'questions.1.kind']));
      const noPrompt = await admin('PUT', routeUrl(workshopsApi.saveSurvey, { id: w.id }), { questions: [{ id: 'venue', kind: 'rating', prompt: {}, required: true }] });
      expect(fieldsOf(noPrompt)).toEqual(['questions.0.prompt']);
      const saved = await admin('PUT', routeUrl(workshopsApi.saveSurvey, { id: w.id }), {
        questions: [
          { id: 'venue', kind: 'rating', prompt: { es: '¿Y la sede?', pt: 'E o local?' }, required: true },
          { id: 'ideas', kind: 'text', prompt: { es: 'Ideas' }, required: false },
        ],
      });
      expect(saved.statusCode).toBe(200);
      expect(saved.json()).toMatchObject({ isDefault: false, responses: 0 });
      await hold(w);
      const wrong = await answer(participants[0], w, { answers: [{ questionId: 'venue', rating: 6 }, { questionId: 'overall', rating: 3 }, { questionId: 'ideas', rating: 2 }] });
      expect(wrong.statusCode).toBe(400);
      expect(fieldsOf(wrong)).toEqual(expect.arrayContaining(['answers.0.rating', 'answers.1.questionId', 'answers.2.rating']));
      const missing = await answer(participants[0], w, { answers: [] });
      expect(fieldsOf(missing)).toEqual(['answers.venue']);
      expect((await answer(participants[0], w, { answers: [{ questionId: 'venue', rating: 2 }] })).statusCode).toBe(201);
    });
  });

  describe('outcomes', () => {
    it('are edited by organisers and public only once the report is published', async () => {
      const { w, participants } = await workshopWith(1);
      const [a, b] = records.regionIds;
      const add = (body: Record<string, unknown>) => admin('POST', routeUrl(workshopsApi.addOutcome, { id: w.id }), body);
      const offer = await add({ kind: 'offer', regionId: a, toRegionId: b, topic: 'Agua', description: 'Asistencia técnica en gestión de cuencas' });
      expect(offer.statusCode).toBe(201);
      const request = await add({ kind: 'request', regionId: b, toRegionId: null, topic: 'Datos', description: 'Formación en catastro' });
      expect(request.json()).toMatchObject({ toRegionId: null });
      // A demand is of one region: a target region is not kept.
      const demand = await add({ kind: 'demand', regionId: a, toRegionId: b, topic: 'Vivienda', description: 'Planes de vivienda rural' });
      expect(demand.json()).toMatchObject({ kind: 'demand', toRegionId: null });

      const bad = await add({ kind: 'wish', regionId: 'x', topic: '', description: '' });
      expect(bad.statusCode).toBe(400);
      expect(fieldsOf(bad)).toEqual(expect.arrayContaining(['kind', 'regionId', 'topic', 'description']));
      const unknownRegion = await add({ kind: 'lesson', regionId: '00000000-0000-4000-8000-000000000000', topic: 'T', description: 'D' });
      expect(fieldsOf(unknownRegion)).toEqual(['regionId']);
      const sameRegion = await add({ kind: 'offer', regionId: a, toRegionId: a, topic: 'T', description: 'D' });
      expect(fieldsOf(sameRegion)).toEqual(['toRegionId']);

      const updated = await admin('PATCH', routeUrl(workshopsApi.updateOutcome, { id: w.id, outcomeId: (demand.json() as WorkshopOutcomeView).id }), { kind: 'priority' });
      expect(updated.json()).toMatchObject({ kind: 'priority', topic: 'Vivienda' });
      const listed = (await admin('GET', routeUrl(workshopsApi.organiserOutcomes, { id: w.id }))).json() as WorkshopOutcomeView[];
      expect(listed.map((o) => o.kind)).toEqual(['priority', 'offer', 'request']);
      expect((await participants[0].call('GET', routeUrl(workshopsApi.organiserOutcomes, { id: w.id }))).statusCode).toBe(404);

      const reportUrl = routeUrl(workshopsApi.report, { slug: w.slug });
      await hold(w);
      expect((await visitor('GET', reportUrl)).statusCode).toBe(404);
      expect((await admin('GET', reportUrl)).statusCode).toBe(404);
      await setStatus(admin, w.id, 'report-published');
      const report = (await visitor('GET', reportUrl)).json() as WorkshopReportView;
      expect(report).toMatchObject({ workshopId: w.id, slug: w.slug });
      expect(report.outcomes.map((o) => [o.kind, o.topic, o.region?.id, o.toRegion?.id ?? null])).toEqual([
        ['priority', 'Vivienda', a, null],
        ['offer', 'Agua', a, b],
        ['request', 'Datos', b, null],
      ]);
      expect(report.outcomes[1].toRegion?.displayName).toBeTruthy();
    });
  });
});
