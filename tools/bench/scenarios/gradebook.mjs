// GET /api/cohorts/:id/gradebook (the whole cohort) as the cohort's tutor: GradebookService.cohort,
// three statements (the cohort's head, the tutor's assignment, the rows) plus the auth guard's token
// check, against the same through bare Fastify + pg (issue 4: >= 0.5 of bare, p95 < 150 ms).
export default {
  name: 'gradebook',
  group: 'gradebook',
  description: 'cohort gradebook of 1,000 trainees x 20 graded items, GET /api/cohorts/:id/gradebook',
  path: (context) => `/api/cohorts/${context.cohortId}/gradebook`,
  check(body) {
    if (body.items?.length !== 20)
      throw new Error(`gradebook: expected 20 graded items, got ${body.items?.length}`);
    if (!body.rows?.length || body.rows.some((r) => r.points.length !== 20 || r.statuses.length !== 20))
      throw new Error('gradebook: rows missing or not aligned with the items');
    if (!body.rows.some((r) => r.statuses.includes('ready')))
      throw new Error('gradebook: the tutor should see unreleased marks');
  },
};
