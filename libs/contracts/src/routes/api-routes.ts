import type { ApiRoute } from './route';

/**
 * Every path the API serves, one entry per method and path, grouped by the domain whose
 * controllers serve them. Controllers declare their handlers with these entries; the web app and
 * the server's link builders fill them in with `routeUrl`. A route added here and not served, or
 * served and not added here, fails `apps/api/src/routes.int-spec.ts`.
 *
 * A new domain: one `const <domain>Api = { ... } as const satisfies Record<string, ApiRoute>`
 * below, and its name in `API_ROUTES` at the end.
 */

export const platformApi = {
  info: { method: 'GET', path: '/api/platform' },
  health: { method: 'GET', path: '/api/health' },
  ready: { method: 'GET', path: '/api/health/ready' },
} as const satisfies Record<string, ApiRoute>;

export const identityApi = {
  register: { method: 'POST', path: '/api/auth/register' },
  signIn: { method: 'POST', path: '/api/auth/sign-in' },
  refresh: { method: 'POST', path: '/api/auth/refresh' },
  signOut: { method: 'POST', path: '/api/auth/sign-out' },
  acceptInvitation: { method: 'POST', path: '/api/auth/accept-invitation' },
  me: { method: 'GET', path: '/api/me' },
  updateMe: { method: 'PATCH', path: '/api/me' },
  changePassword: { method: 'POST', path: '/api/me/password' },
  users: { method: 'GET', path: '/api/admin/users' },
  setUserRoles: { method: 'PATCH', path: '/api/admin/users/:id/roles' },
  deactivateUser: { method: 'POST', path: '/api/admin/users/:id/deactivate' },
  activateUser: { method: 'POST', path: '/api/admin/users/:id/activate' },
} as const satisfies Record<string, ApiRoute>;

export const catalogApi = {
  programmes: { method: 'GET', path: '/api/admin/programmes' },
  createProgramme: { method: 'POST', path: '/api/admin/programmes' },
  programme: { method: 'GET', path: '/api/admin/programmes/:id' },
  updateProgramme: { method: 'PATCH', path: '/api/admin/programmes/:id' },
  courses: { method: 'GET', path: '/api/admin/courses' },
  createCourse: { method: 'POST', path: '/api/admin/courses' },
  course: { method: 'GET', path: '/api/admin/courses/:id' },
  updateCourse: { method: 'PATCH', path: '/api/admin/courses/:id' },
  setCourseStatus: { method: 'POST', path: '/api/admin/courses/:id/status' },
  duplicateCourse: { method: 'POST', path: '/api/admin/courses/:id/duplicate' },
  addModule: { method: 'POST', path: '/api/admin/courses/:id/modules' },
  orderModules: { method: 'PUT', path: '/api/admin/courses/:id/modules/order' },
  updateModule: { method: 'PATCH', path: '/api/admin/modules/:id' },
  deleteModule: { method: 'DELETE', path: '/api/admin/modules/:id' },
  addActivity: { method: 'POST', path: '/api/admin/modules/:id/activities' },
  orderActivities: { method: 'PUT', path: '/api/admin/modules/:id/activities/order' },
  updateActivity: { method: 'PATCH', path: '/api/admin/activities/:id' },
  deleteActivity: { method: 'DELETE', path: '/api/admin/activities/:id' },
  uploadActivityFile: { method: 'PUT', path: '/api/admin/activities/:id/file' },
  activityFile: { method: 'GET', path: '/api/admin/activities/:id/file' },
} as const satisfies Record<string, ApiRoute>;

