// GET /api/me/dashboard as a signed-in trainee with two enrolments (one active, one completed):
// LearningService.dashboard, one statement (DASHBOARD_SQL) plus the auth guard's token check.
export default {
  name: 'dashboard',
  group: 'learning-api',
  description: 'learner dashboard, GET /api/me/dashboard',
  path: () => '/api/me/dashboard',
  check(body) {
    if (body.cohorts?.length !== 2)
      throw new Error(`dashboard: expected the trainee's 2 cohorts, got ${body.cohorts?.length}`);
  },
};
