// Data of the `gradebook` benchmark, written straight into PostgreSQL with generate_series: one
// course of 4 modules x 5 graded activities (quizzes and assignments alternating, titles in
// en/es/pt), its grading rules (categories with weights, pass mark 60 %), one cohort with one
// tutor, N trainees (names in several scripts) enrolled, and their grades.
//
// Deterministic: trainee i (1-based) has id md5('gb-user-' || i)::uuid, email gb<i>@bench.aula.example;
// item k (1..20) is a quiz (max 10, category Quizzes) when k is odd, else an assignment (max 100;
// category Projects when k % 4 = 0, none otherwise, weight 1 + k % 3). Grade of (i, k): none when
// (i + k) % 10 = 0; ready (not released) when (i * k) % 7 = 0; released otherwise; points
// (i * 7 + k * 13) % (max + 1).

export const GRADED_ITEMS = 20;
export const TUTOR_EMAIL = 'gb-tutor@bench.aula.example';

/** Course, items, grading rules, cohort and tutor. Resolves { cohortId, courseId }. */
export async function seedGradebookCourse(client, passwordHash) {
  await client.query('BEGIN');
  const {
    rows: [programme],
  } = await client.query(`
    INSERT INTO programmes (slug, default_locale, title, description)
    VALUES ('gb-programme', 'es', '{"en":"Territorial development","es":"Desarrollo territorial","pt":"Desenvolvimento territorial"}', '{}')
    RETURNING id`);
  const {
    rows: [course],
  } = await client.query(
    `INSERT INTO courses (programme_id, slug, status, default_locale, title, summary, description, topics, locales,
                          estimated_hours, search_text)
     VALUES ($1, 'gb-course', 'published', 'es',
             '{"en":"Regional action plans","es":"Planes de acción regionales","pt":"Planos de ação regionais"}',
             '{}', '{}', '{planning}', '{en,es,pt}', 40, 'regional action plans planes de accion regionales')
     RETURNING id`,
    [programme.id],
  );
  await client.query(
    `INSERT INTO course_modules (course_id, position, title)
     SELECT $1, m, jsonb_build_object('en', 'Module ' || m, 'es', 'Módulo ' || m, 'pt', 'Módulo ' || m)
       FROM generate_series(1, 4) m`,
    [course.id],
  );
  await client.query(
    `INSERT INTO activities (module_id, course_id, position, kind, title, body, required)
     SELECT m.id, m.course_id, a, CASE WHEN (5 * (m.position - 1) + a) % 2 = 1 THEN 'quiz' ELSE 'assignment' END::activity_kind,
            jsonb_build_object('en', 'Item ' || (5 * (m.position - 1) + a) || ': diagnosis',
                               'es', 'Elemento ' || (5 * (m.position - 1) + a) || ': diagnóstico',
                               'pt', 'Item ' || (5 * (m.position - 1) + a) || ': diagnóstico'),
            '{}', true
       FROM course_modules m, generate_series(1, 5) a
      WHERE m.course_id = $1`,
    [course.id],
  );
  await client.query(
    `INSERT INTO grade_items (activity_id, course_id, max_points, weight, category)
     SELECT a.id, a.course_id, CASE WHEN k % 2 = 1 THEN 10 ELSE 100 END, 1 + k % 3,
            CASE WHEN k % 2 = 1 THEN 'Quizzes' WHEN k % 4 = 0 THEN 'Projects' END
       FROM (SELECT a.*, (5 * (m.position - 1) + a.position) AS k
               FROM activities a JOIN course_modules m ON m.id = a.module_id WHERE a.course_id = $1) a`,
    [course.id],
  );
  await client.query(
    `INSERT INTO course_grading (course_id, pass_percent, completion_requires_pass, category_weights)
     VALUES ($1, 60, true, '{"Quizzes": 1, "Projects": 2}')`,
    [course.id],
  );
  const {
    rows: [cohort],
  } = await client.query(
    `INSERT INTO cohorts (course_id, name, start_date, end_date, time_zone, capacity, enrolment_mode)
     VALUES ($1, 'Cohorte 2027-1 — Bogotá', date '2027-02-01', date '2027-06-30', 'America/Bogota', NULL, 'open')
     RETURNING id`,
    [course.id],
  );
  await client.query(
    `INSERT INTO users (id, email, display_name, password_hash, roles, locale, time_zone, country, search_text)
     VALUES (md5('gb-tutor')::uuid, $1, 'Lucía Tutora', $2, '{tutor}', 'es', 'America/Bogota', 'CO',
             'lucia tutora gb-tutor@bench.aula.example')`,
    [TUTOR_EMAIL, passwordHash],
  );
  await client.query(`INSERT INTO cohort_tutors (cohort_id, user_id) VALUES ($1, md5('gb-tutor')::uuid)`, [
    cohort.id,
  ]);
  await client.query('COMMIT');
  return { cohortId: cohort.id, courseId: course.id };
}