export const enrolmentApi = {
  cohorts: { method: 'GET', path: '/api/admin/cohorts' },
  createCohort: { method: 'POST', path: '/api/admin/cohorts' },
  adminCohort: { method: 'GET', path: '/api/admin/cohorts/:id' },
  updateCohort: { method: 'PATCH', path: '/api/admin/cohorts/:id' },
  setTutors: { method: 'PUT', path: '/api/admin/cohorts/:id/tutors' },
  enrolPerson: { method: 'POST', path: '/api/admin/cohorts/:id/enrolments' },
  importEnrolments: { method: 'POST', path: '/api/admin/cohorts/:id/enrolments/import' },
  approve: { method: 'POST', path: '/api/admin/enrolments/:id/approve' },
  reject: { method: 'POST', path: '/api/admin/enrolments/:id/reject' },
  adminWithdraw: { method: 'POST', path: '/api/admin/enrolments/:id/withdraw' },
  tutorCohorts: { method: 'GET', path: '/api/tutor/cohorts' },
  cohort: { method: 'GET', path: '/api/cohorts/:id' },
  roster: { method: 'GET', path: '/api/cohorts/:id/roster' },
  rosterCsv: { method: 'GET', path: '/api/cohorts/:id/roster.csv' },
  enrol: { method: 'POST', path: '/api/cohorts/:id/enrol' },
  enrolment: { method: 'GET', path: '/api/enrolments/:id' },
  withdraw: { method: 'POST', path: '/api/enrolments/:id/withdraw' },
} as const satisfies Record<string, ApiRoute>;

/** The learner's reads: catalogue, course pages, activities, dashboard. */
export const learningApi = {
  catalogue: { method: 'GET', path: '/api/catalogue' },
  topics: { method: 'GET', path: '/api/catalogue/topics' },
  course: { method: 'GET', path: '/api/courses/:slug' },
  activity: { method: 'GET', path: '/api/activities/:id' },
  activityFile: { method: 'GET', path: '/api/activities/:id/file' },
  markDone: { method: 'POST', path: '/api/activities/:id/done' },
  dashboard: { method: 'GET', path: '/api/me/dashboard' },
} as const satisfies Record<string, ApiRoute>;

export const quizApi = {
  questions: { method: 'GET', path: '/api/admin/courses/:courseId/questions' },
  createQuestion: { method: 'POST', path: '/api/admin/courses/:courseId/questions' },
  question: { method: 'GET', path: '/api/admin/questions/:id' },
  updateQuestion: { method: 'PATCH', path: '/api/admin/questions/:id' },
  deleteQuestion: { method: 'DELETE', path: '/api/admin/questions/:id' },
  settings: { method: 'GET', path: '/api/admin/activities/:id/quiz' },
  saveSettings: { method: 'PUT', path: '/api/admin/activities/:id/quiz' },
  overview: { method: 'GET', path: '/api/quizzes/:activityId' },
  start: { method: 'POST', path: '/api/quizzes/:activityId/attempts' },
  attempt: { method: 'GET', path: '/api/quiz-attempts/:id' },
  saveAnswers: { method: 'PUT', path: '/api/quiz-attempts/:id/answers' },
  submit: { method: 'POST', path: '/api/quiz-attempts/:id/submit' },
  review: { method: 'GET', path: '/api/quiz-attempts/:id/review' },
} as const satisfies Record<string, ApiRoute>;

export const assignmentApi = {
  settings: { method: 'GET', path: '/api/admin/assignments/:activityId/settings' },
  saveSettings: { method: 'PUT', path: '/api/admin/assignments/:activityId/settings' },
  view: { method: 'GET', path: '/api/assignments/:activityId' },
  saveDraft: { method: 'PUT', path: '/api/assignments/:activityId/draft' },
  uploadFile: { method: 'POST', path: '/api/assignments/:activityId/files' },
  removeFile: { method: 'DELETE', path: '/api/assignments/:activityId/files/:fileId' },
  submit: { method: 'POST', path: '/api/assignments/:activityId/submit' },
  submissionFile: { method: 'GET', path: '/api/submission-files/:fileId' },
} as const satisfies Record<string, ApiRoute>;

