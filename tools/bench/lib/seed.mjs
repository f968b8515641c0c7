// Benchmark data, written straight into PostgreSQL with generate_series (never through the API):
// one programme, 20 published courses of 4 modules x 5 activities (titles in en/es/pt), one open
// cohort per course, then trainees with their enrolments and completions, in batches, so the same
// database grows from the small data set to the large one between two measurements.
//
// Trainee i (1-based) is deterministic:
//   id        md5('bench-user-' || i)::uuid, email trainee<i>@bench.aula.example, locale en/es/pt by i % 3
//   enrolment 1: cohort i % 20; withdrawn when i % 17 = 0, completed when i % 11 = 0, else active
//                with (i * 13) % 20 of the 20 activities done, in course order
//   enrolment 2 (i % 4 = 0, so one trainee in four): another cohort, (i % 20 + 1 + (i / 4) % 19) % 20;
//                completed when (i / 4) % 2 = 0, else active with (i * 3) % 20 done
// progress_percent = 5 x activities done (20 activities a course), so completions follow from it.
// Per cohort that is ~N/20 first enrolments plus ~N/80 second ones (about 6,250 at N = 100,000).

export const ACTIVITIES_PER_COURSE = 20;
export const COURSES = 20;

/** The trainee every scenario signs in as: two enrolments (active at 20 %, and completed). */
export const MEASURED_TRAINEE = 8;

export const traineeEmail = (i) => `trainee${i}@bench.aula.example`;

const LOCALES = `ARRAY['en','es','pt']::user_locale[]`;
const ZONES = `ARRAY['America/Bogota','America/Sao_Paulo','Asia/Ho_Chi_Minh','Africa/Casablanca','America/Argentina/Cordoba','Asia/Shanghai']`;

/** Programme, courses, modules, activities and cohorts (once per database). */
export async function seedCatalogue(client) {
  await client.query('BEGIN');
  await client.query(`
    INSERT INTO programmes (slug, default_locale, title, description)
    VALUES ('bench-programme', 'en',
            '{"en":"Regional planning programme","es":"Programa de planificación regional","pt":"Programa de planejamento regional"}',
            '{"en":"Benchmark programme.","es":"Programa de prueba de rendimiento.","pt":"Programa de teste de desempenho."}')`);
  await client.query(`
    INSERT INTO courses (programme_id, slug, status, default_locale, title, summary, description, topics, locales,
                         estimated_hours, search_text)
    SELECT p.id, 'bench-course-' || lpad(i::text, 2, '0'), 'published', (${LOCALES})[1 + i % 3],
           jsonb_build_object('en', 'Course ' || i || ': water and territory',
                              'es', 'Curso ' || i || ': agua y territorio',
                              'pt', 'Curso ' || i || ': água e território'),
           jsonb_build_object('en', 'What course ' || i || ' covers, in two sentences. Practical work each week.',
                              'es', 'Lo que cubre el curso ' || i || ', en dos frases. Trabajo práctico cada semana.',
                              'pt', 'O que o curso ' || i || ' cobre, em duas frases. Trabalho prático toda semana.'),
           jsonb_build_object('en', '<p>' || repeat('Long description of the course. ', 12) || '</p>',
                              'es', '<p>' || repeat('Descripción larga del curso. ', 12) || '</p>',
                              'pt', '<p>' || repeat('Descrição longa do curso. ', 12) || '</p>'),
           ARRAY['topic-' || (i % 5), 'planning'], '{en,es,pt}', 10 + i,
           'course ' || i || ' water and territory curso agua y territorio agua e territorio'
      FROM programmes p, generate_series(1, ${COURSES}) i
     WHERE p.slug = 'bench-programme'`);
  await client.query(`
    INSERT INTO course_modules (course_id, position, title)
    SELECT co.id, m, jsonb_build_object('en', 'Module ' || m, 'es', 'Módulo ' || m, 'pt', 'Módulo ' || m)
      FROM courses co, generate_series(1, 4) m`);
  await client.query(`
    INSERT INTO activities (module_id, course_id, position, kind, title, body, url, required)
    SELECT m.id, m.course_id, a, CASE WHEN a = 5 THEN 'link' ELSE 'page' END::activity_kind,
           jsonb_build_object('en', 'Activity ' || m.position || '.' || a || ': reading',
                              'es', 'Actividad ' || m.position || '.' || a || ': lectura',
                              'pt', 'Atividade ' || m.position || '.' || a || ': leitura'),
           CASE WHEN a = 5 THEN '{}'::jsonb ELSE jsonb_build_object(
                              'en', '<p>' || repeat('Reading text. ', 40) || '</p>',
                              'es', '<p>' || repeat('Texto de lectura. ', 40) || '</p>',
                              'pt', '<p>' || repeat('Texto de leitura. ', 40) || '</p>') END,
           CASE WHEN a = 5 THEN 'https://example.org/video/' || m.position END, true
      FROM course_modules m, generate_series(1, 5) a`);
  // Start dates from 2026-09-01 a week apart: some cohorts under way, some to start (dates to come).
  await client.query(`
    INSERT INTO cohorts (course_id, name, start_date, end_date, time_zone, capacity, enrolment_mode)
    SELECT co.id, 'Cohort 2026-' || n || ' — ' || (co.title->>'en'), date '2026-09-01' + 7 * n,
           date '2026-09-01' + 7 * n + 150, (${ZONES})[1 + n % 6], NULL, 'open'
      FROM (SELECT co.*, (row_number() OVER (ORDER BY co.slug) - 1)::int AS n FROM courses co) co`);
  await client.query('COMMIT');
}

