import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RubricDefinition } from '@aula/contracts';
import { CatalogService } from '@aula/server/catalog';

/**
 * A demo assignment with a rubric (en/es/pt) in the regional planning course, with due and
 * cut-off dates in each of its cohorts. Idempotent: an assignment with the same English title
 * in that course is left as it is.
 */

const COURSE_SLUG = 'regional-development-planning';
const TITLE = { en: 'Regional action plan', es: 'Plan de acción regional', pt: 'Plano de ação regional' };

const p = (...paragraphs: string[]) => paragraphs.map((text) => `<p>${text}</p>`).join('');

const INSTRUCTIONS = {
  en: p(
    'Write an action plan for one challenge of your region: objectives, activities, the entity responsible for each, and dates.',
    'Hand it in as text here or as a PDF or Word document (at most 3 files of 10 MB).',
  ),
  es: p(
    'Redacta un plan de acción para un desafío de tu región: objetivos, actividades, la entidad responsable de cada una y fechas.',
    'Entrégalo como texto aquí o como documento PDF o Word (como máximo 3 archivos de 10 MB).',
  ),
  pt: p(
    'Escreva um plano de ação para um desafio da sua região: objetivos, atividades, a entidade responsável por cada uma e datas.',
    'Entregue-o como texto aqui ou como documento PDF ou Word (no máximo 3 arquivos de 10 MB).',
  ),
};

const level = (id: string, points: number, en: string, es: string, pt: string) => ({ id, points, title: { en, es, pt } });

export const DEMO_RUBRIC: RubricDefinition = {
  criteria: [
    {
      id: 'diagnosis',
      title: { en: 'Diagnosis of the challenge', es: 'Diagnóstico del desafío', pt: 'Diagnóstico do desafio' },
      levels: [
        level('diagnosis-1', 0, 'Missing', 'Ausente', 'Ausente'),
        level('diagnosis-2', 5, 'Partial', 'Parcial', 'Parcial'),
        level('diagnosis-3', 10, 'Clear and supported by data', 'Claro y apoyado en datos', 'Claro e apoiado em dados'),
      ],
    },
    {
      id: 'objectives',
      title: { en: 'Objectives and activities', es: 'Objetivos y actividades', pt: 'Objetivos e atividades' },
      levels: [
        level('objectives-1', 0, 'Vague', 'Vagos', 'Vagos'),
        level('objectives-2', 8, 'Concrete', 'Concretos', 'Concretos'),
        level('objectives-3', 15, 'Concrete and measurable', 'Concretos y medibles', 'Concretos e mensuráveis'),
      ],
    },
    {
      id: 'responsibility',
      title: { en: 'Responsible entities and dates', es: 'Entidades responsables y fechas', pt: 'Entidades responsáveis e datas' },
      levels: [
        level('responsibility-1', 0, 'Not stated', 'Sin indicar', 'Não indicadas'),
        level('responsibility-2', 5, 'Stated for every activity', 'Indicadas para cada actividad', 'Indicadas para cada atividade'),
      ],
    },
  ],
};
/** Each criterion's highest level, summed. */
const MAX_POINTS = 30;

export async function seedDemoAssignment(app: INestApplicationContext): Promise<void> {
  const dataSource = app.get(DataSource);
  const catalog = app.get(CatalogService);
  const [course] = (await dataSource.query(`SELECT id FROM courses WHERE slug = $1`, [COURSE_SLUG])) as { id: string }[];
  if (!course) return;
  const [existing] = (await dataSource.query(
    `SELECT id FROM activities WHERE course_id = $1 AND kind = 'assignment' AND title->>'en' = $2`,
    [course.id, TITLE.en],
  )) as { id: string }[];
  if (existing) {
    console.log('Demo assignment: already there.');
    return;
  }
  const [module] = (await dataSource.query(
    `SELECT id FROM course_modules WHERE course_id = $1 ORDER BY position DESC, created_at DESC LIMIT 1`,
    [course.id],
  )) as { id: string }[];
  if (!module) return;
  const activity = await catalog.addActivity(module.id, {
    kind: 'assignment',
    title: TITLE,
    body: INSTRUCTIONS,
    required: true,
  });
  await dataSource.transaction(async (em) => {
    await em.query(
      `INSERT INTO assignments (activity_id, course_id, late_policy, late_penalty_percent_per_day, rubric)
       VALUES ($1, $2, 'penalty', 10, $3) ON CONFLICT (activity_id) DO NOTHING`,
      [activity.id, course.id, JSON.stringify(DEMO_RUBRIC)],
    );
    await em.query(
      `INSERT INTO grade_items (activity_id, course_id, max_points) VALUES ($1, $2, $3)
       ON CONFLICT (activity_id) DO UPDATE SET max_points = EXCLUDED.max_points`,
      [activity.id, course.id, MAX_POINTS],
    );
    // Due two weeks after the seed, cut-off one week later, in every cohort of the course.
    await em.query(
      `INSERT INTO activity_schedules (cohort_id, activity_id, due_at, closes_at)
       SELECT c.id, $1, now() + interval '14 days', now() + interval '21 days' FROM cohorts c WHERE c.course_id = $2
       ON CONFLICT DO NOTHING`,
      [activity.id, course.id],
    );
  });
  console.log('Demo assignment: added, with its rubric.');
}