export const markingApi = {
  overview: { method: 'GET', path: '/api/tutor/marking' },
  cohort: { method: 'GET', path: '/api/cohorts/:id/marking' },
  queue: { method: 'GET', path: '/api/cohorts/:id/marking/queue' },
  releaseAll: { method: 'POST', path: '/api/cohorts/:id/marking/release' },
  work: { method: 'GET', path: '/api/marking/activities/:activityId/enrolments/:enrolmentId' },
  saveGrade: { method: 'PUT', path: '/api/marking/activities/:activityId/enrolments/:enrolmentId/grade' },
  release: { method: 'POST', path: '/api/marking/activities/:activityId/enrolments/:enrolmentId/release' },
  uploadFeedbackFile: { method: 'PUT', path: '/api/marking/activities/:activityId/enrolments/:enrolmentId/feedback-file' },
  removeFeedbackFile: { method: 'DELETE', path: '/api/marking/activities/:activityId/enrolments/:enrolmentId/feedback-file' },
  /** A trainee (once released) downloads it too, with their own `enrolmentId`: `grade.feedbackFile` in their assignment view. */
  feedbackFile: { method: 'GET', path: '/api/marking/activities/:activityId/enrolments/:enrolmentId/feedback-file' },
} as const satisfies Record<string, ApiRoute>;

export const gradebookApi = {
  cohort: { method: 'GET', path: '/api/cohorts/:id/gradebook' },
  exportCsv: { method: 'GET', path: '/api/cohorts/:id/gradebook/export.csv' },
  import: { method: 'POST', path: '/api/cohorts/:id/gradebook/import' },
  enrolment: { method: 'GET', path: '/api/enrolments/:id/gradebook' },
  grading: { method: 'GET', path: '/api/admin/courses/:id/grading' },
  saveGrading: { method: 'PUT', path: '/api/admin/courses/:id/grading' },
} as const satisfies Record<string, ApiRoute>;

/** Quiz and assignment dates per cohort, and extensions per trainee. */
export const scheduleApi = {
  cohort: { method: 'GET', path: '/api/cohorts/:id/schedule' },
  setDates: { method: 'PUT', path: '/api/cohorts/:id/schedule/:activityId' },
  grantExtension: { method: 'PUT', path: '/api/cohorts/:id/schedule/:activityId/extensions/:enrolmentId' },
  revokeExtension: { method: 'DELETE', path: '/api/cohorts/:id/schedule/:activityId/extensions/:enrolmentId' },
  enrolment: { method: 'GET', path: '/api/enrolments/:id/dates' },
} as const satisfies Record<string, ApiRoute>;

export const certificationApi = {
  verify: { method: 'GET', path: '/api/certificates/verify/:code' },
  verifyCredential: { method: 'POST', path: '/api/certificates/verify-credential' },
  issuer: { method: 'GET', path: '/api/certificates/issuer' },
  achievement: { method: 'GET', path: '/api/certificates/achievements/:id' },
  statusList: { method: 'GET', path: '/api/certificates/status-list/:list' },
  credential: { method: 'GET', path: '/api/certificates/:code/credential' },
  mine: { method: 'GET', path: '/api/certificates/mine' },
  certificate: { method: 'GET', path: '/api/certificates/:id' },
  pdf: { method: 'GET', path: '/api/certificates/:id/pdf' },
  revoke: { method: 'POST', path: '/api/certificates/:id/revoke' },
  reissue: { method: 'POST', path: '/api/certificates/:id/reissue' },
  issue: { method: 'POST', path: '/api/enrolments/:enrolmentId/certificate' },
  issueCohort: { method: 'POST', path: '/api/cohorts/:cohortId/certificates/issue' },
  batch: { method: 'GET', path: '/api/certificate-batches/:batchId' },
  cohort: { method: 'GET', path: '/api/cohorts/:cohortId/certificates' },
  cohortZip: { method: 'GET', path: '/api/cohorts/:cohortId/certificates.zip' },
  /** `:scope` is `programmes` or `courses`. */
  template: { method: 'GET', path: '/api/admin/:scope/:id/certificate-template' },
  saveTemplate: { method: 'PUT', path: '/api/admin/:scope/:id/certificate-template' },
  resetTemplate: { method: 'DELETE', path: '/api/admin/:scope/:id/certificate-template' },
  previewTemplate: { method: 'POST', path: '/api/admin/:scope/:id/certificate-template/preview' },
  uploadTemplateImage: { method: 'POST', path: '/api/admin/:scope/:id/certificate-template/images' },
  removeTemplateImage: { method: 'DELETE', path: '/api/admin/:scope/:id/certificate-template/images/:name' },
} as const satisfies Record<string, ApiRoute>;

