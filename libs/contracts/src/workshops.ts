import type { AuthSession, Locale } from './identity';
import type { Translations } from './catalog';
import type { InstitutionRef, ProposedInstitution, RegionRef, StakeholderSector } from './directory';

/**
 * Workshops: interregional (regions exchange experience and identify cooperation) and
 * region-specific (one region's issues, ending in an action plan). Organisers edit every language
 * at once (`WorkshopView`); participants and visitors read one language with the catalogue's
 * fallback (`WorkshopPublicView`).
 */

export const WORKSHOP_KINDS = ['interregional', 'region-specific'] as const;
export type WorkshopKind = (typeof WORKSHOP_KINDS)[number];

export const WORKSHOP_FORMATS = ['in-person', 'online', 'hybrid'] as const;
export type WorkshopFormat = (typeof WORKSHOP_FORMATS)[number];

export const WORKSHOP_REGISTRATION_MODES = ['open', 'application', 'invitation'] as const;
export type WorkshopRegistrationMode = (typeof WORKSHOP_REGISTRATION_MODES)[number];

export const WORKSHOP_STATUSES = [
  'draft',
  'published',
  'registration-closed',
  'in-progress',
  'held',
  'report-published',
  'cancelled',
] as const;
export type WorkshopStatus = (typeof WORKSHOP_STATUSES)[number];

/** The lifecycle: where each state may go next. Cancelling is possible at any point before `held`. */
export const WORKSHOP_TRANSITIONS: Readonly<Record<WorkshopStatus, readonly WorkshopStatus[]>> = {
  draft: ['published', 'cancelled'],
  published: ['registration-closed', 'cancelled'],
  'registration-closed': ['published', 'in-progress', 'cancelled'],
  'in-progress': ['held', 'cancelled'],
  held: ['report-published'],
  'report-published': [],
  cancelled: [],
};

/** States in which a workshop is visible to people other than its organisers. */
export const WORKSHOP_VISIBLE_STATUSES: readonly WorkshopStatus[] = WORKSHOP_STATUSES.filter((s) => s !== 'draft');

export const WORKSHOP_LIMITS = {
  title: 200,
  summary: 1000,
  objectives: 5000,
  sessionTitle: 200,
  sessionDescription: 3000,
  address: 300,
  city: 120,
  room: 200,
  speakerName: 160,
  speakers: 20,
  participatingRegions: 50,
  capacity: 100_000,
  expectedHours: 1000,
  holdHours: 720,
  reason: 1000,
  motivation: 3000,
  sessions: 200,
  accessibilityNeeds: 2000,
  questions: 30,
  questionPrompt: 500,
  questionOptions: 30,
  optionLabel: 200,
  answer: 3000,
} as const;

/** Default share of session hours a participant must attend for a participation certificate. */
export const WORKSHOP_ATTENDANCE_THRESHOLD_DEFAULT = 75;
/** Default hours a person offered a freed seat has to confirm it. */
export const WORKSHOP_HOLD_HOURS_DEFAULT = 48;

