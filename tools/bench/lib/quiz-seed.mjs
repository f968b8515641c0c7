// Data of the `quiz-burst` benchmark, written straight into PostgreSQL: one published course with
// one quiz of 10 questions (every kind, prompts in en/es/pt), unlimited attempts, best attempt
// counts, no time limit; one open cohort; N trainees enrolled (active). Deterministic: trainee i
// (1-based) is qb<i>@bench.aula.example, id md5('qb-user-' || i)::uuid.

export const QUIZ_QUESTIONS = 10;
export const quizTraineeEmail = (i) => `qb${i}@bench.aula.example`;

const KINDS = ['single', 'multiple', 'true_false', 'short_answer', 'numeric'];

/** Resolves { courseId, activityId, cohortId, questions: [{ id, kind, options: [{id, correct}] ... }] }. */
export async function seedQuizCourse(client, trainees, passwordHash) {
  await client.query('BEGIN');
  const {
    rows: [programme],
  } = await client.query(
    `INSERT INTO programmes (slug, default_locale, title, description)
     VALUES ('qb-programme', 'es', '{"en":"Regional development","es":"Desarrollo regional","pt":"Desenvolvimento regional"}', '{}')
     RETURNING id`,
  );
  const {
    rows: [course],
  } = await client.query(
    `INSERT INTO courses (programme_id, slug, status, default_locale, title, summary, description, topics, locales,
                          estimated_hours, search_text)
     VALUES ($1, 'qb-course', 'published', 'es',
             '{"en":"Regional planning","es":"Planificación regional","pt":"Planejamento regional"}',
             '{}', '{}', '{planning}', '{en,es,pt}', 20, 'regional planning planificacion regional')
     RETURNING id`,
    [programme.id],
  );
  const {
    rows: [module],
  } = await client.query(
    `INSERT INTO course_modules (course_id, position, title) VALUES ($1, 0, '{"en":"Check","es":"Evaluación","pt":"Avaliação"}') RETURNING id`,
    [course.id],
  );
  const {
    rows: [activity],
  } = await client.query(
    `INSERT INTO activities (module_id, course_id, position, kind, title, body, required)
     VALUES ($1, $2, 0, 'quiz', '{"en":"Final quiz","es":"Cuestionario final","pt":"Questionário final"}', '{}', true)
     RETURNING id`,
    [module.id, course.id],
  );
  const questions = [];
  for (let i = 0; i < QUIZ_QUESTIONS; i++) {
    const kind = KINDS[i % KINDS.length];
    const options =
      kind === 'single' || kind === 'multiple'
        ? [0, 1, 2, 3].map((o) => ({
            id: `00000000-0000-4000-8000-${String(i * 10 + o).padStart(12, '0')}`,
            text: { en: `Option ${o + 1}`, es: `Opción ${o + 1}`, pt: `Opção ${o + 1}` },
            correct: kind === 'single' ? o === 1 : o < 2,
            feedback: {},
          }))
        : [];
    const {
      rows: [q],
    } = await client.query(
      `INSERT INTO questions (course_id, kind, prompt, options, correct_boolean, accepted_answers, numeric_answer, tolerance, points, feedback)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, '{"en":"See the reading.","es":"Ver la lectura.","pt":"Veja a leitura."}')
       RETURNING id`,
      [
        course.id,
        kind,
        JSON.stringify({ en: `Question ${i + 1}?`, es: `¿Pregunta ${i + 1}?`, pt: `Pergunta ${i + 1}?` }),
        JSON.stringify(options),
        kind === 'true_false' ? true : null,
        JSON.stringify(kind === 'short_answer' ? ['Bogotá', 'Bogota'] : []),
        kind === 'numeric' ? 42 : null,
        kind === 'numeric' ? 0.5 : 0,
      ],
    );
    questions.push({ id: q.id, kind, options });
  }
  await client.query(
    `INSERT INTO quizzes (activity_id, question_mode, question_ids, attempts_allowed, grading_method)
     VALUES ($1, 'fixed', $2, NULL, 'highest')`,
    [activity.id, JSON.stringify(questions.map((q) => q.id))],
  );
  await client.query(`INSERT INTO grade_items (activity_id, course_id, max_points) VALUES ($1, $2, 20)`, [
    activity.id,
    course.id,
  ]);
  const {
    rows: [cohort],
  } = await client.query(
    `INSERT INTO cohorts (course_id, name, start_date, end_date, time_zone, capacity, enrolment_mode)
     VALUES ($1, 'Cohorte — Bogotá', current_date - 7, current_date + 60, 'America/Bogota', NULL, 'open')
     RETURNING id`,
    [course.id],
  );
  await client.query(
    `INSERT INTO users (id, email, display_name, password_hash, roles, locale, time_zone, country, search_text)
     SELECT md5('qb-user-' || i)::uuid, 'qb' || i || '@bench.aula.example', 'Participante ' || i, $1, '{trainee}',
            (ARRAY['es','pt','en'])[1 + i % 3]::user_locale, 'America/Bogota', 'CO', 'participante ' || i
       FROM generate_series(1, $2::int) i`,
    [passwordHash, trainees],
  );
  await client.query(
    `INSERT INTO enrolments (cohort_id, user_id, status)
     SELECT $1, md5('qb-user-' || i)::uuid, 'active' FROM generate_series(1, $2::int) i`,
    [cohort.id, trainees],
  );
  await client.query('COMMIT');
  return { courseId: course.id, activityId: activity.id, cohortId: cohort.id, questions };
}

/** Answers for trainee i: a mix of right and wrong, so grading does real work. */
export function answersFor(questions, i) {
  const answers = {};
  for (const [n, q] of questions.entries()) {
    const right = (i + n) % 3 !== 0;
    if (q.kind === 'single') answers[q.id] = q.options[right ? 1 : 2].id;
    if (q.kind === 'multiple') answers[q.id] = right ? [q.options[0].id, q.options[1].id] : [q.options[0].id, q.options[3].id];
    if (q.kind === 'true_false') answers[q.id] = right;
    if (q.kind === 'short_answer') answers[q.id] = right ? 'bogota' : 'Lima';
    if (q.kind === 'numeric') answers[q.id] = right ? 42.25 : 40;
  }
  return answers;
}
