import type { WebPage } from './route';

/**
 * Pages of the web app that are linked to from outside it: certificates and their QR codes,
 * mails, calendar feeds, the API's own answers. The web router declares these paths from here
 * (`routerPath`), so a page cannot move away from the links that lead to it. Pages only the web
 * app links to stay in its own `*.routes.ts`.
 */
export const webPages = {
  /** Public certificate check; `verifyCertificate` is the address printed on a certificate. */
  verify: { path: '/verify' },
  verifyCertificate: { path: '/verify/:code' },
  /** `?token=` from the invitation mail. */
  acceptInvitation: { path: '/accept-invitation' },
  /** `?token=` from the password-reset mail. */
  resetPassword: { path: '/reset-password' },
  course: { path: '/courses/:slug' },
  learnerHome: { path: '/learn' },
  activity: { path: '/learn/activities/:id' },
  tutorHome: { path: '/tutor' },
  tutorMarking: { path: '/tutor/cohorts/:id/marking' },
  gradebook: { path: '/gradebook' },
  myGrades: { path: '/gradebook/mine/:enrolmentId' },
  profile: { path: '/profile' },
  notificationPreferences: { path: '/profile/notifications' },
  /** The network directory: public pages, in the visitor's language. */
  network: { path: '/network' },
  networkRegion: { path: '/network/regions/:slug' },
  networkInstitution: { path: '/network/institutions/:id' },
  networkPerson: { path: '/network/people/:id' },
  /** Where an admin confirms pending institutions and resolves free-text values. */
  adminDirectory: { path: '/admin/directory' },
  /** Workshops: the public list and a workshop's page (mails link to it). */
  workshops: { path: '/workshops' },
  workshop: { path: '/workshops/:slug' },
  /** Organisers' area: their workshops, one workshop's editor and its registrations. */
  organiserWorkshops: { path: '/organiser/workshops' },
  organiserWorkshop: { path: '/organiser/workshops/:id' },
  organiserRegistrations: { path: '/organiser/workshops/:id/registrations' },
  /** Where an admin creates workshops and grants organisers. */
  adminWorkshops: { path: '/admin/workshops' },
  /** Attendance: the participant's check-in code; the organiser's check-in screen, roll list and sheet. */
  myCheckInCode: { path: '/workshops/:slug/check-in-code' },
  organiserCheckIn: { path: '/organiser/workshops/:id/check-in' },
  organiserRollList: { path: '/organiser/workshops/:id/sessions/:sessionId/roll' },
  organiserAttendance: { path: '/organiser/workshops/:id/attendance' },
  /** Organisers' screens after the workshop: materials, the feedback survey's results, the outcomes record. */
  organiserMaterials: { path: '/organiser/workshops/:id/materials' },
  organiserSurveyResults: { path: '/organiser/workshops/:id/survey-results' },
  organiserOutcomes: { path: '/organiser/workshops/:id/outcomes' },
  /** The published report of a workshop (its outcomes), for anyone. */
  workshopReport: { path: '/workshops/:slug/report' },
  /** A participant's materials and feedback survey (the workshop page may also include them). */
  workshopFeedback: { path: '/workshops/:slug/feedback' },
  /** `?token=` from a workshop's invitation mail: accept it (an account is made when there is none). */
  workshopInvitation: { path: '/workshop-invitation' },
} as const satisfies Record<string, WebPage>;