export interface WorkshopVenue {
  address: string;
  city: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

export interface WorkshopInput {
  slug: string;
  kind: WorkshopKind;
  defaultLocale: Locale;
  /** Must hold the default language. */
  title: Translations;
  summary?: Translations;
  objectives?: Translations;
  hostInstitutionId: string;
  hostRegionId: string;
  /** Exactly one for a region-specific workshop. */
  participatingRegionIds: string[];
  format: WorkshopFormat;
  /** Required in person and hybrid. */
  venue?: WorkshopVenue | null;
  /** Required online and hybrid; shown only to confirmed participants and organisers. */
  onlineUrl?: string | null;
  /** IANA time zone the dates and agenda are given in. */
  timeZone: string;
  /** YYYY-MM-DD in the workshop's time zone. */
  startDate: string;
  endDate: string;
  expectedHours?: number | null;
  /** null: no limit. */
  capacity?: number | null;
  /** Seats at most per participant's country; null: no quota. */
  countryQuota?: number | null;
  registrationMode: WorkshopRegistrationMode;
  /** ISO instants; null: open from publication / until the workshop starts. */
  registrationOpensAt?: string | null;
  registrationClosesAt?: string | null;
  /** Hours a person offered a freed seat has to confirm it. */
  holdHours?: number;
  /** Percent of session hours attended for a participation certificate. */
  attendanceThreshold?: number;
}

export type WorkshopUpdate = Partial<WorkshopInput>;

/** A speaker: a person with an account (`userId`) or a name as typed (`name`), exactly one of the two. */
export interface WorkshopSpeaker {
  userId?: string;
  name?: string;
}

export interface WorkshopSessionInput {
  title: Translations;
  description?: Translations;
  speakers?: WorkshopSpeaker[];
  room?: string | null;
  /** Shown like the workshop's online link: to confirmed participants and organisers only. */
  link?: string | null;
  /** ISO instants, within the workshop's dates (in its time zone). */
  startsAt: string;
  endsAt: string;
}

export type WorkshopSessionUpdate = Partial<WorkshopSessionInput>;

export interface WorkshopSpeakerView {
  userId: string | null;
  name: string;
}

export interface WorkshopSessionView {
  id: string;
  title: Translations;
  description: Translations;
  speakers: WorkshopSpeakerView[];
  room: string | null;
  link: string | null;
  startsAt: string;
  endsAt: string;
}

/** What organisers see and edit. */
export interface WorkshopView {
  id: string;
  slug: string;
  kind: WorkshopKind;
  status: WorkshopStatus;
  defaultLocale: Locale;
  title: Translations;
  summary: Translations;
  objectives: Translations;
  hostInstitutionId: string;
  hostRegionId: string;
  participatingRegionIds: string[];
  format: WorkshopFormat;
  venue: WorkshopVenue | null;
  onlineUrl: string | null;
  timeZone: string;
  startDate: string;
  endDate: string;
  expectedHours: number | null;
  capacity: number | null;
  countryQuota: number | null;
  registrationMode: WorkshopRegistrationMode;
  registrationOpensAt: string | null;
  registrationClosesAt: string | null;
  holdHours: number;
  attendanceThreshold: number;
  /** Seats held by confirmed participants and open offers. */
  seatsTaken: number;
  cancelledReason: string | null;
  /** The agenda, in start order; lists leave it empty (read one workshop for it). */
  sessions: WorkshopSessionView[];
  createdAt: string;
  updatedAt: string;
}

export interface WorkshopStatusRequest {
  to: WorkshopStatus;
  /** Said to everyone registered when cancelling. */
  reason?: string;
}

export interface WorkshopOrganiserQuery {
  status?: WorkshopStatus;
  limit?: number;
  cursor?: string;
}

// ---- what participants and visitors read (one language) ----

export interface WorkshopQuery {
  kind?: WorkshopKind;
  format?: WorkshopFormat;
  /** A participating region's id. */
  regionId?: string;
  /** upcoming: ends today or later; past: ended. */
  when?: 'upcoming' | 'past';
  /** YYYY-MM: workshops with at least one day in that month. */
  month?: string;
  locale?: Locale;
  limit?: number;
  cursor?: string;
}

export interface WorkshopSessionPublicView {
  id: string;
  title: string;
  description: string;
  speakers: WorkshopSpeakerView[];
  room: string | null;
  /** Only for confirmed participants and organisers. */
  link: string | null;
  startsAt: string;
  endsAt: string;
}

export interface WorkshopSummary {
  id: string;
  slug: string;
  kind: WorkshopKind;
  status: WorkshopStatus;
  title: string;
  summary: string;
  /** The language the text is in. */
  locale: Locale;
  locales: Locale[];
  format: WorkshopFormat;
  city: string | null;
  country: string | null;
  timeZone: string;
  startDate: string;
  endDate: string;
  hostInstitution: InstitutionRef | null;
  hostRegion: RegionRef | null;
  participatingRegions: RegionRef[];
  registrationMode: WorkshopRegistrationMode;
  /** Whether someone may register right now (state and window). */
  registrationOpen: boolean;
  /** null: no limit. */
  seatsLeft: number | null;
}

export interface WorkshopPublicView extends WorkshopSummary {
  objectives: string;
  expectedHours: number | null;
  venue: WorkshopVenue | null;
  /** Only for confirmed participants and organisers. */
  onlineUrl: string | null;
  registrationOpensAt: string | null;
  registrationClosesAt: string | null;
  sessions: WorkshopSessionPublicView[];
  /** The reader's own registration, when signed in and registered. */
  myRegistration: WorkshopRegistrationView | null;
  /** The organisers' own questions on the application form. */
  questions: WorkshopQuestionPublicView[];
  /** Whether the reader organises this workshop. */
  organiser: boolean;
}

// ---- registrations ----

export const WORKSHOP_REGISTRATION_STATUSES = [
  /** An application waiting for the organiser. */
  'pending',
  'confirmed',
  'waitlisted',
  /** A freed seat offered to the next in line, held until `offerExpiresAt`. */
  'offered',
  'declined',
  'withdrawn',
  /** An offer not confirmed in time. */
  'expired',
  /** Ended because the workshop was cancelled. */
  'cancelled',
] as const;
export type WorkshopRegistrationStatus = (typeof WORKSHOP_REGISTRATION_STATUSES)[number];

/** Statuses that hold one of the workshop's seats. */
export const WORKSHOP_SEAT_STATUSES: readonly WorkshopRegistrationStatus[] = ['confirmed', 'offered'];

export interface WorkshopRegistrationRequest {
  /** ISO 3166-1 alpha-2; the account's country when left out. Needed when the workshop has a country quota. */
  country?: string;
  motivation?: string;
  /** The person's institution from the directory, or "my institution is not listed" (at most one of the two). */
  institutionId?: string;
  proposedInstitution?: ProposedInstitution;
  position?: string;
  sector?: StakeholderSector;
  /** The person's region, from the directory. */
  regionId?: string;
  accessibilityNeeds?: string;
  /** Answers to the workshop's own questions, keyed by question id: text, or the chosen option's id. */
  answers?: Record<string, string>;
}

export interface WorkshopRegistrationView {
  id: string;
  workshopId: string;
  userId: string;
  status: WorkshopRegistrationStatus;
  country: string | null;
  motivation: string | null;
  institution: InstitutionRef | null;
  position: string | null;
  sector: StakeholderSector | null;
  region: RegionRef | null;
  accessibilityNeeds: string | null;
  /** Answers to the workshop's questions, keyed by question id (a choice: the option's id). */
  answers: Record<string, string>;
  /** Order of arrival (first come, first served). */
  arrival: number;
  /** 1-based place on the waiting list, while waitlisted. */
  waitlistPosition: number | null;
  offerExpiresAt: string | null;
  declineReason: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A row of the organiser's registrations table. */
export interface WorkshopRegistrationRow extends WorkshopRegistrationView {
  displayName: string;
  email: string;
}

export interface WorkshopRegistrationQuery {
  status?: WorkshopRegistrationStatus;
  limit?: number;
  cursor?: string;
}

export interface DeclineRegistrationRequest {
  reason: string;
}

/** Fellow participants, for confirmed participants and organisers. */
export interface WorkshopParticipant {
  userId: string;
  displayName: string;
  country: string | null;
}

export interface WorkshopOrganiserView {
  userId: string;
  displayName: string;
  email: string;
  grantedAt: string;
}

// ---- attendance: check-in codes, check-in per session, roll lists, rates ----

/**
 * A confirmed participant's personal check-in code: `token` (unguessable, what the QR code holds)
 * and `code` (short, for typing: 10 letters and digits, shown as `XXXXX-XXXXX`). Either checks the
 * person in.
 */
export interface WorkshopCheckInCode {
  registrationId: string;
  workshopId: string;
  token: string;
  code: string;
  /** The QR code of `token`: `size` modules a side, dark modules as one SVG path (`viewBox="0 0 size size"`). */
  qr: { size: number; path: string };
}

export const ATTENDANCE_METHODS = ['scan', 'typed', 'roll'] as const;
export type AttendanceMethod = (typeof ATTENDANCE_METHODS)[number];

export const ATTENDANCE_LIMITS = {
  code: 200,
  clientId: 100,
  batch: 500,
} as const;

export interface CheckInRequest {
  /** The token from the QR code or the typed code (spaces, dashes and case ignored). */
  code: string;
  /** How the code was read (default: typed). */
  method?: Exclude<AttendanceMethod, 'roll'>;
}

/** One participant present at one session. */
export interface WorkshopAttendanceView {
  sessionId: string;
  registrationId: string;
  userId: string;
  displayName: string;
  country: string | null;
  method: AttendanceMethod;
  recordedAt: string;
  /** true: this check-in was already recorded (a second scan changes nothing). */
  alreadyRecorded: boolean;
}

/** A row of a session's roll list: every confirmed participant, present or not. */
export interface WorkshopRollEntry {
  registrationId: string;
  userId: string;
  displayName: string;
  country: string | null;
  present: boolean;
  method: AttendanceMethod | null;
  recordedAt: string | null;
}

export interface MarkAttendanceRequest {
  present: boolean;
}

/** One scan kept by the check-in screen while offline; `clientId` makes a resent scan count once. */
export interface CheckInBatchItem {
  clientId: string;
  sessionId: string;
  code: string;
  method?: Exclude<AttendanceMethod, 'roll'>;
  /** When it was scanned (ISO instant); the attendance is dated then. */
  scannedAt?: string;
}

export interface CheckInBatchRequest {
  items: CheckInBatchItem[];
}

/**
 * recorded: a new attendance; already-recorded: a second scan (or the same scan sent again);
 * unknown-code: no participant has it; not-confirmed: the registration holds no seat;
 * other-workshop: a code of another workshop's participant; superseded: a scan sent again after
 * the person was marked absent on the roll (not applied again); invalid: no such session here.
 */
export const CHECK_IN_OUTCOMES = [
  'recorded',
  'already-recorded',
  'unknown-code',
  'not-confirmed',
  'other-workshop',
  'superseded',
  'invalid',
] as const;
export type CheckInOutcome = (typeof CHECK_IN_OUTCOMES)[number];

export interface CheckInBatchResult {
  clientId: string;
  outcome: CheckInOutcome;
  /** The HTTP status the single check-in would have answered. */
  status: number;
  /** For the organiser, when not recorded. */
  message: string | null;
  attendance: WorkshopAttendanceView | null;
}

export interface CheckInBatchResponse {
  results: CheckInBatchResult[];
}

/** A participant's share of the workshop's session hours attended. */
export interface WorkshopAttendanceRate {
  registrationId: string;
  userId: string;
  displayName: string;
  country: string | null;
  attendedHours: number;
  totalHours: number;
  /** attendedHours / totalHours, 0..1 (0 when the workshop has no sessions). */
  rate: number;
  /** At or above the workshop's attendance threshold. */
  meetsThreshold: boolean;
  /** The sessions they attended. */
  sessionIds: string[];
}

export interface WorkshopAttendanceSessionSummary {
  id: string;
  title: Translations;
  startsAt: string;
  endsAt: string;
  present: number;
}

/** The organiser's attendance sheet. */
export interface WorkshopAttendanceSheet {
  workshopId: string;
  /** Percent. */
  threshold: number;
  totalHours: number;
  confirmed: number;
  sessions: WorkshopAttendanceSessionSummary[];
  participants: WorkshopAttendanceRate[];
}

// ---- materials, feedback survey and outcomes (after the workshop) ----

export const WORKSHOP_MATERIAL_KINDS = ['file', 'link'] as const;
export type WorkshopMaterialKind = (typeof WORKSHOP_MATERIAL_KINDS)[number];

export const WORKSHOP_OUTCOME_LIMITS = {
  materialTitle: 200,
  url: 2000,
  prompt: 500,
  questions: 30,
  textAnswer: 5000,
  topic: 60,
  description: 5000,
} as const;

/** A link attached to the workshop, or to one of its sessions. */
export interface WorkshopMaterialLinkInput {
  title: string;
  url: string;
  /** The language the material is in. */
  language: Locale;
  sessionId?: string | null;
}

/** A file's details, sent as query parameters beside the multipart `file`. */
export interface WorkshopMaterialFileQuery {
  title: string;
  language: Locale;
  sessionId?: string;
}

/** Files and links of a workshop: kept per workshop (and session) for the documentation centre to index. */
export interface WorkshopMaterialView {
  id: string;
  workshopId: string;
  /** null: the workshop as a whole. */
  sessionId: string | null;
  kind: WorkshopMaterialKind;
  title: string;
  language: Locale;
  /** Links only. */
  url: string | null;
  /** Files only. */
  fileName: string | null;
  contentType: string | null;
  size: number | null;
  createdAt: string;
}

export const WORKSHOP_SURVEY_QUESTION_KINDS = ['rating', 'text'] as const;
export type WorkshopSurveyQuestionKind = (typeof WORKSHOP_SURVEY_QUESTION_KINDS)[number];

/** Ratings run from 1 (poor) to 5 (excellent). */
export const WORKSHOP_RATING_MIN = 1;
export const WORKSHOP_RATING_MAX = 5;

export interface WorkshopSurveyQuestion {
  /** Stable within the survey: answers refer to it. */
  id: string;
  kind: WorkshopSurveyQuestionKind;
  prompt: Translations;
  required: boolean;
}

/** What the organiser edits; no questions given means the default survey. */
export interface WorkshopSurveyInput {
  questions: WorkshopSurveyQuestion[];
}

export interface WorkshopSurveyView {
  workshopId: string;
  /** Whether the organiser left the default survey in place. */
  isDefault: boolean;
  questions: WorkshopSurveyQuestion[];
  responses: number;
}

/** The survey as a participant reads it: prompts in one language. */
export interface WorkshopSurveyPublicView {
  workshopId: string;
  /** Open once the workshop is held. */
  open: boolean;
  /** Whether the reader may answer: confirmed participants do, organisers only read it. */
  canAnswer: boolean;
  questions: { id: string; kind: WorkshopSurveyQuestionKind; prompt: string; required: boolean }[];
  /** The reader's answer, when given and not anonymous; `answered` says whether they answered at all. */
  answered: boolean;
  myResponse: WorkshopSurveyResponseView | null;
}

export interface WorkshopSurveyAnswer {
  questionId: string;
  /** Rating questions. */
  rating?: number;
  /** Text questions. */
  text?: string;
}

export interface WorkshopSurveyResponseInput {
  answers: WorkshopSurveyAnswer[];
  /** Stored without the person's id; they still answer only once. */
  anonymous?: boolean;
}

export interface WorkshopSurveyResponseView {
  id: string;
  anonymous: boolean;
  answers: WorkshopSurveyAnswer[];
  createdAt: string;
}

export interface WorkshopRatingResult {
  questionId: string;
  kind: 'rating';
  prompt: Translations;
  /** Answers per rating, index 0 for 1 up to index 4 for 5. */
  distribution: number[];
  count: number;
  /** null with no answers. */
  mean: number | null;
}

export interface WorkshopTextResult {
  questionId: string;
  kind: 'text';
  prompt: Translations;
  answers: string[];
}

export interface WorkshopSurveyResults {
  workshopId: string;
  responses: number;
  anonymous: number;
  questions: (WorkshopRatingResult | WorkshopTextResult)[];
}

export const WORKSHOP_OUTCOME_KINDS = ['demand', 'priority', 'lesson', 'offer', 'request'] as const;
export type WorkshopOutcomeKind = (typeof WORKSHOP_OUTCOME_KINDS)[number];
/** Kinds that go from one region to another (or to any region). */
export const WORKSHOP_COOPERATION_KINDS: readonly WorkshopOutcomeKind[] = ['offer', 'request'];

export interface WorkshopOutcomeInput {
  kind: WorkshopOutcomeKind;
  /** A directory region: the region the demand, priority or lesson is from; the offering/requesting region. */
  regionId: string;
  /** Cooperation only: the region addressed; null or left out: any region. */
  toRegionId?: string | null;
  topic: string;
  description: string;
}

export type WorkshopOutcomeUpdate = Partial<WorkshopOutcomeInput>;

export interface WorkshopOutcomeView {
  id: string;
  workshopId: string;
  kind: WorkshopOutcomeKind;
  regionId: string;
  toRegionId: string | null;
  topic: string;
  description: string;
  createdAt: string;
  updatedAt: string;
}

/** Published with the workshop report: regions named in the reader's language. */
export interface WorkshopOutcomePublicView extends WorkshopOutcomeView {
  region: RegionRef | null;
  toRegion: RegionRef | null;
}

export interface WorkshopReportView {
  workshopId: string;
  slug: string;
  title: string;
  outcomes: WorkshopOutcomePublicView[];
}

// ---- the application form's own questions (per workshop) ----

export const WORKSHOP_QUESTION_KINDS = ['text', 'choice'] as const;
export type WorkshopQuestionKind = (typeof WORKSHOP_QUESTION_KINDS)[number];

export interface WorkshopQuestionOption {
  /** Stable within the question: what an answer holds. */
  id: string;
  label: Translations;
}

/** An organiser's question, edited in every language at once. */
export interface WorkshopQuestion {
  /** Stable within the workshop: what answers are keyed by. */
  id: string;
  kind: WorkshopQuestionKind;
  prompt: Translations;
  required: boolean;
  /** Choice questions only (at least two). */
  options?: WorkshopQuestionOption[];
}

/** The whole list at once, in the order shown. */
export interface WorkshopQuestionsRequest {
  questions: WorkshopQuestion[];
}

/** A question as the applicant reads it (one language). */
export interface WorkshopQuestionPublicView {
  id: string;
  kind: WorkshopQuestionKind;
  prompt: string;
  required: boolean;
  options: { id: string; label: string }[];
}

/** One of the signed-in person's registrations with its workshop ("my workshops"). */
export interface MyWorkshopRegistration {
  registration: WorkshopRegistrationView;
  workshop: WorkshopSummary;
}

export interface MyWorkshopsQuery {
  /** upcoming: ends today or later; past: ended. Both when left out. */
  when?: 'upcoming' | 'past';
  locale?: Locale;
}

// ---- invitations (registration by invitation) ----

export const WORKSHOP_INVITATION_STATUSES = ['pending', 'accepted', 'revoked', 'expired'] as const;
export type WorkshopInvitationStatus = (typeof WORKSHOP_INVITATION_STATUSES)[number];
/** Days an invitation link stays valid. */
export const WORKSHOP_INVITATION_TTL_DAYS = 14;
export const WORKSHOP_INVITATION_BATCH_MAX = 200;

export interface WorkshopInvitationRequest {
  /** One or more addresses, with or without an account. */
  emails: string[];
}

export interface WorkshopInvitationView {
  id: string;
  workshopId: string;
  email: string;
  /** The account the email belongs to, when there is one. */
  userId: string | null;
  status: WorkshopInvitationStatus;
  expiresAt: string;
  acceptedAt: string | null;
  registrationId: string | null;
  createdAt: string;
}

export interface AcceptWorkshopInvitationRequest {
  token: string;
  /** For a person without an account: the account made on acceptance. */
  displayName?: string;
  password?: string;
  locale?: Locale;
}

export interface AcceptWorkshopInvitationResult {
  registration: WorkshopRegistrationView;
  /** The workshop's page to go to. */
  workshopSlug: string;
  /** When the account was made on acceptance: signed in at once. */
  session: AuthSession | null;
}

// ---- participation certificate ----

/** The reader's own participation certificate of a workshop. */
export interface MyWorkshopCertificate {
  code: string;
  issuedAt: string;
  /** The public verification page of the code. */
  verifyUrl: string;
  attendedHours: number;
  expectedHours: number;
}
