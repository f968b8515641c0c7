import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { QuestionKind, Translations } from '@aula/contracts';
import { CatalogService } from '@aula/server/catalog';

/**
 * A demo quiz (en/es/pt) in the regional planning course: five questions of every kind, 15
 * minutes, two attempts, the best one counts, answers shown after submitting. Open now and
 * closing in four weeks in each cohort of the course. Idempotent: a quiz with the same English
 * title in that course is left as it is.
 */

const COURSE_SLUG = 'regional-development-planning';
const TITLE = { en: 'Check your knowledge', es: 'Comprueba lo aprendido', pt: 'Verifique o que aprendeu' };

interface DemoQuestion {
  kind: QuestionKind;
  prompt: Translations;
  options?: { text: Translations; correct: boolean; feedback?: Translations }[];
  correctBoolean?: boolean;
  acceptedAnswers?: string[];
  numericAnswer?: number;
  tolerance?: number;
  points: number;
  feedback: Translations;
}

const QUESTIONS: DemoQuestion[] = [
  {
    kind: 'single',
    prompt: {
      en: 'What comes first when preparing a regional action plan?',
      es: '¿Qué viene primero al preparar un plan de acción regional?',
      pt: 'O que vem primeiro ao preparar um plano de ação regional?',
    },
    options: [
      { text: { en: 'The diagnosis of the territory', es: 'El diagnóstico del territorio', pt: 'O diagnóstico do território' }, correct: true },
      {
        text: { en: 'The budget', es: 'El presupuesto', pt: 'O orçamento' },
        correct: false,
        feedback: {
          en: 'The budget follows from the activities, which follow from the diagnosis.',
          es: 'El presupuesto se deriva de las actividades, que se derivan del diagnóstico.',
          pt: 'O orçamento decorre das atividades, que decorrem do diagnóstico.',
        },
      },
      { text: { en: 'The press release', es: 'El comunicado de prensa', pt: 'O comunicado à imprensa' }, correct: false },
    ],
    points: 1,
    feedback: {
      en: 'A plan answers the problems a diagnosis has found.',
      es: 'Un plan responde a los problemas que encontró el diagnóstico.',
      pt: 'Um plano responde aos problemas que o diagnóstico encontrou.',
    },
  },
  {
    kind: 'multiple',
    prompt: {
      en: 'Which belong in every activity of an action plan?',
      es: '¿Qué debe tener cada actividad de un plan de acción?',
      pt: 'O que cada atividade de um plano de ação deve ter?',
    },
    options: [
      { text: { en: 'A responsible entity', es: 'Una entidad responsable', pt: 'Uma entidade responsável' }, correct: true },
      { text: { en: 'Start and end dates', es: 'Fechas de inicio y fin', pt: 'Datas de início e fim' }, correct: true },
      { text: { en: 'A logo', es: 'Un logotipo', pt: 'Um logotipo' }, correct: false },
    ],
    points: 2,
    feedback: { en: 'Who does what, and by when.', es: 'Quién hace qué, y para cuándo.', pt: 'Quem faz o quê, e até quando.' },
  },
  {
    kind: 'true_false',
    prompt: {
      en: 'Multilevel governance means coordinating national, regional and local governments.',
      es: 'La gobernanza multinivel consiste en coordinar gobiernos nacionales, regionales y locales.',
      pt: 'Governança multinível significa coordenar governos nacionais, regionais e locais.',
    },
    correctBoolean: true,
    points: 1,
    feedback: { en: 'See module 2.', es: 'Ver el módulo 2.', pt: 'Veja o módulo 2.' },
  },
  {
    kind: 'short_answer',
    prompt: {
      en: 'Which country of South America has the largest area? (one word)',
      es: '¿Qué país de Sudamérica tiene la mayor superficie? (una palabra)',
      pt: 'Qual país da América do Sul tem a maior área? (uma palavra)',
    },
    acceptedAnswers: ['Brasil', 'Brazil'],
    points: 1,
    feedback: { en: 'Brazil covers almost half of the continent.', es: 'Brasil cubre casi la mitad del continente.', pt: 'O Brasil cobre quase metade do continente.' },
  },
  {
    kind: 'numeric',
    prompt: {
      en: 'A region of 1,200,000 people has 300,000 households. How many people per household on average?',
      es: 'Una región de 1.200.000 habitantes tiene 300.000 hogares. ¿Cuántas personas por hogar en promedio?',
      pt: 'Uma região de 1.200.000 habitantes tem 300.000 domicílios. Quantas pessoas por domicílio em média?',
    },
    numericAnswer: 4,
    tolerance: 0,
    points: 1,
    feedback: { en: '1,200,000 ÷ 300,000 = 4.', es: '1.200.000 ÷ 300.000 = 4.', pt: '1.200.000 ÷ 300.000 = 4.' },
  },
];

