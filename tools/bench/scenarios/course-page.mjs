// GET /api/courses/:slug as a signed-in trainee enrolled (active) in a cohort of that course:
// CatalogueService.coursePage, one statement (COURSE_PAGE_SQL) plus the auth guard's token check.
export default {
  name: 'course-page',
  group: 'learning-api',
  description: 'course page, GET /api/courses/:slug',
  path: (context) => `/api/courses/${context.courseSlug}`,
  check(body) {
    if (body.enrolment?.status !== 'active')
      throw new Error("course-page: the reader's active enrolment is missing");
    if (body.modules?.length !== 4)
      throw new Error(`course-page: expected 4 modules, got ${body.modules?.length}`);
  },
};