export const notificationApi = {
  list: { method: 'GET', path: '/api/me/notifications' },
  unreadCount: { method: 'GET', path: '/api/me/notifications/unread-count' },
  readAll: { method: 'POST', path: '/api/me/notifications/read-all' },
  read: { method: 'POST', path: '/api/me/notifications/:id/read' },
  preferences: { method: 'GET', path: '/api/me/notification-preferences' },
  savePreferences: { method: 'PUT', path: '/api/me/notification-preferences' },
  calendarFeed: { method: 'GET', path: '/api/me/calendar-feed' },
  regenerateCalendarFeed: { method: 'POST', path: '/api/me/calendar-feed' },
  revokeCalendarFeed: { method: 'DELETE', path: '/api/me/calendar-feed' },
  /** `:file` is the feed's token followed by `.ics`. */
  calendarFile: { method: 'GET', path: '/api/calendar/:file' },
  requestPasswordReset: { method: 'POST', path: '/api/auth/password-reset' },
  confirmPasswordReset: { method: 'POST', path: '/api/auth/password-reset/confirm' },
  /** The page a mail's unsubscribe link opens (`?token=`), and its one-click form (RFC 8058). */
  unsubscribePage: { method: 'GET', path: '/api/notifications/unsubscribe' },
  unsubscribe: { method: 'POST', path: '/api/notifications/unsubscribe' },
} as const satisfies Record<string, ApiRoute>;

export const directoryApi = {
  // public: anyone, signed in or not (public records only when not signed in)
  regions: { method: 'GET', path: '/api/directory/regions' },
  region: { method: 'GET', path: '/api/directory/regions/:slug' },
  institutions: { method: 'GET', path: '/api/directory/institutions' },
  institution: { method: 'GET', path: '/api/directory/institutions/:id' },
  suggestInstitutions: { method: 'GET', path: '/api/directory/institution-suggestions' },
  people: { method: 'GET', path: '/api/directory/people' },
  person: { method: 'GET', path: '/api/directory/people/:id' },
  personPhoto: { method: 'GET', path: '/api/directory/people/:id/photo' },
  topics: { method: 'GET', path: '/api/directory/topics' },
  // the signed-in person
  myMemberships: { method: 'GET', path: '/api/me/memberships' },
  addMyMembership: { method: 'POST', path: '/api/me/memberships' },
  updateMyMembership: { method: 'PATCH', path: '/api/me/memberships/:id' },
  removeMyMembership: { method: 'DELETE', path: '/api/me/memberships/:id' },
  myProfile: { method: 'GET', path: '/api/me/network-profile' },
  saveMyProfile: { method: 'PUT', path: '/api/me/network-profile' },
  withdrawMyProfile: { method: 'DELETE', path: '/api/me/network-profile' },
  uploadMyPhoto: { method: 'PUT', path: '/api/me/network-profile/photo' },
  // administrators
  adminRegions: { method: 'GET', path: '/api/admin/directory/regions' },
  createRegion: { method: 'POST', path: '/api/admin/directory/regions' },
  adminRegion: { method: 'GET', path: '/api/admin/directory/regions/:id' },
  updateRegion: { method: 'PATCH', path: '/api/admin/directory/regions/:id' },
  deleteRegion: { method: 'DELETE', path: '/api/admin/directory/regions/:id' },
  adminInstitutions: { method: 'GET', path: '/api/admin/directory/institutions' },
  createInstitution: { method: 'POST', path: '/api/admin/directory/institutions' },
  exportInstitutions: { method: 'GET', path: '/api/admin/directory/institutions/export' },
  importInstitutions: { method: 'POST', path: '/api/admin/directory/institutions/import' },
  adminInstitution: { method: 'GET', path: '/api/admin/directory/institutions/:id' },
  updateInstitution: { method: 'PATCH', path: '/api/admin/directory/institutions/:id' },
  deleteInstitution: { method: 'DELETE', path: '/api/admin/directory/institutions/:id' },
  setInstitutionStatus: { method: 'POST', path: '/api/admin/directory/institutions/:id/status' },
  mergeInstitutions: { method: 'POST', path: '/api/admin/directory/institutions/:id/merge' },
  userMemberships: { method: 'GET', path: '/api/admin/users/:id/memberships' },
  addUserMembership: { method: 'POST', path: '/api/admin/users/:id/memberships' },
  freeText: { method: 'GET', path: '/api/admin/directory/free-text' },
  matchFreeText: { method: 'POST', path: '/api/admin/directory/free-text/match' },
  resolveFreeText: { method: 'POST', path: '/api/admin/directory/free-text/resolve' },
} as const satisfies Record<string, ApiRoute>;