/** N trainees enrolled (active) in the cohort, with their grades. */
export async function seedGradebookTrainees(client, cohortId, trainees, passwordHash) {
  await client.query('SET synchronous_commit = off');
  await client.query('BEGIN');
  await client.query(
    `INSERT INTO users (id, email, display_name, password_hash, roles, locale, time_zone, country, search_text)
     SELECT md5('gb-user-' || i)::uuid, 'gb' || i || '@bench.aula.example', n.name, $1, '{trainee}',
            (ARRAY['en','es','pt']::user_locale[])[1 + i % 3], 'America/Bogota', 'CO',
            lower(n.plain) || ' gb' || i || '@bench.aula.example'
       FROM generate_series(1, $2::int) i,
            LATERAL (SELECT (ARRAY['María José Núñez ', 'Nguyễn Thị Lan ', '李明 ', 'Kwame Mensah '])[1 + i % 4] || i AS name,
                            (ARRAY['Maria Jose Nunez ', 'Nguyen Thi Lan ', '李明 ', 'Kwame Mensah '])[1 + i % 4] || i AS plain) n`,
    [passwordHash, trainees],
  );
  await client.query(
    `INSERT INTO enrolments (id, cohort_id, user_id, status, progress_percent)
     SELECT md5('gb-enrolment-' || i)::uuid, $1, md5('gb-user-' || i)::uuid, 'active', 0
       FROM generate_series(1, $2::int) i`,
    [cohortId, trainees],
  );
  await client.query(
    `INSERT INTO grades (activity_id, enrolment_id, status, points, raw_points, late_penalty_percent, graded_at,
                         released_at, version)
     SELECT it.activity_id, md5('gb-enrolment-' || i)::uuid,
            CASE WHEN (i * it.k) % 7 = 0 THEN 'ready' ELSE 'released' END::grade_status,
            (i * 7 + it.k * 13) % (it.max_points::int + 1), (i * 7 + it.k * 13) % (it.max_points::int + 1), 0,
            timestamptz '2027-03-01 12:00Z',
            CASE WHEN (i * it.k) % 7 = 0 THEN NULL ELSE timestamptz '2027-03-02 12:00Z' END, 1
       FROM generate_series(1, $2::int) i,
            (SELECT gi.activity_id, gi.max_points, (5 * (m.position - 1) + a.position) AS k
               FROM grade_items gi JOIN activities a ON a.id = gi.activity_id JOIN course_modules m ON m.id = a.module_id
               JOIN cohorts c ON c.course_id = a.course_id WHERE c.id = $1) it
      WHERE (i + it.k) % 10 <> 0`,
    [cohortId, trainees],
  );
  await client.query(`UPDATE cohorts SET seats_taken = $2 WHERE id = $1`, [cohortId, trainees]);
  await client.query('COMMIT');
  await client.query('VACUUM (ANALYZE)');
}
