/**
 * The gradebook's SQL, shared by the service and the `gradebook` benchmark's bare baseline (which
 * loads these constants from the built server, so both run exactly the same statements).
 */

/** Graded items (quizzes and assignments) of the course `courseExpr`, in course order, as JSON. */
const itemsJson = (courseExpr: string) => `coalesce((
  SELECT json_agg(json_build_object('activityId', a.id, 'kind', a.kind, 'title', a.title,
           'maxPoints', coalesce(gi.max_points, 100)::float8, 'weight', coalesce(gi.weight, 1)::float8,
           'category', gi.category, 'blindMarking', coalesce(asg.blind_marking, false))
           ORDER BY m.position, a.position)
    FROM activities a JOIN course_modules m ON m.id = a.module_id
    LEFT JOIN grade_items gi ON gi.activity_id = a.id
    LEFT JOIN assignments asg ON asg.activity_id = a.id
   WHERE a.course_id = ${courseExpr} AND a.kind IN ('quiz', 'assignment')), '[]')`;

const rulesColumns = `cg.pass_percent::float8 AS "passPercent",
       coalesce(cg.completion_requires_pass, false) AS "completionRequiresPass",
       coalesce(cg.category_weights, '{}'::jsonb) AS "categoryWeights"`;

/** $1 cohort id → the cohort, its course's grading rules and graded items (one row, or none). */
export const GRADEBOOK_HEAD_SQL = `SELECT c.name AS "cohortName", c.course_id AS "courseId", c.time_zone AS "timeZone",
       co.default_locale AS "defaultLocale", ${rulesColumns},
       ${itemsJson('c.course_id')} AS items
  FROM cohorts c JOIN courses co ON co.id = c.course_id
  LEFT JOIN course_grading cg ON cg.course_id = c.course_id
 WHERE c.id = $1`;

/** $1 course id → its grading rules and graded items (one row, or none). */
export const COURSE_GRADING_SQL = `SELECT co.id AS "courseId", co.default_locale AS "defaultLocale", ${rulesColumns},
       ${itemsJson('co.id')} AS items
  FROM courses co LEFT JOIN course_grading cg ON cg.course_id = co.id
 WHERE co.id = $1`;

/**
 * $1 cohort id, $2 item ids (uuid[], in the head's order), $3/$4 keyset after (sort key, enrolment
 * id) or nulls, $5 row limit or null → the trainees (active or completed) by name, each with their
 * grades of those items as text: `n points status` per grade, comma-separated (n: 1-based position
 * in $2; points empty when none), or null without grades. One pass over the cohort's grades (hash
 * join and aggregate, no per-trainee look-ups), and text rather than JSON or arrays: both sides of
 * the wire handle 20,000 grades of a 1,000-trainee cohort in a few milliseconds that way.
 */
export const GRADEBOOK_ROWS_SQL = `WITH page AS (
       SELECT e.id, u.id AS user_id, u.display_name, u.email, e.status, u.search_text
         FROM enrolments e JOIN users u ON u.id = e.user_id
        WHERE e.cohort_id = $1 AND e.status IN ('active', 'completed')
          AND ($3::text IS NULL OR (u.search_text, e.id) > ($3::text, $4::uuid))
        ORDER BY u.search_text, e.id
        LIMIT $5),
     marks AS (
       SELECT gr.enrolment_id,
              string_agg(array_position($2::uuid[], gr.activity_id) || ' ' || coalesce(gr.points::text, '') || ' ' || gr.status, ',') AS cells
         FROM grades gr
        WHERE gr.activity_id = ANY($2::uuid[]) AND gr.enrolment_id IN (SELECT id FROM page)
        GROUP BY gr.enrolment_id)
SELECT p.id AS "enrolmentId", p.user_id AS "userId", p.display_name AS "displayName", p.email,
       p.status AS "enrolmentStatus", p.search_text AS "sortKey", m.cells
  FROM page p LEFT JOIN marks m ON m.enrolment_id = p.id
 ORDER BY p.search_text, p.id`;

/** $1 enrolment id → its cohort id and released grades (activity id, points, released at). */
export const OWN_GRADES_SQL = `SELECT gr.activity_id AS "activityId", gr.points::float8 AS points, gr.released_at AS "releasedAt"
  FROM grades gr
 WHERE gr.enrolment_id = $1 AND gr.status = 'released'`;