/** Adds trainees from..to (inclusive) with their enrolments and completions. */
export async function seedTrainees(client, from, to, passwordHash, { batch = 25_000 } = {}) {
  await client.query('SET synchronous_commit = off');
  // Activity order per course (module position, activity position) and cohort numbering, for the session.
  await client.query(`
    CREATE TEMP TABLE IF NOT EXISTS bench_activity_order AS
    SELECT a.course_id, a.id, row_number() OVER (PARTITION BY a.course_id
             ORDER BY m.position, m.created_at, m.id, a.position, a.created_at, a.id) AS ord
      FROM activities a JOIN course_modules m ON m.id = a.module_id`);
  await client.query(`
    CREATE TEMP TABLE IF NOT EXISTS bench_cohort AS
    SELECT (row_number() OVER (ORDER BY co.slug) - 1)::int AS n, c.id, c.course_id
      FROM cohorts c JOIN courses co ON co.id = c.course_id`);
  for (let start = from; start <= to; start += batch) {
    const end = Math.min(to, start + batch - 1);
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO users (id, email, display_name, password_hash, roles, locale, time_zone, country, search_text)
       SELECT md5('bench-user-' || i)::uuid, 'trainee' || i || '@bench.aula.example', 'Trainee ' || i, $1, '{trainee}',
              (${LOCALES})[1 + i % 3], (${ZONES})[1 + i % 6], (ARRAY['CO','BR','VN','MA','AR','CN'])[1 + i % 6],
              'trainee ' || i || ' trainee' || i || '@bench.aula.example'
         FROM generate_series($2::int, $3::int) i`,
      [passwordHash, start, end],
    );
    await client.query(
      `WITH wanted AS (
         SELECT i, 1 AS k, i % 20 AS n,
                CASE WHEN i % 17 = 0 THEN 'withdrawn' WHEN i % 11 = 0 THEN 'completed' ELSE 'active' END AS status,
                (i * 13) % 20 AS done
           FROM generate_series($1::int, $2::int) i
         UNION ALL
         SELECT i, 2, (i % 20 + 1 + (i / 4) % 19) % 20,
                CASE WHEN (i / 4) % 2 = 0 THEN 'completed' ELSE 'active' END, (i * 3) % 20
           FROM generate_series($1::int, $2::int) i WHERE i % 4 = 0),
       e AS (
         INSERT INTO enrolments (id, cohort_id, user_id, status, progress_percent, last_activity_at, completed_at)
         SELECT md5('bench-enrolment-' || w.i || '-' || w.k)::uuid, c.id, md5('bench-user-' || w.i)::uuid,
                w.status::enrolment_status,
                CASE w.status WHEN 'completed' THEN 100 WHEN 'active' THEN 5 * w.done ELSE 0 END,
                CASE WHEN w.status = 'completed' OR (w.status = 'active' AND w.done > 0)
                     THEN timestamptz '2026-11-26 12:00Z' - (w.i % 40) * interval '1 day' END,
                CASE WHEN w.status = 'completed' THEN timestamptz '2026-11-26 12:00Z' - (w.i % 40) * interval '1 day' END
           FROM wanted w JOIN bench_cohort c ON c.n = w.n
         RETURNING id, cohort_id, status, progress_percent)
       INSERT INTO activity_completions (enrolment_id, activity_id, completed_at)
       SELECT e.id, a.id, timestamptz '2026-11-26 12:00Z' - (${ACTIVITIES_PER_COURSE} - a.ord) * interval '1 day'
         FROM e JOIN bench_cohort c ON c.id = e.cohort_id
         JOIN bench_activity_order a ON a.course_id = c.course_id AND a.ord <= e.progress_percent / 5
        WHERE e.status IN ('active', 'completed')`,
      [start, end],
    );
    await client.query('COMMIT');
  }
  await client.query(`
    UPDATE cohorts c SET seats_taken = s.n
      FROM (SELECT cohort_id, count(*)::int AS n FROM enrolments WHERE status IN ('active', 'completed') GROUP BY cohort_id) s
     WHERE s.cohort_id = c.id`);
  // As a database that has been running a while would be: statistics and visibility map up to date.
  await client.query('VACUUM (ANALYZE)');
}

/** Row counts, for the report. */
export async function dataSize(client) {
  const { rows } = await client.query(`
    SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM enrolments)::int AS enrolments,
           (SELECT count(*) FROM activity_completions)::int AS completions,
           (SELECT max(seats_taken) FROM cohorts)::int AS "maxPerCohort"`);
  return rows[0];
}