export async function seedDemoQuiz(app: INestApplicationContext): Promise<void> {
  const dataSource = app.get(DataSource);
  const catalog = app.get(CatalogService);
  const [course] = (await dataSource.query(`SELECT id FROM courses WHERE slug = $1`, [COURSE_SLUG])) as { id: string }[];
  if (!course) return;
  const [existing] = (await dataSource.query(
    `SELECT id FROM activities WHERE course_id = $1 AND kind = 'quiz' AND title->>'en' = $2`,
    [course.id, TITLE.en],
  )) as { id: string }[];
  if (existing) {
    console.log('Demo quiz: already there.');
    return;
  }
  const [module] = (await dataSource.query(
    `SELECT id FROM course_modules WHERE course_id = $1 ORDER BY position ASC, created_at ASC LIMIT 1`,
    [course.id],
  )) as { id: string }[];
  if (!module) return;
  // Optional: demo trainees' progress stays what the course seed gave them.
  const activity = await catalog.addActivity(module.id, { kind: 'quiz', title: TITLE, required: false });
  await dataSource.transaction(async (em) => {
    const ids: string[] = [];
    for (const q of QUESTIONS) {
      const options = (q.options ?? []).map((o) => ({
        id: randomUUID(),
        text: o.text,
        correct: o.correct,
        feedback: o.feedback ?? {},
      }));
      const [row] = (await em.query(
        `INSERT INTO questions (course_id, kind, prompt, options, correct_boolean, accepted_answers, numeric_answer, tolerance, points, feedback)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          course.id,
          q.kind,
          JSON.stringify(q.prompt),
          JSON.stringify(options),
          q.correctBoolean ?? null,
          JSON.stringify(q.acceptedAnswers ?? []),
          q.numericAnswer ?? null,
          q.tolerance ?? 0,
          q.points,
          JSON.stringify(q.feedback),
        ],
      )) as { id: string }[];
      ids.push(row.id);
    }
    await em.query(
      `INSERT INTO quizzes (activity_id, question_mode, question_ids, time_limit_minutes, attempts_allowed, grading_method)
       VALUES ($1, 'fixed', $2, 15, 2, 'highest') ON CONFLICT (activity_id) DO NOTHING`,
      [activity.id, JSON.stringify(ids)],
    );
    await em.query(
      `INSERT INTO grade_items (activity_id, course_id, max_points) VALUES ($1, $2, 10)
       ON CONFLICT (activity_id) DO UPDATE SET max_points = EXCLUDED.max_points`,
      [activity.id, course.id],
    );
    await em.query(
      `INSERT INTO activity_schedules (cohort_id, activity_id, opens_at, closes_at)
       SELECT c.id, $1, now() - interval '1 day', now() + interval '28 days' FROM cohorts c WHERE c.course_id = $2
       ON CONFLICT DO NOTHING`,
      [activity.id, course.id],
    );
  });
  console.log('Demo quiz: added, with five questions.');
}