export const workshopsApi = {
  // public: published workshops (a draft is its organisers' only)
  workshops: { method: 'GET', path: '/api/workshops' },
  workshop: { method: 'GET', path: '/api/workshops/:slug' },
  // the signed-in person
  register: { method: 'POST', path: '/api/workshops/:slug/registrations' },
  myRegistration: { method: 'GET', path: '/api/workshops/:slug/registrations/mine' },
  participants: { method: 'GET', path: '/api/workshops/:slug/participants' },
  withdrawRegistration: { method: 'POST', path: '/api/workshop-registrations/:id/withdraw' },
  confirmOffer: { method: 'POST', path: '/api/workshop-registrations/:id/confirm' },
  // organisers (admins, and people granted a workshop)
  organiserWorkshops: { method: 'GET', path: '/api/organiser/workshops' },
  createWorkshop: { method: 'POST', path: '/api/organiser/workshops' },
  organiserWorkshop: { method: 'GET', path: '/api/organiser/workshops/:id' },
  updateWorkshop: { method: 'PATCH', path: '/api/organiser/workshops/:id' },
  setWorkshopStatus: { method: 'POST', path: '/api/organiser/workshops/:id/status' },
  addSession: { method: 'POST', path: '/api/organiser/workshops/:id/sessions' },
  updateSession: { method: 'PATCH', path: '/api/organiser/workshops/:id/sessions/:sessionId' },
  deleteSession: { method: 'DELETE', path: '/api/organiser/workshops/:id/sessions/:sessionId' },
  registrations: { method: 'GET', path: '/api/organiser/workshops/:id/registrations' },
  approveRegistration: { method: 'POST', path: '/api/organiser/workshop-registrations/:id/approve' },
  declineRegistration: { method: 'POST', path: '/api/organiser/workshop-registrations/:id/decline' },
  // administrators: who organises a workshop
  workshopOrganisers: { method: 'GET', path: '/api/admin/workshops/:id/organisers' },
  grantOrganiser: { method: 'PUT', path: '/api/admin/workshops/:id/organisers/:userId' },
  revokeOrganiser: { method: 'DELETE', path: '/api/admin/workshops/:id/organisers/:userId' },
  // attendance: the participant's own check-in code and badge; organisers' check-in, roll lists, sheet, badges
  myCheckInCode: { method: 'GET', path: '/api/workshops/:slug/check-in-code' },
  registrationCheckInCode: { method: 'GET', path: '/api/workshop-registrations/:id/check-in-code' },
  registrationBadge: { method: 'GET', path: '/api/workshop-registrations/:id/badge' },
  checkIn: { method: 'POST', path: '/api/organiser/workshops/:id/sessions/:sessionId/check-ins' },
  rollList: { method: 'GET', path: '/api/organiser/workshops/:id/sessions/:sessionId/attendance' },
  markAttendance: { method: 'PUT', path: '/api/organiser/workshops/:id/sessions/:sessionId/attendance/:registrationId' },
  checkInBatch: { method: 'POST', path: '/api/organiser/workshops/:id/check-ins/batch' },
  attendanceSheet: { method: 'GET', path: '/api/organiser/workshops/:id/attendance' },
  workshopBadges: { method: 'GET', path: '/api/organiser/workshops/:id/badges' },
  // materials, feedback survey and outcomes: confirmed participants and organisers (outcomes public once the report is published)
  materials: { method: 'GET', path: '/api/workshops/:slug/materials' },
  materialFile: { method: 'GET', path: '/api/workshops/:slug/materials/:materialId/file' },
  survey: { method: 'GET', path: '/api/workshops/:slug/survey' },
  answerSurvey: { method: 'POST', path: '/api/workshops/:slug/survey/responses' },
  report: { method: 'GET', path: '/api/workshops/:slug/report' },
  organiserMaterials: { method: 'GET', path: '/api/organiser/workshops/:id/materials' },
  addMaterialLink: { method: 'POST', path: '/api/organiser/workshops/:id/materials' },
  uploadMaterial: { method: 'POST', path: '/api/organiser/workshops/:id/materials/file' },
  deleteMaterial: { method: 'DELETE', path: '/api/organiser/workshops/:id/materials/:materialId' },
  organiserSurvey: { method: 'GET', path: '/api/organiser/workshops/:id/survey' },
  saveSurvey: { method: 'PUT', path: '/api/organiser/workshops/:id/survey' },
  surveyResults: { method: 'GET', path: '/api/organiser/workshops/:id/survey/results' },
  organiserOutcomes: { method: 'GET', path: '/api/organiser/workshops/:id/outcomes' },
  addOutcome: { method: 'POST', path: '/api/organiser/workshops/:id/outcomes' },
  updateOutcome: { method: 'PATCH', path: '/api/organiser/workshops/:id/outcomes/:outcomeId' },
  deleteOutcome: { method: 'DELETE', path: '/api/organiser/workshops/:id/outcomes/:outcomeId' },
  // organisers: the registrations as CSV (`?status=` narrows them)
  exportRegistrations: { method: 'GET', path: '/api/organiser/workshops/:id/registrations/export' },
  // the application form's questions; the signed-in person's workshops
  workshopQuestions: { method: 'GET', path: '/api/organiser/workshops/:id/questions' },
  setWorkshopQuestions: { method: 'PUT', path: '/api/organiser/workshops/:id/questions' },
  myWorkshops: { method: 'GET', path: '/api/workshop-registrations/mine' },
  // registration by invitation
  inviteToWorkshop: { method: 'POST', path: '/api/organiser/workshops/:id/invitations' },
  workshopInvitations: { method: 'GET', path: '/api/organiser/workshops/:id/invitations' },
  revokeWorkshopInvitation: { method: 'DELETE', path: '/api/organiser/workshop-invitations/:id' },
  acceptWorkshopInvitation: { method: 'POST', path: '/api/workshop-invitations/accept' },
  // participation certificate: the participant's own (404 until issued)
  myWorkshopCertificate: { method: 'GET', path: '/api/workshops/:slug/certificate' },
  myWorkshopCertificatePdf: { method: 'GET', path: '/api/workshops/:slug/certificate/pdf' },
} as const satisfies Record<string, ApiRoute>;

/** The whole table, for what must see every route (the test that controllers serve exactly these). */
export const API_ROUTES = {
  platform: platformApi,
  identity: identityApi,
  catalog: catalogApi,
  enrolment: enrolmentApi,
  learning: learningApi,
  quiz: quizApi,
  assignment: assignmentApi,
  marking: markingApi,
  gradebook: gradebookApi,
  schedule: scheduleApi,
  certification: certificationApi,
  notification: notificationApi,
  directory: directoryApi,
  workshops: workshopsApi,
} as const satisfies Record<string, Record<string, ApiRoute>>;
